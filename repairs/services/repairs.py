from uuid import uuid4

from django.db import transaction
from django.utils import timezone

from repairs import targets
from repairs.models import Appointment, AppointmentOutcome, Channel, Hazard, Priority, RepairRequest, Slot, Status


def find_recalled_repair(*, home, category, reported_at, exclude_pk=None):
    """The latest repair of the same kind at the same home completed within the recall window
    before `reported_at`: the one a new report repeats, or None."""
    earlier = RepairRequest.objects.filter(
        home=home,
        category=category,
        status=Status.COMPLETED,
        completed_at__lte=reported_at,
        completed_at__gte=reported_at - targets.recall_window(),
    )
    if exclude_pk is not None:
        earlier = earlier.exclude(pk=exclude_pk)
    return earlier.order_by("-completed_at", "-pk").first()


@transaction.atomic
def repair_raise(
    *,
    home,
    category,
    description,
    priority,
    channel,
    raised_by=None,
    reported_by=None,
    hazard=Hazard.NONE,
    reported_at=None,
    photo=None,
    operative=None,
):
    """Log a repair: its target from the landlord's settings, the household living there now, and
    whether it repeats a recent repair of the same problem (a recall)."""
    reported_at = reported_at or timezone.now()
    if reported_by is None and raised_by is not None and hasattr(raised_by, "resident"):
        reported_by = raised_by.resident
    if channel == Channel.OPERATIVE and operative is None:
        operative = raised_by  # an operative who spots a job in the home takes it on
    repair = RepairRequest(
        reference=_placeholder_reference(),
        home=home,
        household=home.current_household(),
        reported_by=reported_by,
        raised_by=raised_by,
        channel=channel,
        category=category,
        description=description,
        priority=priority,
        hazard=hazard,
        reported_at=reported_at,
        due_at=targets.due_at(priority, reported_at),
        operative=operative,
        recall_of=find_recalled_repair(home=home, category=category, reported_at=reported_at),
    )
    if photo:
        repair.photo = photo
    repair.save()
    repair.reference = f"R{repair.pk:07d}"
    repair.save(update_fields=["reference"])
    return repair


@transaction.atomic
def repair_fixed_at_visit(*, home, category, description, fixed_by, fixed_at, channel, reported_by=None):
    """A repair someone in the home put right there and then. It is raised and completed in one go,
    with a kept visit on the day: it counts as completed on the first visit, not as a works order
    the resident has to chase."""
    repair = repair_raise(
        home=home,
        category=category,
        description=description,
        priority=Priority.ROUTINE,
        channel=channel,
        raised_by=fixed_by,
        reported_by=reported_by,
        reported_at=fixed_at,
        operative=fixed_by,
    )
    Appointment.objects.create(
        repair=repair,
        date=timezone.localdate(fixed_at),
        slot=Slot.ALL_DAY,
        operative=fixed_by,
        outcome=AppointmentOutcome.KEPT,
        notes="Fixed at the visit the repair was spotted on.",
    )
    repair.status = Status.COMPLETED
    repair.completed_at = fixed_at
    repair.completed_first_visit = True
    repair.save(update_fields=["status", "completed_at", "completed_first_visit"])
    return repair


@transaction.atomic
def repair_record_visit(*, repair, appointment, outcome, notes="", completed_at=None, follow_on_work="", cost=None):
    """What happened at one visit. A kept visit may complete the repair; it was done on the first
    visit when no earlier visit went ahead (a visit we missed or could not get in to does not count)."""
    appointment.outcome = outcome
    appointment.notes = notes
    appointment.save(update_fields=["outcome", "notes"])
    if outcome == AppointmentOutcome.KEPT and completed_at is not None:
        earlier_visits = repair.appointments.filter(
            outcome=AppointmentOutcome.KEPT, date__lte=appointment.date
        ).exclude(pk=appointment.pk)
        repair.status = Status.COMPLETED
        repair.completed_at = completed_at
        repair.completed_first_visit = not earlier_visits.exists()
        repair.follow_on_work = follow_on_work
        if cost is not None:
            repair.cost = cost
    elif outcome == AppointmentOutcome.KEPT:
        repair.status = Status.IN_PROGRESS
        repair.follow_on_work = follow_on_work
    repair.save()
    return repair


def _placeholder_reference():
    # Unique until the row has its id and gets its real reference ("R" and the id).
    return f"~{uuid4().hex[:18]}"
