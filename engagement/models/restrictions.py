from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned


class RestrictionKind(models.TextChoices):
    SINGLE_CONTACT = "single_contact", _("One named member of staff only")
    WRITTEN_ONLY = "written_only", _("Written contact only")
    TWO_STAFF_VISITS = "two_staff_visits", _("Home visits by two members of staff only")
    SET_TIMES = "set_times", _("Phone calls at set times only")
    OTHER = "other", _("Other")


EVERY_CHANNEL = frozenset({"email", "text", "letter", "phone", "in_person"})
# The ways of contacting (Channel codes) each kind of restriction rules out for anything we start,
# such as a survey invitation. A single named contact, or a restriction we cannot read, rules out
# everything: that named person (or the officer) decides, not a mailing.
RULES_OUT = {
    RestrictionKind.SINGLE_CONTACT: EVERY_CHANNEL,
    RestrictionKind.WRITTEN_ONLY: frozenset({"phone", "in_person"}),
    RestrictionKind.TWO_STAFF_VISITS: frozenset({"in_person"}),
    RestrictionKind.SET_TIMES: frozenset(),  # calls go ahead at the set times (the call list shows them)
    RestrictionKind.OTHER: EVERY_CHANNEL,
}


class ContactRestrictionQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_on__isnull=True)

    def past_review(self, today):
        return self.current().filter(review_by__lt=today)


class ContactRestriction(Revisioned):
    """A limit on how a resident may contact us. It must be reviewed by a date, and the resident told."""

    resident = models.ForeignKey("engagement.Resident", on_delete=models.CASCADE, related_name="contact_restrictions")
    kind = models.CharField(_("Kind of restriction"), max_length=20, choices=RestrictionKind.choices)
    details = models.TextField(_("What is restricted"))
    reason = models.TextField(_("Why"))
    decided_by = models.CharField(
        _("Who decided"), max_length=120, help_text=_("Name and job title of the manager who decided.")
    )
    started_on = models.DateField(_("Start date"))
    review_by = models.DateField(_("Review by"))
    resident_told_on = models.DateField(
        _("Date the resident was told"), null=True, blank=True, help_text=_("Blank if they have not been told yet.")
    )
    ended_on = models.DateField(_("Ended on"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContactRestrictionQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["ended_on", "review_by"])]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.resident}"

    @property
    def is_current(self):
        return self.ended_on is None

    @property
    def resident_was_told(self):
        return self.resident_told_on is not None

    def rules_out(self, channel):
        return self.is_current and channel in RULES_OUT[self.kind]

    def is_past_review(self, today):
        return self.is_current and self.review_by < today
