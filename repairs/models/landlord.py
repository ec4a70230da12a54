"""Facts the landlord holds for the Regulator's management-information measures besides repairs
and complaints: building-safety checks (BS01 to BS05), decency at year end (RP01) and anti-social
behaviour cases (NM01). Each comes from an import, or (an anti-social behaviour case) from a
logged contact."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from repairs.choices import AsbChannel, CheckType


class ComplianceCheck(models.Model):
    """A home's latest check of one type: whether the home needs it, when it was due, done and
    recorded. A block's check is held on each of its homes."""

    home = models.ForeignKey("engagement.Home", on_delete=models.CASCADE, related_name="compliance_checks")
    check_type = models.CharField(max_length=20, choices=CheckType.choices)
    required = models.BooleanField(default=True)
    due_on = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    recorded_on = models.DateField(null=True, blank=True)
    block_reference = models.CharField(
        max_length=30, blank=True, help_text=_("The block the check was recorded against, if not the home.")
    )
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["home", "check_type"]
        constraints = [
            models.UniqueConstraint(fields=["home", "check_type"], name="compliance_check_once"),
            models.CheckConstraint(condition=Q(recorded_on__isnull=True) | Q(done_on__isnull=False),
                                   name="compliance_recorded_after_done"),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.get_check_type_display()} at {self.home_id}"


class DecencyRecord(models.Model):
    """Whether a home failed the Decent Homes Standard at a year end (RP01)."""

    home = models.ForeignKey("engagement.Home", on_delete=models.CASCADE, related_name="decency_records")
    as_at = models.DateField(_("Year end"))
    fails_standard = models.BooleanField(_("Fails the Decent Homes Standard"))

    class Meta:
        ordering = ["home", "-as_at"]
        constraints = [models.UniqueConstraint(fields=["home", "as_at"], name="decency_once_a_year_end")]

    def __str__(self):
        return f"Decency of {self.home_id} at {self.as_at}"


class AsbCase(models.Model):
    """An anti-social behaviour case opened by us or on our behalf (NM01)."""

    reference = models.CharField(max_length=30, unique=True)
    home = models.ForeignKey("engagement.Home", on_delete=models.PROTECT, related_name="asb_cases")
    opened_on = models.DateField(_("Opened on"))
    involves_hate_incident = models.BooleanField(_("Involves a hate incident"), default=False)
    channel = models.CharField(_("How it was reported"), max_length=20, choices=AsbChannel.choices)
    summary = models.TextField(_("What was reported"), blank=True)
    closed_on = models.DateField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = "anti-social behaviour case"

    def __str__(self):
        return self.reference
