from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import Revisioned
from repairs.choices import AppointmentOutcome, Category, Channel, Hazard, Priority, Slot, Status
from repairs.clocks import awaabs_law_clocks, repair_clocks
from repairs.working_days import working_days_between


class RepairRequest(Revisioned):
    """One repair a resident (or a member of staff) reported, from report to completion."""

    reference = models.CharField(max_length=20, unique=True)
    home = models.ForeignKey("engagement.Home", on_delete=models.PROTECT, related_name="repairs")
    # The tenancy at the time of the report, so a household sees its own repairs and not a past tenant's.
    household = models.ForeignKey(
        "engagement.Household", null=True, blank=True, on_delete=models.PROTECT, related_name="repairs"
    )
    reported_by = models.ForeignKey(
        "engagement.Resident", null=True, blank=True, on_delete=models.SET_NULL, related_name="reported_repairs"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(_("How it was reported"), max_length=20, choices=Channel.choices)
    category = models.CharField(max_length=20, choices=Category.choices)
    description = models.TextField()
    priority = models.CharField(max_length=10, choices=Priority.choices)
    hazard = models.CharField(max_length=20, choices=Hazard.choices, blank=True, default=Hazard.NONE)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REPORTED)
    cancellation_reason = models.TextField(blank=True)
    reported_at = models.DateTimeField()
    # The landlord's own target, fixed when the repair is raised so a later change of targets
    # does not rewrite history.
    due_at = models.DateTimeField()
    operative = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="repair_jobs"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_first_visit = models.BooleanField(_("Completed on the first visit"), null=True, blank=True)
    follow_on_work = models.TextField(_("Follow-on work needed"), blank=True)
    recall_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recalls",
        help_text=_("The earlier repair of the same problem that this one repeats."),
    )
    cost = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    photo = models.FileField(upload_to="repair-photos/%Y/%m/", blank=True)
    # Awaab's Law: when each step was done (the due dates are worked out from these and the day the
    # hazard's group commenced, settings.AWAABS_LAW_HAZARDS; see clocks.py).
    investigated_at = models.DateTimeField(null=True, blank=True)
    summary_sent_on = models.DateField(_("Written summary sent on"), null=True, blank=True)
    made_safe_at = models.DateTimeField(_("Safety work done"), null=True, blank=True)
    preventative_work_started_on = models.DateField(null=True, blank=True)
    preventative_work_delay_reason = models.TextField(
        blank=True,
        help_text=_(
            "Why further preventative work cannot begin within 5 working days (then it must begin within 12 weeks)."
        ),
    )
    # Worked out from the dates above on every save (see `derive_timescales`), so the figures can
    # judge thousands of repairs in one query instead of one repair at a time in Python.
    working_days_to_complete = models.PositiveIntegerField(null=True, blank=True, editable=False)
    awaab_investigation_due = models.DateField(null=True, blank=True, editable=False)
    awaab_summary_due = models.DateField(null=True, blank=True, editable=False)
    awaab_safety_due = models.DateField(null=True, blank=True, editable=False)
    awaab_preventative_due = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_at", "-pk"]
        permissions = [
            ("view_all_repairs", "Can see every repair, not only their own jobs"),
            ("record_repair_outcome", "Can record the outcome of a repair visit"),
            ("work_repair_jobs", "Has repair jobs of their own to do"),
            ("report_own_repair", "Can report a repair to their own home and follow its progress"),
        ]
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["reported_at"]),
            models.Index(fields=["home", "category", "completed_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=Status.CANCELLED) | ~Q(cancellation_reason=""),
                name="repair_cancelled_with_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.COMPLETED) | Q(completed_at__isnull=False),
                name="repair_completed_with_date",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.get_category_display()}"

    def save(self, *args, **kwargs):
        self.derive_timescales()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *self.DERIVED_FIELDS}
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.status not in (Status.COMPLETED, Status.CANCELLED)

    @property
    def is_recall(self):
        return self.recall_of_id is not None

    DERIVED_FIELDS = (
        "working_days_to_complete",
        "awaab_investigation_due",
        "awaab_summary_due",
        "awaab_safety_due",
        "awaab_preventative_due",
        "investigated_at",
        "made_safe_at",
    )

    def derive_timescales(self):
        """Fill the stored copies of what the dates imply: working days taken, and the due date of
        each of a significant hazard's four Awaab's Law clocks (none before its group commenced). Bulk inserts call this themselves; `save` always does.

        A finished emergency-hazard job was investigated and made safe by the time it was finished
        (Awaab's Law: both within 24 hours): a step not recorded takes the completion time, so its
        clock reads met or missed by when the job was done, not overdue."""
        if self.hazard == Hazard.EMERGENCY and self.status == Status.COMPLETED and self.completed_at:
            self.investigated_at = self.investigated_at or self.completed_at
            self.made_safe_at = self.made_safe_at or self.completed_at
        self.working_days_to_complete = (
            working_days_between(timezone.localtime(self.reported_at), timezone.localtime(self.completed_at))
            if self.completed_at and self.reported_at
            else None
        )
        dues = [None] * 4
        if self.hazard not in (Hazard.NONE, Hazard.EMERGENCY):
            dues = [clock.due for clock in awaabs_law_clocks(self)] or dues
        (
            self.awaab_investigation_due,
            self.awaab_summary_due,
            self.awaab_safety_due,
            self.awaab_preventative_due,
        ) = dues

    def clocks(self, now=None):
        return repair_clocks(self, now=now)


class Appointment(models.Model):
    repair = models.ForeignKey(RepairRequest, on_delete=models.CASCADE, related_name="appointments")
    date = models.DateField()
    slot = models.CharField(max_length=10, choices=Slot.choices)
    operative = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="appointments"
    )
    outcome = models.CharField(max_length=20, choices=AppointmentOutcome.choices, default=AppointmentOutcome.BOOKED)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["date", "slot", "pk"]
        indexes = [models.Index(fields=["date", "operative"])]

    def __str__(self):
        return f"{self.repair.reference} on {self.date:%d %B %Y} ({self.get_slot_display()})"
