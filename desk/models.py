"""Contacts with residents (make every contact count): what happened, what was asked, what follows, and
what the respectful-language check flagged in their notes and in complaint responses.

The tables keep the names they had in engagement (db_table)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned
from core.models import LanguageSource


class ContactChannel(models.TextChoices):
    HOME_VISIT = "home_visit", _("Home visit")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("Email")
    LETTER = "letter", _("Letter")
    DROP_IN = "drop_in", _("Drop-in")
    COMMUNITY_EVENT = "community_event", _("Community event")
    REPAIR_APPOINTMENT = "repair_appointment", _("Repair appointment")
    SIGN_UP = "sign_up", _("Tenancy sign-up or move-in")
    ASB_REPORT = "asb_report", _("Anti-social behaviour report")


# Channels where we are in the home and can see (and sometimes fix) a repair ourselves.
IN_THE_HOME = {ContactChannel.HOME_VISIT, ContactChannel.REPAIR_APPOINTMENT, ContactChannel.SIGN_UP}


class ContactRole(models.TextChoices):
    HOUSING_OFFICER = "housing_officer", _("Housing officer")
    REPAIRS_OPERATIVE = "repairs_operative", _("Repairs operative")
    CONTACT_CENTRE = "contact_centre", _("Contact centre")
    COMMUNITY_TEAM = "community_team", _("Community team")


class Prompt(models.TextChoices):
    """The questions a contact is a chance to ask. Each is recorded as asked or not asked."""

    REPAIRS = "repairs", _("Outstanding repairs")
    WARMTH = "warmth", _("Warmth and heating")
    HAPPINESS = "happiness", _("How happy they are with their home")
    NEEDS = "needs", _("Any change in needs")
    COMMUNICATION = "communication", _("Communication preferences")
    EQUALITY = "equality", _("Equality information")


class HeatingAnswer(models.TextChoices):
    YES = "yes", _("Yes, they can keep warm enough")
    STRUGGLING = "struggling", _("Only with difficulty, or not every room")
    NO = "no", _("No, they cannot heat the home")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class Happiness(models.IntegerChoices):
    VERY_HAPPY = 5, _("Very happy")
    FAIRLY_HAPPY = 4, _("Fairly happy")
    NEITHER = 3, _("Neither happy nor unhappy")
    FAIRLY_UNHAPPY = 2, _("Fairly unhappy")
    VERY_UNHAPPY = 1, _("Very unhappy")


class EqualityOutcome(models.TextChoices):
    ANSWERING = "answering", _("They will answer now")
    PREFER_NOT = "prefer_not_to_say", _("They prefer not to say")
    NOT_NOW = "not_now", _("Not now: ask another time")


class Contact(Revisioned):
    """One contact with a resident or a household: a visit, a call, an event, a report."""

    household = models.ForeignKey("engagement.Household", on_delete=models.PROTECT, related_name="contacts")
    # Blank when the contact was with the household as a whole.
    resident = models.ForeignKey(
        "engagement.Resident", null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts"
    )
    occurred_at = models.DateTimeField(_("When"))
    channel = models.CharField(max_length=20, choices=ContactChannel.choices)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contacts_made")
    made_as = models.CharField(_("In the role of"), max_length=20, choices=ContactRole.choices)
    purpose = models.CharField(max_length=200)
    notes = models.TextField(blank=True)
    # Answers to the prompts; blank when the prompt was not asked or not answered.
    can_heat_home = models.CharField(max_length=20, choices=HeatingAnswer.choices, blank=True)
    cold_or_damp = models.CharField(_("Cold or damp in the home"), max_length=3, choices=YesNo.choices, blank=True)
    warmth_referral = models.CharField(_("Referral made"), max_length=200, blank=True)
    happiness = models.PositiveSmallIntegerField(choices=Happiness.choices, null=True, blank=True)
    preferences_still_right = models.CharField(max_length=3, choices=YesNo.choices, blank=True)
    equality_outcome = models.CharField(max_length=20, choices=EqualityOutcome.choices, blank=True)
    # What the contact led to.
    repairs = models.ManyToManyField("repairs.RepairRequest", blank=True, related_name="contacts")
    asb_cases = models.ManyToManyField("repairs.AsbCase", blank=True, related_name="contacts")
    support_needs = models.ManyToManyField("engagement.SupportNeed", blank=True, related_name="contacts")
    adjustments = models.ManyToManyField("engagement.ReasonableAdjustment", blank=True, related_name="contacts")
    recorded_at = models.DateTimeField(auto_now_add=True)
    # The form's own key (ContactForm.once): the same form sent again finds this contact instead of
    # saving a second one. Blank for contacts from imports and from before it was kept.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        db_table = "engagement_contact"
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["household", "-occurred_at"])]
        permissions = [
            ("work_a_patch", "Looks after a patch of homes (worklist and patch view)"),
            ("correct_any_contact", "Can correct any contact, not only their own (a manager)"),
            ("assign_patches", "Can assign homes to a housing officer's patch"),
        ]

    def __str__(self):
        return f"{self.get_channel_display()} on {self.occurred_at:%d %B %Y}"

    def prompts_asked(self):
        return [record for record in self.prompts.all() if record.asked]


class ContactCorrection(models.Model):
    """One change to a contact's words after it was saved. The contact holds the corrected text; each
    correction keeps what the field said before, so the original is always there to read."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(max_length=20)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    reason = models.CharField(_("Why it was corrected"), max_length=300)
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    corrected_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "engagement_contactcorrection"
        ordering = ["corrected_at", "pk"]

    def __str__(self):
        return f"{self.field} of contact {self.contact_id} corrected"


class ContactPrompt(models.Model):
    """Whether one prompt was asked at one contact. Both answers are kept: "not asked" is a fact too."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="prompts")
    prompt = models.CharField(max_length=20, choices=Prompt.choices)
    asked = models.BooleanField()

    class Meta:
        db_table = "engagement_contactprompt"
        constraints = [models.UniqueConstraint(fields=["contact", "prompt"], name="contact_prompt_once")]

    def __str__(self):
        return f"{self.get_prompt_display()}: {'asked' if self.asked else 'not asked'}"


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_on__isnull=True)


class FollowUp(Revisioned):
    """Something to do after a contact: what, who owns it, by when, and when it was done."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.CharField(_("What needs doing"), max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="follow_ups")
    due_on = models.DateField(_("Due by"))
    done_on = models.DateField(_("Done on"), null=True, blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        db_table = "engagement_followup"
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner", "done_on", "due_on"])]

    def __str__(self):
        return self.action

    def is_overdue(self, today):
        return self.done_on is None and self.due_on < today


class LanguageFlag(models.Model):
    """One phrase the check flagged when text was saved, and whether the writer changed the text."""

    source = models.CharField(max_length=30, choices=LanguageSource.choices)
    contact = models.ForeignKey(
        "desk.Contact", null=True, blank=True, on_delete=models.CASCADE, related_name="language_flags"
    )
    complaint_stage = models.ForeignKey(
        "repairs.ComplaintStage", null=True, blank=True, on_delete=models.CASCADE, related_name="language_flags"
    )
    rule = models.ForeignKey(
        "core.LanguageRule", null=True, blank=True, on_delete=models.SET_NULL, related_name="flags"
    )
    phrase = models.CharField(max_length=100, help_text=_("The rule's phrase when it flagged, kept if the rule goes."))
    matched_text = models.CharField(max_length=200)
    text_changed = models.BooleanField(_("The writer changed the text after it was flagged"))
    still_in_text = models.BooleanField(_("The phrase is still in the saved text"))
    flagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    flagged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "engagement_languageflag"
        ordering = ["-flagged_at", "-pk"]

    def __str__(self):
        return f"{self.phrase!r} in {self.get_source_display().lower()}"
