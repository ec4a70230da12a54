from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.models.invitations import InvitationChannel


class DeliveryKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    REMINDER = "reminder", _("Reminder")


class DeliveryStatus(models.TextChoices):
    # Email and text: a background job sends it. Letters: waiting for the print pack. Calls and
    # visits: on the call or visit list.
    QUEUED = "queued", _("Queued")
    # Claimed by one job and being sent: no other job may send it (see surveys/sending.py).
    SENDING = "sending", _("Sending")
    # Nothing can send it yet (a text with no text-message provider configured).
    WAITING = "waiting", _("Waiting")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")
    BOUNCED = "bounced", _("Bounced")


class Delivery(models.Model):
    """One message to one resident about one invitation (the invitation itself, or its one reminder),
    by one channel, and what became of it. Every channel reports back the same way."""

    invitation = models.ForeignKey("surveys.Invitation", on_delete=models.CASCADE, related_name="deliveries")
    kind = models.CharField(max_length=12, choices=DeliveryKind.choices, default=DeliveryKind.INVITATION)
    channel = models.CharField(max_length=20, choices=InvitationChannel.choices)
    status = models.CharField(max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    detail = models.CharField(max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The provider's own id for this message (GOV.UK Notify's notification id), to match status reports.
    provider_reference = models.CharField(max_length=64, blank=True, db_index=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    status_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["invitation", "queued_at"]
        verbose_name_plural = "deliveries"
        constraints = [models.UniqueConstraint(fields=["invitation", "kind"], name="one_delivery_per_invitation_kind")]
        indexes = [models.Index(fields=["status", "channel"])]

    def __str__(self):
        return f"{self.get_kind_display()} by {self.get_channel_display()} ({self.get_status_display()})"
