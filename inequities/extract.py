"""Aggregate queries: the database does the grouping, and only small frames come back.

One query per metric family and dimension, grouped by (group, region); never one query per group
and never every row into Python. Each function returns a frame with metric, dimension, group,
region and its counts.
"""

import pandas as pd
from django.db.models import Count, F, Q

from engagement.models import Resident
from inequities.dimensions import DIMENSIONS, region_expression
from inequities.metrics import KEYS
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
