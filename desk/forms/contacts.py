"""The log-a-contact form: the contact, the optional prompts, and follow-up actions."""

import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.forms.dates import DateField, date_choices_not_in_future
from core.forms.govuk import clean_time, helper, moment, time_field
from core.language_check import add_language_check
from core.roles import CONTACT_CENTRE_AGENT, HOUSING_OFFICER, REPAIRS_OPERATIVE
from desk.contact_logging import NewAdjustment, NewFollowUp, NewNeed, NewRepair
from desk.forms.contact_layout import contact_layout
from desk.models import (
    IN_THE_HOME,
    ContactChannel,
    ContactRole,
    EqualityOutcome,
    Happiness,
    HeatingAnswer,
    Prompt,
    YesNo,
)
from desk.selectors.contacts import can_record_adjustments, can_record_needs
from engagement.models import NeedCategory
from repairs.models import Category, Hazard, Priority

HOUSEHOLD = "household"
FOLLOW_UP_SLOTS = (1, 2)
ROLE_FOR_GROUP = {
    HOUSING_OFFICER.name: ContactRole.HOUSING_OFFICER,
    REPAIRS_OPERATIVE.name: ContactRole.REPAIRS_OPERATIVE,
    CONTACT_CENTRE_AGENT.name: ContactRole.CONTACT_CENTRE,
}
# The fields that answer each prompt: giving any of them means the prompt was asked.
PROMPT_FIELDS = {
    Prompt.REPAIRS: ["repair_description"],
    Prompt.WARMTH: ["can_heat_home", "cold_or_damp", "warmth_referral"],
    Prompt.HAPPINESS: ["happiness"],
    Prompt.NEEDS: ["need_description", "adjustment_request"],
    Prompt.COMMUNICATION: ["preferences_still_right"],
    Prompt.EQUALITY: ["equality_outcome"],
}
ANSWER_FIELDS = ["can_heat_home", "cold_or_damp", "warmth_referral", "happiness", "preferences_still_right",
                 "equality_outcome"]  # fmt: skip


def staff():
    names = [HOUSING_OFFICER.name, REPAIRS_OPERATIVE.name, CONTACT_CENTRE_AGENT.name]
    return get_user_model().objects.filter(groups__name__in=names, is_active=True).distinct().order_by("username")


class StaffSelect(forms.Select):
    """A select of every member of staff who can own a follow-up, written in one pass. Django renders
    each option through its own template: with a large landlord's hundreds of staff, twice a form,
    that cost about 30 ms a select at 500 staff, against 3.5 ms written here (docs/scaling.md)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, mark_safe(" selected") if str(key) in chosen else "", label) for key, label in self.choices),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


def _radios(label, choices, **kwargs):
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, **kwargs)


class ContactForm(forms.Form):
    about = _radios(
        _("Who was the contact with?"), [], error_messages={"required": _("Select who the contact was with")}
    )
    occurred_on = DateField(label=_("Date of the contact"), validators=[date_choices_not_in_future])
    occurred_time = time_field(_("Time of the contact"))
    # Selects, not radios: nine ways and four roles as radios made the form too long on a phone.
    channel = forms.ChoiceField(label=_("How was the contact made?"),
                                choices=[("", _("Choose how")), *ContactChannel.choices],
                                error_messages={"required": _("Select how the contact was made")})  # fmt: skip
    made_as = forms.ChoiceField(label=_("Your role in this contact"),
                                choices=[("", _("Choose your role")), *ContactRole.choices],
                                error_messages={"required": _("Select your role in this contact")})  # fmt: skip
    purpose = forms.CharField(label=_("What was the contact about?"), max_length=200,
                              error_messages={"required": _("Enter what the contact was about")})  # fmt: skip
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Write what happened and what the resident said, as you would want it written about you."),
    )

    # Outstanding repairs: spotted something else?
    asked_repairs = forms.BooleanField(label=_("I asked about repairs"), required=False)
    repair_description = forms.CharField(label=_("Spotted something else? Describe it"), required=False,
                                         max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    repair_category = forms.ChoiceField(label=_("Kind of repair"), required=False,
                                        choices=[("", _("Choose a kind of repair")), *Category.choices])  # fmt: skip
    repair_priority = _radios(_("Priority"), Priority.choices, required=False, initial=Priority.ROUTINE)
    repair_hazard = _radios(
        _("Is it a hazard under Awaab's Law?"),
        Hazard.choices,
        required=False,
        initial=Hazard.NONE,
        help_text=_("A hazard starts the legal clocks from the time of this contact, once the law covers its kind."),
    )
    repair_fixed = forms.BooleanField(label=_("I fixed it there and then"), required=False,
                                      help_text=_("It is recorded as done on the first visit."))  # fmt: skip
    # Warmth and heating.
    asked_warmth = forms.BooleanField(label=_("I asked about warmth and heating"), required=False)
    can_heat_home = _radios(_("Can they heat their home?"), HeatingAnswer.choices, required=False)
    cold_or_damp = _radios(_("Any cold or damp in the home?"), YesNo.choices, required=False)
    warmth_referral = forms.CharField(label=_("Referral made (if any)"), required=False, max_length=200,
                                      help_text=_("For example, energy advice, hardship fund, damp survey."))  # fmt: skip
    # How happy they are with their home.
    asked_happiness = forms.BooleanField(label=_("I asked how happy they are with their home"), required=False)
    happiness = forms.TypedChoiceField(label=_("How happy are they with their home?"), choices=Happiness.choices,
                                       coerce=int, required=False, widget=forms.RadioSelect, empty_value=None)  # fmt: skip
    # Any change in needs.
    asked_needs = forms.BooleanField(label=_("I asked about any change in their needs"), required=False)
    need_category = forms.ChoiceField(label=_("Kind of new need"), required=False,
                                      choices=[("", _("Choose a kind of need")), *NeedCategory.choices])  # fmt: skip
    need_description = forms.CharField(label=_("What they need now"), required=False, max_length=2000,
                                       widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    need_review_by = DateField(label=_("Review the need by"), required=False)
    adjustment_request = forms.CharField(label=_("Reasonable adjustment asked for"), required=False,
                                         max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                                         help_text=_("What we should do differently."))  # fmt: skip
    adjustment_requested_by = forms.CharField(label=_("Who asked for it"), required=False, max_length=120,
                                              help_text=_("Blank for the resident."))  # fmt: skip
    # Communication preferences.
    asked_communication = forms.BooleanField(label=_("I checked their communication preferences"), required=False)
    preferences_still_right = _radios(_("Are these preferences still right?"), YesNo.choices, required=False)
    # Equality information.
    asked_equality = forms.BooleanField(label=_("I offered the equality questions"), required=False)
    equality_outcome = _radios(_("What did they say?"), EqualityOutcome.choices, required=False)

    has_follow_ups = forms.BooleanField(label=_("Something needs following up"), required=False)
    # Names this filling-in of the form, so the same form sent twice (a double click, or "Save"
    # pressed again after a "try again" page) saves one contact (desk.contact_logging.contact_log).
    once = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, household, resident, user, offered, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.household, self.user, self.offered = household, user, list(offered)
        people = [(str(person.pk), person.full_name) for person in household.residents.all()]
        self.fields["about"].choices = [*people, (HOUSEHOLD, _("The household as a whole"))]
        now = timezone.localtime()
        self.initial.setdefault("about", str(resident.pk))
        self.initial.setdefault("once", uuid.uuid4())
        self.initial.setdefault("occurred_on", now.date())
        self.initial.setdefault("occurred_time", now.strftime("%H:%M"))
        # Both start as now, so the usual hints would only make the form longer on a phone.
        self.fields["occurred_time"].help_text = _("24-hour clock, for example 14:30")
        self.fields["occurred_on"].help_text = ""
        role = ROLE_FOR_GROUP.get(next((g.name for g in user.groups.all() if g.name in ROLE_FOR_GROUP), None))
        if role:
            self.initial.setdefault("made_as", role)
        owners = None
        for slot in FOLLOW_UP_SLOTS:
            self.fields[f"follow_up_{slot}_action"] = forms.CharField(
                label=_("What needs doing"), required=False, max_length=300
            )
            owner = forms.ModelChoiceField(
                label=_("Who will do it"), queryset=staff(), required=False, empty_label=_("Me"), widget=StaffSelect
            )
            owners = owners if owners is not None else [choice for choice in owner.choices]  # one query, no count
            owner.choices = owners
            self.fields[f"follow_up_{slot}_owner"] = owner
            self.fields[f"follow_up_{slot}_due"] = DateField(label=_("Due by"), required=False)
        for prompt, names in PROMPT_FIELDS.items():
            if prompt not in self.offered:
                for name in [f"asked_{prompt}", *names]:
                    self.fields.pop(name, None)
        if Prompt.REPAIRS not in self.offered:
            for name in ("repair_category", "repair_priority", "repair_hazard", "repair_fixed"):
                self.fields.pop(name)
        if Prompt.NEEDS in self.offered:
            if not can_record_needs(user):
                for name in ("need_category", "need_description", "need_review_by"):
                    self.fields.pop(name)
            if not can_record_adjustments(user):
                for name in ("adjustment_request", "adjustment_requested_by"):
                    self.fields.pop(name)
        else:
            for name in ("need_category", "need_review_by", "adjustment_requested_by"):
                self.fields.pop(name, None)
        self.as_flagged_field = add_language_check(self, "notes", rules)
        self.helper = helper(
            *contact_layout(self.fields, self.offered, PROMPT_FIELDS, FOLLOW_UP_SLOTS), submit=_("Save the contact")
        )

    def clean_occurred_time(self):
        return clean_time(self.cleaned_data.get("occurred_time"), _("time of the contact"))

    def clean(self):
        data = super().clean()
        if data.get("repair_description"):
            if not data.get("repair_category"):
                self.add_error("repair_category", _("Select the kind of repair"))
            if data.get("repair_fixed") and data.get("channel") and data["channel"] not in IN_THE_HOME:
                self.add_error("repair_fixed", _("A repair can only be fixed there and then at a visit to the home"))
            if data.get("repair_fixed") and data.get("repair_hazard"):
                self.add_error("repair_fixed", _("Raise a hazard as a repair, so its Awaab's Law clocks start"))
            if not data.get("repair_fixed") and not data.get("repair_priority"):
                self.add_error("repair_priority", _("Select a priority for the repair"))
        if data.get("need_description") and not data.get("need_category"):
            self.add_error("need_category", _("Select the kind of need"))
        if (data.get("need_description") or data.get("adjustment_request")) and data.get("about") == HOUSEHOLD:
            self.add_error("about", _("Select the resident whose needs changed: needs belong to one person"))
        for slot in FOLLOW_UP_SLOTS:
            if data.get(f"follow_up_{slot}_action") and not data.get(f"follow_up_{slot}_due"):
                self.add_error(f"follow_up_{slot}_due", _("Enter the date follow-up %(n)s is due by") % {"n": slot})
        return data

    # What the service needs, from the cleaned answers.
    def resident(self):
        about = self.cleaned_data["about"]
        return None if about == HOUSEHOLD else self.household.residents.get(pk=int(about))

    def occurred_at(self):
        return moment(self.cleaned_data["occurred_on"], self.cleaned_data.get("occurred_time"))

    def asked(self):
        data = self.cleaned_data
        return {
            prompt
            for prompt in self.offered
            if data.get(f"asked_{prompt}") or any(data.get(name) for name in PROMPT_FIELDS[prompt])
        }

    def answers(self):
        return {name: self.cleaned_data[name] for name in ANSWER_FIELDS if self.cleaned_data.get(name)}

    def new_repair(self):
        data = self.cleaned_data
        if not data.get("repair_description"):
            return None
        return NewRepair(
            category=data["repair_category"],
            description=data["repair_description"],
            priority=data.get("repair_priority") or Priority.ROUTINE,
            fixed_at_visit=bool(data.get("repair_fixed")),
            hazard=data.get("repair_hazard") or Hazard.NONE,
        )

    def new_need(self):
        data = self.cleaned_data
        if not data.get("need_description"):
            return None
        return NewNeed(data["need_category"], data["need_description"], data.get("need_review_by"))

    def new_adjustment(self):
        data = self.cleaned_data
        if not data.get("adjustment_request"):
            return None
        return NewAdjustment(data["adjustment_request"], data.get("adjustment_requested_by") or "The resident")

    def follow_ups(self):
        data = self.cleaned_data
        return [
            NewFollowUp(data[f"follow_up_{slot}_action"], data.get(f"follow_up_{slot}_owner") or self.user,
                        data[f"follow_up_{slot}_due"])
            for slot in FOLLOW_UP_SLOTS if data.get(f"follow_up_{slot}_action")
        ]  # fmt: skip
