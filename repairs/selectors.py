"""Reads that several pages share, and the rows the measures are computed from.

Object-level rules live here: an operative sees only the jobs assigned to them; a resident only
their own household's repairs. Views ask these functions and answer 404 for anything else.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.utils import timezone

from engagement.selectors.visits import visit_prefetch
from repairs.models import (
    OPEN_STATUSES,
    Appointment,
    AsbCase,
    Complaint,
    ComplaintStage,
    ComplianceCheck,
    DecencyRecord,
    RepairRequest,
    Status,
)


def repairs_visible_to(user):
    """Every repair for staff who handle them; an operative's own jobs; nothing for anyone else."""
    repairs = RepairRequest.objects.select_related("home__region", "operative")
    if user.has_perm("repairs.view_all_repairs"):
        return repairs
    if user.has_perm("repairs.view_repairrequest"):
        return repairs.filter(operative=user)
    return repairs.none()


def repair_for(user, pk):
    """The repair if `user` may see it; otherwise 404 (so nobody learns that it exists)."""
    repair = repairs_visible_to(user).filter(pk=pk).first()
    if repair is None:
        raise Http404("No repair found.")
    return repair


def repairs_filtered(user, *, status="", category="", region=None, overdue=False, now=None):
    repairs = repairs_visible_to(user)
    if status:
        repairs = repairs.filter(status=status)
    if category:
        repairs = repairs.filter(category=category)
    if region is not None:
        repairs = repairs.filter(home__region=region)
    if overdue:
        repairs = repairs.filter(status__in=OPEN_STATUSES, due_at__lt=now or timezone.now())
    return repairs


def jobs_for_operative(user, day):
    """The operative's visits on `day`, with the repair, home and household visited, in slot order."""
    return (
        Appointment.objects.filter(date=day, repair__operative=user)
        .select_related("repair__home", "repair__household")
        .prefetch_related(visit_prefetch("repair__household"))
        .order_by("slot", "repair__reference")
    )


def resident_household(user):
    resident = getattr(user, "resident", None)
    return resident.household if resident is not None else None


def repairs_for_resident(user):
    """A signed-in resident's own household's repairs (none when the account has no home)."""
    household = resident_household(user)
    if household is None:
        return RepairRequest.objects.none()
    return repairs_for_household(household)


def resident_repair_for(user, pk):
    repair = repairs_for_resident(user).filter(pk=pk).first()
    if repair is None:
        raise Http404("No repair found.")
    return repair


def repairs_for_household(household):
    """A household's repairs, newest first, with their visits."""
    return (
        RepairRequest.objects.filter(household=household)
        .select_related("home")
        .prefetch_related(Prefetch("appointments", queryset=Appointment.objects.order_by("date", "slot")))
        .order_by("-reported_at", "-pk")
    )


def complaints_for_household(household):
    """A household's complaints, newest first, with their stages and categories."""
    return (
        Complaint.objects.filter(household=household)
        .select_related("resident")
        .prefetch_related("stages", "categories")
        .order_by("-received_on", "-pk")
    )


def household_summary(household, now=None):
    """What the resident page (and the log-a-contact page) shows: open and recent repairs, and open
    and recent complaints. Only the columns shown are read, without the visits or the complaints'
    categories, which neither page shows; `shown` is all of it as plain values, the key of the
    page's cached fragment (core/fragments.py)."""
    repairs = list(
        RepairRequest.objects.filter(household=household)
        .only("reference", "category", "status", "reported_at", "recall_of_id")
        .order_by("-reported_at", "-pk")[:20]
    )
    complaints = list(
        Complaint.objects.filter(household=household)
        .only("reference", "received_on", "closed_on")
        .prefetch_related("stages")
        .order_by("-received_on", "-pk")[:10]
    )
    return {
        "repairs": repairs,
        "open_repairs": [repair for repair in repairs if repair.is_open],
        "complaints": complaints,
        "open_complaints": [complaint for complaint in complaints if complaint.is_open],
        "household": household,
        "repairs_shown": [(r.pk, r.reference, r.category, r.status, r.reported_at, r.recall_of_id) for r in repairs],
        "complaints_shown": [
            (c.pk, c.reference, c.received_on, c.closed_on, (stage := c.current_stage()) and stage.number)
            for c in complaints
        ],
    }


def complaints_filtered(*, status="", category=""):
    complaints = Complaint.objects.select_related("resident", "household__home").prefetch_related(
        "stages", "categories"
    )
    if status == "open":
        complaints = complaints.filter(closed_on__isnull=True)
    elif status == "closed":
        complaints = complaints.filter(closed_on__isnull=False)
    if category:
        complaints = complaints.filter(categories__category=category)
    return complaints


def complaint_for(pk):
    complaint = (
        Complaint.objects.select_related("resident", "household__home")
        .prefetch_related("stages", "categories", "repairs", "category_changes__changed_by")
        .filter(pk=pk)
        .first()
    )
    if complaint is None:
        raise Http404("No complaint found.")
    return complaint


# Rows for repairs/measures.py: plain dicts, so the inequities engine can group them as it needs.

REPAIR_FACT_FIELDS = [
    "pk",
    "priority",
    "category",
    "hazard",
    "status",
    "reported_at",
    "due_at",
    "completed_at",
    "investigated_at",
    "summary_sent_on",
    "made_safe_at",
    "preventative_work_started_on",
    "preventative_work_delay_reason",
    "home__region__name",
    "home__imd_decile",
    "home__scheme_type",
    "household_id",
]


def repair_facts(repairs=None):
    """One dict per repair with what the measures need, plus `was_recalled` (a later repair
    repeated it)."""
    repairs = RepairRequest.objects.all() if repairs is None else repairs
    recalled = RepairRequest.objects.filter(recall_of=OuterRef("pk"))
    return repairs.annotate(was_recalled=Exists(recalled)).values(*REPAIR_FACT_FIELDS, "was_recalled")


def complaint_stage_facts(stages=None):
    stages = ComplaintStage.objects.all() if stages is None else stages
    return stages.values(
        "number",
        "received_on",
        "acknowledged_on",
        "responded_on",
        "extension_working_days",
        "complaint__household_id",
        "complaint__household__home__scheme_type",
    )


def compliance_facts():
    """Rows for measures.building_safety: each home's latest check of each type."""
    return ComplianceCheck.objects.values(
        "home_id", "home__scheme_type", "check_type", "required", "due_on", "done_on", "recorded_on"
    )


def decency_facts():
    """Rows for measures.decent_homes_failures."""
    return DecencyRecord.objects.values("home_id", "home__scheme_type", "as_at", "fails_standard")


def asb_case_facts():
    """Rows for measures.asb_cases_per_thousand_homes."""
    return AsbCase.objects.values("opened_on", "involves_hate_incident", "home__scheme_type")


@dataclass(frozen=True)
class CompletedRepair:
    resident: object  # engagement.models.Resident
    repair_reference: str
    completed_on: date


def completed_repairs_since(since):
    """Repairs completed on or after `since`, with the resident to ask about each: the one who
    reported it, or else the household's lead tenant. Feeds the survey after a repair."""
    repairs = (
        RepairRequest.objects.filter(status=Status.COMPLETED, completed_at__date__gte=since, household__isnull=False)
        .select_related("reported_by", "household")
        .prefetch_related("household__residents")
    )
    for repair in repairs:
        resident = repair.reported_by or next((r for r in repair.household.residents.all() if r.is_lead_tenant), None)
        if resident is not None:
            yield CompletedRepair(resident, repair.reference, timezone.localdate(repair.completed_at))
