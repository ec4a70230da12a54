"""What a person needs from us, kept as a history rather than as flags that never change."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned


class NeedCategory(models.TextChoices):
    MOBILITY = "mobility", _("Mobility")
    SIGHT = "sight", _("Sight")
    HEARING = "hearing", _("Hearing")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    COGNITIVE = "cognitive", _("Memory, learning or understanding")
    LANGUAGE = "language", _("Language")
    TEMPORARY_INJURY = "temporary_injury", _("Temporary injury")
    BEREAVEMENT = "bereavement", _("Bereavement")
    PREGNANCY = "pregnancy", _("Pregnancy")
    OTHER = "other", _("Other")


class SupportNeedQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_on__isnull=True)

    def past_review(self, today):
        return self.current().filter(review_by__lt=today)


class SupportNeed(Revisioned):
    """Health and support information: special-category data, shown only with permission and audited.

    Ending a need sets `ended_on`; nothing is deleted, so the history of what someone needed stays.
    """

    resident = models.ForeignKey("engagement.Resident", on_delete=models.CASCADE, related_name="support_needs")
    category = models.CharField(max_length=20, choices=NeedCategory.choices)
    description = models.TextField(_("What the person needs"))
    is_temporary = models.BooleanField(_("Temporary"), default=False)
    started_on = models.DateField(_("Start date"))
    review_by = models.DateField(_("Review by"), null=True, blank=True)
    ended_on = models.DateField(_("Ended on"), null=True, blank=True)
    end_reason = models.CharField(_("Why it ended"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SupportNeedQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "pk"]
        indexes = [models.Index(fields=["ended_on", "review_by"])]

    def __str__(self):
        return f"{self.get_category_display()} need of {self.resident}"

    @property
    def is_current(self):
        return self.ended_on is None

    def is_past_review(self, today):
        return self.is_current and self.review_by is not None and self.review_by < today
