"""Shortlists of residents to invite to a panel, drawn at random within quotas."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagement.models.communication import Channel


class PanelShortlist(models.Model):
    panel = models.ForeignKey("engagement.ScrutinyPanel", on_delete=models.CASCADE, related_name="shortlists")
    characteristics = models.JSONField(help_text=_("The equality questions the quotas balance."))
    size = models.PositiveIntegerField()
    seed = models.BigIntegerField(help_text=_("Drawing again with this seed on the same data gives the same list."))
    # [{"group": {dimension: code}, "label": str, "quota": int, "expected": float}]
    quotas = models.JSONField(default=list)
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    drawn_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-drawn_at", "-pk"]

    def __str__(self):
        return f"Shortlist {self.pk} for {self.panel}"


class ShortlistInvitee(models.Model):
    shortlist = models.ForeignKey(PanelShortlist, on_delete=models.CASCADE, related_name="invitees")
    resident = models.ForeignKey("engagement.Resident", on_delete=models.CASCADE, related_name="+")
    group_label = models.CharField(max_length=300)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    # False when the resident has told us nothing: we write to the home, as for everyone.
    channel_from_preference = models.BooleanField(default=True)

    class Meta:
        ordering = ["shortlist", "pk"]

    def __str__(self):
        return f"{self.resident} ({self.group_label})"
