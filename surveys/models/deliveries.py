from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.models.invitations import InvitationChannel


class DeliveryKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    REMINDER = "reminder", _("Reminder")


class DeliveryStatus(models.TextChoices):
    """What happened, and no more: "sent" only when a real provider (a mail server, GOV.UK Notify)
    accepted the message; a letter is "printed" when its print pack is made and "posted" when staff
    say the batch went to the post; a call or visit is "to call" or "to visit" on its list."""

    # Email and text: a background job sends it. Letters: waiting for the print pack.
    QUEUED = "queued", _("Queued")
    # Claimed by one job and being sent: no other job may send it (see surveys/sending.py).
    SENDING = "sending", _("Sending")
    # Nothing can send it yet (no mail server or text-message provider configured).
    WAITING = "waiting", _("Waiting")
    # Calls and visits: on the call or visit list, for a person to make.
    TO_CALL = "to_call", _("To call")
    TO_VISIT = "to_visit", _("To visit")
    PRINTED = "printed", _("Printed, not posted yet")
    POSTED = "posted", _("Posted")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")
    BOUNCED = "bounced", _("Bounced")


class PrintBatch(models.Model):
    """One print pack: the letters printed together, and when staff said they went to the post."""

    survey = models.ForeignKey("surveys.Survey", on_delete=models.CASCADE, related_name="print_batches")
    made_at = models.DateTimeField(auto_now_add=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    letters = models.PositiveIntegerField(default=0)
    posted_at = models.DateTimeField(null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["survey", "-made_at", "-pk"]
        verbose_name_plural = "print batches"

    def __str__(self):
        return f"Print pack {self.pk} of {self.survey} ({self.letters} letters)"


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
    print_batch = models.ForeignKey(
        PrintBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
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
