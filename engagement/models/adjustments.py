from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned


class AdjustmentStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    AGREED = "agreed", _("Agreed")
    IN_PLACE = "in_place", _("In place")
    DECLINED = "declined", _("Declined")


OUTSTANDING = (AdjustmentStatus.REQUESTED, AdjustmentStatus.AGREED)

# Where each status may go next. A declined adjustment can be agreed after a review or challenge.
NEXT_STATUSES = {
    AdjustmentStatus.REQUESTED: {AdjustmentStatus.AGREED, AdjustmentStatus.IN_PLACE, AdjustmentStatus.DECLINED},
    AdjustmentStatus.AGREED: {AdjustmentStatus.IN_PLACE, AdjustmentStatus.DECLINED},
    AdjustmentStatus.IN_PLACE: set(),
    AdjustmentStatus.DECLINED: {AdjustmentStatus.AGREED},
}


class ReasonableAdjustmentQuerySet(models.QuerySet):
    def outstanding(self):
        return self.filter(status__in=OUTSTANDING)

    def past_review(self, today):
        """In place, with a review date that has gone by."""
        return self.filter(status=AdjustmentStatus.IN_PLACE, review_by__lt=today)

    def outstanding_first(self):
        is_outstanding = models.Case(models.When(status__in=OUTSTANDING, then=models.Value(0)), default=models.Value(1))
        return self.order_by(is_outstanding, "-requested_on", "-pk")


class ReasonableAdjustment(Revisioned):
    """A change to how we work so that a disabled resident is not put at a disadvantage.

    Each step (agreed, in place, declined) keeps its own date, so the record is its own history.
    """

    resident = models.ForeignKey("engagement.Resident", on_delete=models.CASCADE, related_name="adjustments")
    request = models.TextField(_("What was requested"))
    requested_on = models.DateField(_("Date requested"))
    requested_by = models.CharField(
        _("Who asked for it"), max_length=120, help_text=_("For example, the resident, their daughter, or their GP.")
    )
    status = models.CharField(max_length=20, choices=AdjustmentStatus.choices, default=AdjustmentStatus.REQUESTED)
    agreed_on = models.DateField(_("Date agreed"), null=True, blank=True)
    in_place_on = models.DateField(_("Date in place"), null=True, blank=True)
    declined_on = models.DateField(_("Date declined"), null=True, blank=True)
    decline_reason = models.TextField(_("Reason given to the resident"), blank=True)
    review_by = models.DateField(_("Review by"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReasonableAdjustmentQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_on", "-pk"]

    def __str__(self):
        return f"Adjustment for {self.resident}: {self.request[:40]}"

    @property
    def is_outstanding(self):
        return self.status in OUTSTANDING

    def is_past_review(self, today):
        return self.status == AdjustmentStatus.IN_PLACE and self.review_by is not None and self.review_by < today
