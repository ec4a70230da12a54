from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned
from repairs.choices import ComplaintCategory, Finding, Outcome
from repairs.clocks import complaint_stage_clocks, decision_due


class Complaint(Revisioned):
    """A complaint, handled under the Housing Ombudsman's Complaint Handling Code (stage 1, then 2)."""

    reference = models.CharField(max_length=20, unique=True)
    resident = models.ForeignKey("engagement.Resident", on_delete=models.PROTECT, related_name="complaints")
    household = models.ForeignKey("engagement.Household", on_delete=models.PROTECT, related_name="complaints")
    received_on = models.DateField()
    summary = models.TextField(_("What the resident is unhappy about"))
    repairs = models.ManyToManyField("repairs.RepairRequest", blank=True, related_name="complaints")
    lesson_learnt = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return self.reference

    @property
    def is_open(self):
        return self.closed_on is None

    def category_codes(self):
        return [c.category for c in self.categories.all()]

    @property
    def alleges_discrimination(self):
        return ComplaintCategory.DISCRIMINATION in self.category_codes()

    def current_stage(self):
        stages = list(self.stages.all())
        return max(stages, key=lambda stage: stage.number) if stages else None


class ComplaintCategoryTag(models.Model):
    """One of the things a complaint is about (a complaint can be about several)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="categories")
    category = models.CharField(max_length=30, choices=ComplaintCategory.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["complaint", "category"], name="complaint_category_once")]

    def __str__(self):
        return self.get_category_display()


class ComplaintCategoryChange(models.Model):
    """A correction to what a complaint is about: what it was, what it became, who changed it and why."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="category_changes")
    before = models.JSONField(default=list)
    after = models.JSONField(default=list)
    reason = models.CharField(_("Why the categories changed"), max_length=300)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"Categories of {self.complaint} changed"

    @staticmethod
    def _labels(codes):
        return ", ".join(str(ComplaintCategory(code).label) for code in codes if code in ComplaintCategory.values)

    @property
    def before_labels(self):
        return self._labels(self.before)

    @property
    def after_labels(self):
        return self._labels(self.after)


class ComplaintStage(Revisioned):
    """Stage 1 or stage 2 of a complaint: its own acknowledgement, decision and Code clocks."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField(choices=[(1, _("Stage 1")), (2, _("Stage 2"))])
    received_on = models.DateField(help_text=_("For stage 2, the day the resident asked to escalate."))
    acknowledged_on = models.DateField(null=True, blank=True)
    responded_on = models.DateField(_("Decision sent on"), null=True, blank=True)
    extension_working_days = models.PositiveSmallIntegerField(default=0)
    extension_reason = models.TextField(_("Reason for the extension, as given to the resident"), blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    remedy = models.TextField(blank=True)
    # Derived on save (and by bulk inserts): the last day the decision meets the Code, any extension
    # counted up to the Code's limit. The figures (TSM CH02 by group) compare responded_on with it.
    decision_due_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["complaint", "number"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "number"], name="complaint_stage_once"),
            models.CheckConstraint(
                condition=Q(extension_working_days=0) | ~Q(extension_reason=""),
                name="complaint_extension_with_reason",
            ),
        ]

    def __str__(self):
        return f"{self.complaint.reference} stage {self.number}"

    def save(self, *args, **kwargs):
        self.derive_decision_due()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "decision_due_on"}
        super().save(*args, **kwargs)

    def clocks(self, now=None):
        return complaint_stage_clocks(self, now=now)

    def derive_decision_due(self):
        self.decision_due_on = decision_due(
            number=self.number,
            received_on=self.received_on,
            acknowledged_on=self.acknowledged_on,
            extension_working_days=self.extension_working_days,
        )


class DiscriminationAllegation(Revisioned):
    """An allegation of discrimination inside a complaint. It is answered in its own right: the
    complaint cannot close until the allegation was acknowledged, investigated and has a finding."""

    complaint = models.OneToOneField(Complaint, on_delete=models.CASCADE, related_name="allegation")
    acknowledged_on = models.DateField(null=True, blank=True)
    investigated_on = models.DateField(null=True, blank=True)
    finding = models.CharField(max_length=30, choices=Finding.choices, blank=True)
    finding_detail = models.TextField(_("What the investigation found"), blank=True)

    def __str__(self):
        return f"Discrimination allegation in {self.complaint.reference}"

    @property
    def has_finding(self):
        return bool(self.acknowledged_on and self.investigated_on and self.finding and self.finding_detail.strip())
