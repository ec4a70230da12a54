"""Aggregate queries: the database does the grouping, and only small frames come back.

One query per metric family and dimension, grouped by (group, region); never one query per group
and never every row into Python. Each function returns a frame with metric, dimension, group,
region and its counts.
"""

import pandas as pd
from django.db.models import Count, Exists, F, OuterRef, Q

from engagement.models import AdjustmentStatus, ReasonableAdjustment, Resident
from inequities.dimensions import DIMENSIONS, region_expression
from inequities.metrics import KEYS
from repairs.models import Appointment, AppointmentOutcome, RepairRequest
from repairs.models import Status as RepairStatus
from surveys.choices import DONT_KNOW, SCALE_GROUPS
from surveys.models import Answer, Invitation, Response

SATISFIED = [value for value, group in SCALE_GROUPS.items() if group == "satisfied"]
DISSATISFIED = [value for value, group in SCALE_GROUPS.items() if group == "dissatisfied"]
# Perception measures split by group, and the after-repair survey's overall question.
SURVEY_QUESTIONS = {
    "TP01": "tsm_measure",
    "TP02": "tsm_measure",
    "TP03": "tsm_measure",
    "TP04": "tsm_measure",
    "REPAIR_OVERALL": "code",
}


def current_residents():
    return Resident.objects.filter(household__tenancy_end__isnull=True)


def _grouped(queryset, path, today, values, metric_of=None):
    """Run `queryset` grouped by each dimension and region; `values` are the aggregate columns."""
    frames = []
    for dimension in DIMENSIONS:
        grouping = {"group": dimension.expression(path, today), "region": region_expression(path)}
        keys = ["group", "region"] + (["metric"] if metric_of else [])
        if metric_of:
            grouping["metric"] = metric_of
        rows = queryset.order_by().annotate(**grouping).values(*keys).annotate(**values)
        frame = pd.DataFrame.from_records(list(rows), columns=keys + list(values))
        frame["dimension"] = dimension.key
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def resident_counts(today):
    """How many current residents are in each group: the population everything is compared with."""
    frame = _grouped(current_residents(), "", today, {"count": Count("pk")})
    frame["metric"] = "residents"
    return frame[KEYS + ["count"]]


def survey_answers(start, end, today):
    """Valid answers (don't know excluded), satisfied and dissatisfied, per measure and group."""
    measure_filter = Q(question__tsm_measure__in=[k for k, v in SURVEY_QUESTIONS.items() if v == "tsm_measure"]) | Q(
        question__code__in=[k for k, v in SURVEY_QUESTIONS.items() if v == "code"],
        question__version__survey__kind="transactional",
    )
    answers = Answer.objects.filter(
        measure_filter,
        response__submitted_at__date__gte=start,
        response__submitted_at__date__lte=end,
    ).exclude(value=DONT_KNOW)
    measure = _measure_expression()
    frame = _grouped(
        answers,
        "response__resident__",
        today,
        {
            "valid": Count("pk"),
            "satisfied": Count("pk", filter=Q(value__in=SATISFIED)),
            "dissatisfied": Count("pk", filter=Q(value__in=DISSATISFIED)),
        },
        metric_of=measure,
    )
    return frame


def _measure_expression():
    from django.db.models import Case, CharField, When

    return Case(
        When(question__tsm_measure="", then=F("question__code")),
        default=F("question__tsm_measure"),
        output_field=CharField(),
    )


def invitation_responses(start, end, today):
    """Invitations sent in the period, and how many became a submitted response."""
    invitations = Invitation.objects.filter(created_at__date__gte=start, created_at__date__lte=end)
    frame = _grouped(
        invitations,
        "resident__",
        today,
        {"invited": Count("pk"), "responded": Count("pk", filter=Q(response__submitted_at__isnull=False))},
    )
    frame["metric"] = "invitation_response"
    return frame[KEYS + ["invited", "responded"]]


def response_counts(start, end, today):
    """Submitted survey responses per group: whose voices the surveys carry."""
    responses = Response.objects.filter(submitted_at__date__gte=start, submitted_at__date__lte=end)
    frame = _grouped(responses, "resident__", today, {"count": Count("pk")})
    frame["metric"] = "share_of_voice"
    return frame[KEYS + ["count"]]


# Repairs and visits belong to a household: they are grouped by the characteristics of its lead
# tenant (as the English Housing Survey groups households by their reference person).
LEAD = "household__residents__"


def repair_outcomes(start, end, today):
    """Repairs completed in the period: how many on time (by the target fixed when raised), and
    how many had to be done again (a recall of the same problem followed)."""
    repairs = RepairRequest.objects.filter(
        household__residents__is_lead_tenant=True,
        status=RepairStatus.COMPLETED,
        completed_at__date__gte=start,
        completed_at__date__lte=end,
    ).annotate(repeated=Exists(RepairRequest.objects.filter(recall_of=OuterRef("pk"))))
    frame = _grouped(
        repairs,
        LEAD,
        today,
        {
            "completed": Count("pk"),
            "on_time": Count("pk", filter=Q(completed_at__lte=F("due_at"))),
            "repeated": Count("pk", filter=Q(repeated=True)),
        },
    )
    frame["metric"] = "repairs"
    return frame[KEYS + ["completed", "on_time", "repeated"]]


def missed_appointments(start, end, today):
    """Visits that were due in the period and have an outcome: how many we missed."""
    visits = Appointment.objects.filter(
        repair__household__residents__is_lead_tenant=True, date__gte=start, date__lte=end
    ).exclude(outcome=AppointmentOutcome.BOOKED)
    frame = _grouped(
        visits,
        "repair__" + LEAD,
        today,
        {"visits": Count("pk"), "missed": Count("pk", filter=Q(outcome=AppointmentOutcome.MISSED_BY_LANDLORD))},
    )
    frame["metric"] = "appointments_missed"
    return frame[KEYS + ["visits", "missed"]]


def adjustments_in_place(start, end, today):
    """Reasonable adjustments asked for in the period, and how many are now in place."""
    adjustments = ReasonableAdjustment.objects.filter(requested_on__gte=start, requested_on__lte=end)
    frame = _grouped(
        adjustments,
        "resident__",
        today,
        {"requested": Count("pk"), "in_place": Count("pk", filter=Q(status=AdjustmentStatus.IN_PLACE))},
    )
    frame["metric"] = "adjustments_in_place"
    return frame[KEYS + ["requested", "in_place"]]
