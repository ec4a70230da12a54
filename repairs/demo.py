"""Demo repairs, visits and complaints for seed_demo: about three repairs a home a year.

Outcomes differ the way the research on social housing describes, so the dashboards have
something true to find:
- households with a disabled resident wait longer, get fewer jobs done on the first visit and
  more recalls, and more of their visits are missed;
- repairs are slower, with more recalls, in two regions (North West and London);
- homes in the most deprived tenth and fifth of neighbourhoods report more damp and mould, and
  their damp and mould hazards miss more Awaab's Law clocks;
- late and repeated repairs lead to complaints, some alleging discrimination.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from core.bulk import insert_rows
from engagement.models import EqualityProfile
from repairs import targets
from repairs.clocks import awaabs_law_applies
from repairs.models import (
    Appointment,
    AppointmentOutcome,
    Category,
    Complaint,
    ComplaintCategoryTag,
    ComplaintStage,
    DiscriminationAllegation,
    Hazard,
    Priority,
    RepairRequest,
    Status,
)
from repairs.working_days import add_working_days

YEARS = 3
REPAIRS_PER_HOME_A_YEAR = 3
SLOW_REGIONS = {"North West": 1.35, "London": 1.25}
DISABLED_DELAY = 1.45
CATEGORY_WEIGHTS = {
    Category.PLUMBING: 20, Category.HEATING: 14, Category.ELECTRICAL: 9, Category.DAMP_MOULD: 6,
    Category.WINDOWS: 7, Category.DOORS: 8, Category.GATES_FENCES: 4, Category.ROOFING: 3, Category.KITCHEN: 9,
    Category.BATHROOM: 8, Category.COMMUNAL: 4, Category.ADAPTATIONS: 3, Category.OTHER: 5,
}  # fmt: skip
PRIORITY_WEIGHTS = {Priority.EMERGENCY: 10, Priority.URGENT: 25, Priority.ROUTINE: 65}
CHANNEL_WEIGHTS = {"phone": 60, "online": 22, "in_person": 5, "visit": 6, "operative": 7}
DESCRIPTIONS = {
    Category.PLUMBING: ["Leak under the kitchen sink", "Toilet will not flush", "Dripping bath tap"],
    Category.HEATING: ["No heating", "No hot water", "Boiler keeps losing pressure"],
    Category.ELECTRICAL: ["Socket sparks", "Bathroom light not working", "Fuse keeps tripping"],
    Category.DAMP_MOULD: ["Black mould on the bedroom wall", "Damp patch on the ceiling", "Mould around the windows"],
    Category.WINDOWS: ["Window will not close", "Cracked glass", "Broken window handle"],
    Category.DOORS: ["Front door lock sticks", "Back door does not shut", "Internal door off its hinge"],
    Category.GATES_FENCES: ["Fence panel blown down", "Gate will not latch"],
    Category.ROOFING: ["Slipped roof tiles", "Gutter overflowing"],
    Category.KITCHEN: ["Cupboard door hanging off", "Worktop coming away"],
    Category.BATHROOM: ["Shower leaking through the ceiling", "Bath panel broken"],
    Category.COMMUNAL: ["Stairwell light out", "Communal door entry broken"],
    Category.ADAPTATIONS: ["Grab rail loose", "Stair lift not working"],
    Category.OTHER: ["Pest problem", "Loft hatch stuck"],
}
COMPLAINT_SUMMARIES = [
    "The repair was put off again and again and no one called back.",
    "The operative did not turn up and I took a day off work.",
    "The same problem came back a week after it was fixed.",
    "I was spoken to rudely when I called about the repair.",
    "I feel I was treated differently from my neighbours.",
]


def pick(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def seed_repairs(landlord):
    # The start of today, not this moment: the same seed gives the same repairs, visits and
    # figures whatever the time of day the demo is built.
    rng, now = landlord.rng, timezone.make_aware(datetime.combine(timezone.localdate(), time(0)))
    start = now - timedelta(days=365 * YEARS)
    disabled = _households_with_a_disabled_resident()
    operative = landlord.users.get("repairs_operative")
    originals, recalls_of = [], []
    for household in landlord.households:
        home = household.home
        slow = SLOW_REGIONS.get(home.region.name, 1.0) * (DISABLED_DELAY if household.pk in disabled else 1.0)
        deprived = (home.imd_decile or 10) <= 2
        count = sum(rng.random() < REPAIRS_PER_HOME_A_YEAR / 6 for _ in range(6 * YEARS))
        for _ in range(count):
            reported_at = start + timedelta(seconds=rng.uniform(0, (now - start).total_seconds()))
            reported_at = _working_hours(rng, reported_at)
            category = _category(rng, deprived, (home.crime_decile or 10) <= 2)
            repair = _repair(rng, now, household, category, reported_at, slow, deprived, operative)
            originals.append(repair)
            recall_chance = 0.05 * slow * (1.6 if household.pk in disabled else 1.0)
            if repair.completed_at and rng.random() < recall_chance:
                recalls_of.append(len(originals) - 1)
    _number(originals, "DR")
    for repair in originals:
        repair.derive_timescales()
    RepairRequest.objects.bulk_create(originals, batch_size=2000)
    recalls = []
    for index in recalls_of:
        first = originals[index]
        reported_at = _working_hours(rng, first.completed_at + timedelta(days=rng.randint(2, 28)))
        if reported_at >= now:
            continue
        household = first.household
        slow = SLOW_REGIONS.get(first.home.region.name, 1.0) * (DISABLED_DELAY if household.pk in disabled else 1.0)
        repair = _repair(rng, now, household, first.category, reported_at, slow, False, operative)
        repair.recall_of = first
        repair.description = f"{first.description} again"
        recalls.append(repair)
    _number(recalls, "DRR")
    for repair in recalls:
        repair.derive_timescales()
    RepairRequest.objects.bulk_create(recalls, batch_size=2000)
    repairs = originals + recalls
    appointments = _appointments(rng, now, repairs, disabled, operative)
    # Plain rows (core.bulk): some 30,000 visits through bulk_create cost more than making them.
    insert_rows(
        Appointment,
        ["repair_id", "date", "slot", "operative_id", "outcome", "notes"],
        [(a.repair_id, a.date.isoformat(), a.slot, a.operative_id, a.outcome, a.notes) for a in appointments],
    )
    complaints = _complaints(rng, now, repairs, landlord, disabled)
    return (
        f"Repairs: {len(repairs)} over {YEARS} years ({len(recalls)} recalls), {len(appointments)} visits, "
        f"{complaints} complaints."
    )


def _households_with_a_disabled_resident():
    return set(
        EqualityProfile.objects.filter(disability="yes").values_list("resident__household_id", flat=True).distinct()
    )


def _working_hours(rng, moment):
    local = timezone.localtime(moment)
    return timezone.make_aware(datetime.combine(local.date(), time(rng.randint(8, 17), rng.randint(0, 59))))


def _category(rng, deprived, high_crime=False):
    weights = dict(CATEGORY_WEIGHTS)
    if deprived:
        weights[Category.DAMP_MOULD] *= 3
    if high_crime:  # broken locks, windows and fences: what the security signal looks for
        for category in (Category.WINDOWS, Category.DOORS, Category.GATES_FENCES):
            weights[category] *= 1.8
    return pick(rng, weights)


def _number(repairs, prefix):
    for number, repair in enumerate(repairs, start=1):
        repair.reference = f"{prefix}{number:07d}"


def _repair(rng, now, household, category, reported_at, slow, deprived, operative):
    priority = pick(rng, PRIORITY_WEIGHTS)
    due_at = targets.due_at(priority, reported_at)
    repair = RepairRequest(
        home=household.home,
        household=household,
        channel=pick(rng, CHANNEL_WEIGHTS),
        category=category,
        description=rng.choice(DESCRIPTIONS[category]),
        priority=priority,
        reported_at=reported_at,
        due_at=due_at,
        operative=operative if rng.random() < 0.05 else None,
    )
    if rng.random() < 0.04:
        repair.status = Status.CANCELLED
        repair.cancellation_reason = rng.choice(
            ["Reported twice", "Resident's own responsibility", "Fixed by the resident"]
        )
        return repair
    completed_at = _completion(rng, priority, reported_at, slow)
    if completed_at < now:
        repair.status = Status.COMPLETED
        repair.completed_at = completed_at
        repair.completed_first_visit = rng.random() < 0.78 / slow
        repair.cost = Decimal(rng.randint(40, 900 if priority != Priority.EMERGENCY else 400))
    else:
        repair.status = rng.choice([Status.REPORTED, Status.INSPECTED, Status.SCHEDULED, Status.IN_PROGRESS])
    if awaabs_law_applies(Hazard.DAMP_MOULD, reported_at.date()):
        _hazard(rng, now, repair, slow * (1.4 if deprived else 1.0))
    return repair


def _completion(rng, priority, reported_at, slow):
    if priority == Priority.EMERGENCY:
        hours = 24 * slow * rng.lognormvariate(-0.8, 0.5)
        return reported_at + timedelta(hours=hours)
    target = targets.target_working_days(priority)
    days = max(0, round(target * slow * rng.lognormvariate(-0.6, 0.45)))
    day = add_working_days(timezone.localdate(reported_at), days)
    return timezone.make_aware(datetime.combine(day, time(rng.randint(9, 16), rng.randint(0, 59))))


def _hazard(rng, now, repair, slow):
    today = timezone.localdate(now)
    if repair.category == Category.DAMP_MOULD and rng.random() < 0.6:
        repair.hazard = Hazard.DAMP_MOULD
        reported = timezone.localdate(repair.reported_at)
        investigated = add_working_days(reported, min(30, round(rng.uniform(1, 9.5) * slow)))
        if investigated > today:
            return
        repair.investigated_at = _at_noon(investigated)
        summary = add_working_days(investigated, round(rng.uniform(0.5, 3.2) * slow))
        safety = add_working_days(investigated, round(rng.uniform(1, 5.2) * slow))
        preventative = add_working_days(investigated, round(rng.uniform(1, 5.2) * slow))
        repair.summary_sent_on = summary if summary <= today else None
        repair.made_safe_at = _at_noon(safety) if safety <= today else None
        repair.preventative_work_started_on = preventative if preventative <= today else None
    elif repair.priority == Priority.EMERGENCY and repair.category in (Category.ELECTRICAL, Category.HEATING):
        repair.hazard = Hazard.EMERGENCY
        repair.investigated_at = min(now, repair.reported_at + timedelta(hours=rng.uniform(1, 20) * slow))
        repair.made_safe_at = min(now, repair.reported_at + timedelta(hours=rng.uniform(2, 26) * slow))


def _at_noon(day):
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def _appointments(rng, now, repairs, disabled, operative):
    """One visit a job, more when it was not done first time; some missed by us, some no access.
    The demo operative also gets a few visits booked for today, to show the day's jobs."""
    visits = []
    today = timezone.localdate(now)
    for repair in repairs:
        if repair.status in (Status.CANCELLED, Status.REPORTED):
            continue
        missed_chance = 0.06 * (1.8 if repair.household_id in disabled else 1.0)
        reported = timezone.localdate(repair.reported_at)
        end = timezone.localdate(repair.completed_at) if repair.completed_at else today + timedelta(days=10)
        extra = 0 if repair.completed_first_visit in (True, None) else rng.randint(1, 2)
        for number in range(extra + 1):
            last = number == extra
            day = end if last else reported + timedelta(days=rng.randint(0, max(0, (end - reported).days)))
            if repair.completed_at:
                outcome = AppointmentOutcome.KEPT if last or rng.random() < 0.5 else AppointmentOutcome.NO_ACCESS
            else:
                outcome = AppointmentOutcome.BOOKED if day >= today else AppointmentOutcome.KEPT
            if outcome == AppointmentOutcome.KEPT and not last and rng.random() < missed_chance * 4:
                outcome = AppointmentOutcome.MISSED_BY_LANDLORD
            visits.append(Appointment(repair=repair, date=day, slot=rng.choice(["am", "pm", "all_day"]),
                                      operative=repair.operative, outcome=outcome))  # fmt: skip
    open_jobs = [r for r in repairs if r.operative_id and r.status in (Status.SCHEDULED, Status.IN_PROGRESS)]
    for repair in open_jobs[:6]:
        visits.append(Appointment(repair=repair, date=today, slot=rng.choice(["am", "pm"]), operative=operative))
    return visits


def _complaints(rng, now, repairs, landlord, disabled):
    leads = {resident.household_id: resident for resident in landlord.residents if resident.is_lead_tenant}
    today = timezone.localdate(now)
    complaints, linked, details = [], [], []
    for repair in repairs:
        late = repair.completed_at and repair.completed_at > repair.due_at
        chance = (0.035 if late else 0.003) + (0.04 if repair.recall_of_id else 0)
        if repair.household_id not in leads or rng.random() >= chance:
            continue
        received = add_working_days(timezone.localdate(repair.completed_at or repair.reported_at), rng.randint(1, 15))
        if received > today:
            continue
        complaints.append(Complaint(resident=leads[repair.household_id], household_id=repair.household_id,
                                    received_on=received, summary=rng.choice(COMPLAINT_SUMMARIES)))  # fmt: skip
        linked.append(repair)
        details.append(repair.household_id in disabled)
    _number(complaints, "DC")
    Complaint.objects.bulk_create(complaints, batch_size=2000)
    Complaint.repairs.through.objects.bulk_create(
        [Complaint.repairs.through(complaint=c, repairrequest=r) for c, r in zip(complaints, linked, strict=True)]
    )
    tags, stages, allegations = [], [], []
    for complaint, disabled_household in zip(complaints, details, strict=True):
        codes = ["repairs"] + (["communication"] if rng.random() < 0.35 else [])
        if rng.random() < 0.12:
            codes.append("staff_conduct")
        alleges = rng.random() < (0.05 if disabled_household else 0.025)
        if alleges:
            codes.append("discrimination")
        tags += [ComplaintCategoryTag(complaint=complaint, category=code) for code in codes]
        decided = _stage(rng, today, complaint, 1, complaint.received_on, stages)
        if decided and rng.random() < 0.16:
            escalated = add_working_days(decided, rng.randint(2, 20))
            decided = _stage(rng, today, complaint, 2, escalated, stages) if escalated <= today else None
        allegation = DiscriminationAllegation(complaint=complaint) if alleges else None
        if allegation and decided:
            allegation.acknowledged_on = add_working_days(complaint.received_on, rng.randint(1, 6))
            allegation.investigated_on = add_working_days(allegation.acknowledged_on, rng.randint(5, 15))
            allegation.finding = rng.choice(["substantiated", "partly_substantiated", "not_substantiated"])
            allegation.finding_detail = (
                "Investigated by a manager independent of the service; finding shared with the resident."
            )
        if allegation:
            allegations.append(allegation)
        if decided and (not allegation or allegation.investigated_on <= today) and rng.random() < 0.9:
            complaint.closed_on = max(decided, allegation.investigated_on if allegation else decided)
    ComplaintCategoryTag.objects.bulk_create(tags, batch_size=5000)
    for stage in stages:
        stage.derive_decision_due()
    ComplaintStage.objects.bulk_create(stages, batch_size=5000)
    DiscriminationAllegation.objects.bulk_create(allegations)
    Complaint.objects.bulk_update([c for c in complaints if c.closed_on], ["closed_on"], batch_size=2000)
    return len(complaints)


def _stage(rng, today, complaint, number, received_on, stages):
    """Add one stage; return the day its decision was sent (None while it is still open)."""
    stage = ComplaintStage(complaint=complaint, number=number, received_on=received_on)
    stages.append(stage)
    acknowledged = add_working_days(received_on, rng.choice([1, 2, 3, 4, 5, 5, 6, 8]))
    if acknowledged > today:
        return None
    stage.acknowledged_on = acknowledged
    allowed = 10 if number == 1 else 20
    if rng.random() < 0.1:
        stage.extension_working_days = 10
        stage.extension_reason = "We need a specialist survey before we can decide."
    responded = add_working_days(
        acknowledged, max(1, round(allowed * rng.uniform(0.4, 1.35))) + stage.extension_working_days
    )
    if responded > today:
        return None
    stage.responded_on = responded
    stage.outcome = rng.choice(["upheld", "partly_upheld", "not_upheld"])
    if stage.outcome != "not_upheld":
        stage.remedy = "An apology and compensation for the time without a working repair."
    return responded
