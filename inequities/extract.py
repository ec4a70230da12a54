"""Aggregate queries: the database does the grouping, and only small frames come back.

One query per metric family, grouped by each dimension and (group, region); never one query per
group and never every row into Python. Each function takes (start, end, today) and returns a frame
with dimension, group, region and its counts; a query that counts several things at once adds a
`metric` column saying which (the survey's measures, panel members and participants). Which
metrics the counts become is declared in inequities/families.py.
"""

from datetime import datetime, time, timedelta

import pandas as pd
from django.db import connections
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from engagement.equality import NOT_ASKED
from engagement.models import DIMENSIONS as REVIEW_QUESTIONS
from engagement.models import (
    AdjustmentStatus,
    AnonymousCount,
    EngagementActivity,
    Home,
    Household,
    PanelMembership,
    ReasonableAdjustment,
    Resident,
    SchemeType,
)
from inequities.dimensions import DIMENSIONS, NOT_RECORDED, REVIEW_ONLY, region_expression
from inequities.metrics import ALL
from repairs.choices import CHECK_MEASURES
from repairs.models import (
    Appointment,
    AppointmentOutcome,
    AsbCase,
    Complaint,
    ComplaintStage,
    ComplianceCheck,
    DecencyRecord,
    Priority,
    RepairRequest,
)
from repairs.models import Status as RepairStatus
from surveys.choices import DONT_KNOW, SCALE_GROUPS
from surveys.models import Answer, Invitation, Response

PLACE = ["dimension", "group", "region"]  # where a count belongs: a group of a dimension, in a region
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
    return Resident.objects.current()


def _grouped(queryset, path, today, counts, also=None, dimensions=DIMENSIONS, home=None):
    """Count `queryset` by each dimension and region, in one query.

    `path` is the lookup to the resident whose groups a row counts in; `home`, where given, the
    lookup to the home whose type, region and deprivation it counts in (see inequities/dimensions.py).

    `counts` maps each output column to a condition (a Q), or to None to count every row; `also`
    names further grouping columns (name -> expression), such as the survey measure. The
    facts are read once, with every dimension's group worked out as a column (a common table
    expression, which PostgreSQL materialises once because it is used once per dimension); each
    dimension is then one GROUP BY over those columns, joined with UNION ALL. One scan of the facts
    per metric family, rather than one per dimension, is what keeps the recompute near the hand-written
    SQL floor at the size of the largest landlords (see bench/recompute.py and docs/scaling.md).
    """
    columns = {f"d_{i}": dimension.expression(path, today, home) for i, dimension in enumerate(dimensions)}
    columns["in_region"] = region_expression(path, home)  # not "region": a Home has a field of that name
    also = also or {}
    keys = ["group", "region", *also]
    columns.update(also)
    for name, condition in counts.items():
        if condition is not None:
            columns[f"f_{name}"] = Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
    facts = queryset.order_by().annotate(**columns).values(*columns)
    sql, params = facts.query.get_compiler(using=facts.db).as_sql()
    tallies = ", ".join(
        f'COUNT(*) AS "{name}"' if condition is None else f'SUM("f_{name}") AS "{name}"'
        for name, condition in counts.items()
    )
    by = "".join(f', "{name}"' for name in also)
    # Built only from our own column names and dimension keys; every value travels as a parameter.
    template = 'SELECT \'{key}\' AS dimension, "d_{i}" AS "group", "in_region" AS "region"{by}, {tallies} FROM facts GROUP BY "d_{i}", "in_region"{by}'
    selects = [template.format(key=d.key, i=i, by=by, tallies=tallies) for i, d in enumerate(dimensions)]
    query = f"WITH facts AS ({sql}) " + " UNION ALL ".join(selects)
    with connections[facts.db].cursor() as cursor:
        cursor.execute(query, params)
        rows = cursor.fetchall()
    frame = pd.DataFrame.from_records(rows, columns=["dimension"] + keys + list(counts))
    for name in counts:
        frame[name] = frame[name].astype("int64")
    return frame


def _local_day_starts(start, end):
    """The first moment of `start` and of the day after `end`, local time: a period of whole days as
    a timestamp range, which an index on the column can serve (a filter on the column's local date
    cannot use one)."""
    tz = timezone.get_current_timezone()
    first = timezone.make_aware(datetime.combine(start, time.min), tz)
    after = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz)
    return first, after


def resident_counts(start, end, today):
    """How many current residents (on `today`) are in each group: the population everything is
    compared with (and, by the review's own questions too, the representation review's residents)."""
    frame = _grouped(current_residents(), "", today, {"count": None}, dimensions=DIMENSIONS + REVIEW_ONLY)
    return frame[PLACE + ["count"]]


def survey_answers(start, end, today):
    """Valid answers (don't know excluded), satisfied and dissatisfied, per measure and group."""
    measure_filter = Q(question__tsm_measure__in=[k for k, v in SURVEY_QUESTIONS.items() if v == "tsm_measure"]) | Q(
        question__code__in=[k for k, v in SURVEY_QUESTIONS.items() if v == "code"],
        question__version__survey__kind="transactional",
    )
    # The period is the day the answers were given (any mode), not when they were keyed or imported.
    answers = Answer.objects.filter(
        measure_filter,
        response__submitted_at__isnull=False,
        response__received_on__gte=start,
        response__received_on__lte=end,
    ).exclude(value=DONT_KNOW)
    measure = _measure_expression()
    frame = _grouped(
        answers,
        "response__resident__",
        today,
        {"valid": None, "satisfied": Q(value__in=SATISFIED), "dissatisfied": Q(value__in=DISSATISFIED)},
        also={"metric": measure},
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
    first, after = _local_day_starts(start, end)
    invitations = Invitation.objects.filter(created_at__gte=first, created_at__lt=after)
    frame = _grouped(
        invitations,
        "resident__",
        today,
        {"invited": None, "responded": Q(response__submitted_at__isnull=False)},
    )
    return frame[PLACE + ["invited", "responded"]]


def response_counts(start, end, today):
    """Submitted survey responses per group: whose voices the surveys carry."""
    responses = Response.objects.filter(submitted_at__isnull=False, received_on__gte=start, received_on__lte=end)
    frame = _grouped(responses, "resident__", today, {"count": None})
    return frame[PLACE + ["count"]]


# Repairs and visits belong to a household: they are grouped by the characteristics of its lead
# tenant (as the English Housing Survey groups households by their reference person).
LEAD = "household__residents__"


def repair_outcomes(start, end, today):
    """Repairs completed in the period: how many on time (by the target fixed when raised), and
    how many had to be done again (a recall of the same problem followed)."""
    first, after = _local_day_starts(start, end)
    repairs = RepairRequest.objects.filter(
        household__residents__is_lead_tenant=True,
        status=RepairStatus.COMPLETED,
        completed_at__gte=first,
        completed_at__lt=after,
    ).annotate(repeated=Exists(RepairRequest.objects.filter(recall_of=OuterRef("pk"))))
    frame = _grouped(
        repairs,
        LEAD,
        today,
        {"completed": None, "on_time": Q(completed_at__lte=F("due_at")), "repeated": Q(repeated=True)},
    )
    return frame[PLACE + ["completed", "on_time", "repeated"]]


def tsm_repairs(start, end, today):
    """TSM RP02: rented homes' repairs completed in the period, and how many within the landlord's own
    target; `metric` is RP02_1 (non-emergency) or RP02_2 (emergency). Shared ownership and leasehold
    homes are outside the measure (repairs.measures.responsive_repairs_within_target)."""
    first, after = _local_day_starts(start, end)
    repairs = RepairRequest.objects.filter(
        household__residents__is_lead_tenant=True,
        status=RepairStatus.COMPLETED,
        completed_at__gte=first,
        completed_at__lt=after,
    ).exclude(home__scheme_type__in=[SchemeType.SHARED_OWNERSHIP, SchemeType.LEASEHOLD])
    part = Case(
        When(priority=Priority.EMERGENCY, then=Value("RP02_2")), default=Value("RP02_1"), output_field=CharField()
    )
    frame = _grouped(
        repairs, LEAD, today, {"completed": None, "on_time": Q(completed_at__lte=F("due_at"))}, also={"metric": part}
    )
    return frame[["metric", *PLACE, "completed", "on_time"]]


def tsm_complaints(start, end, today):
    """TSM CH02: complaint stages made in the period (rented homes and shared ownership together, by
    the household's lead tenant), and how many were answered within the Code's timescale (any
    extension counted up to the Code's limit: ComplaintStage.decision_due_on); `metric` is CH02_1 or
    CH02_2, the stage."""
    stages = ComplaintStage.objects.filter(
        complaint__household__residents__is_lead_tenant=True, received_on__gte=start, received_on__lte=end
    ).exclude(complaint__household__home__scheme_type=SchemeType.LEASEHOLD)
    part = Case(When(number=1, then=Value("CH02_1")), default=Value("CH02_2"), output_field=CharField())
    frame = _grouped(
        stages,
        "complaint__" + LEAD,
        today,
        {"made": None, "within_code": Q(responded_on__lte=F("decision_due_on"))},
        also={"metric": part},
    )
    return frame[["metric", *PLACE, "made", "within_code"]]


# A home's facts (its building-safety checks, its decency, anti-social behaviour cases at it) are
# grouped by the lead tenant of its current household, and by the home's own type, region and
# deprivation: an empty home's facts count in its region, and in the "not asked" or "not recorded"
# group of each resident's characteristic.
HOME_LEAD = "current_lead__"


def _by_current_lead(queryset, home):
    """`queryset` (of facts about a home; `home` the lookup to it) with the lead tenant of the home's
    current household as `current_lead`, joined so that a home with none keeps its rows."""
    households = f"{home}households"
    return queryset.annotate(
        current_household=FilteredRelation(households, condition=Q(**{f"{households}__tenancy_end__isnull": True})),
        current_lead=FilteredRelation(
            "current_household__residents", condition=Q(current_household__residents__is_lead_tenant=True)
        ),
    )


def _homes_grouped(queryset, home, today, counts, also=None):
    return _grouped(_by_current_lead(queryset, home), HOME_LEAD, today, counts, also=also, home=home)


def building_safety(start, end, today):
    """TSM BS01-BS05: homes (rented and shared ownership) whose check of each type was required by the
    period's end (due by then, or already done), and how many had it done and recorded by then;
    `metric` is the measure (BS01 gas ... BS05 lifts). The rules of repairs.measures.building_safety."""
    checks = (
        ComplianceCheck.objects.filter(required=True)
        .filter(Q(due_on__lte=end) | Q(done_on__lte=end))
        .exclude(home__scheme_type=SchemeType.LEASEHOLD)
    )
    part = Case(
        *[When(check_type=kind, then=Value(code)) for kind, code in CHECK_MEASURES.items()], output_field=CharField()
    )
    frame = _homes_grouped(
        checks, "home__", today, {"required": None, "done": Q(done_on__lte=end, recorded_on__lte=end)},
        also={"metric": part},
    )  # fmt: skip
    return frame[["metric", *PLACE, "required", "done"]]


def decency(start, end, today):
    """TSM RP01: homes (rented and shared ownership) with a Decent Homes answer on or before the
    period's end, by each home's latest such answer, and how many fail the Standard (the rules of
    repairs.measures.decent_homes_failures)."""
    later = DecencyRecord.objects.filter(home=OuterRef("home"), as_at__gt=OuterRef("as_at"), as_at__lte=end)
    latest = (
        DecencyRecord.objects.filter(as_at__lte=end)
        .exclude(home__scheme_type=SchemeType.LEASEHOLD)
        .exclude(Exists(later))
    )
    frame = _homes_grouped(latest, "home__", today, {"assessed": None, "fails": Q(fails_standard=True)})
    return frame[[*PLACE, "assessed", "fails"]]


def asb_cases_and_homes(start, end, today):
    """TSM NM01: anti-social behaviour cases opened in the period, and those involving a hate
    incident, with the homes (rented and shared ownership) they are counted per 1,000 of (the rules
    of repairs.measures.asb_cases_per_thousand_homes: every case counts)."""
    cases = _homes_grouped(
        AsbCase.objects.filter(opened_on__gte=start, opened_on__lte=end), "home__", today,
        {"cases": None, "hate_cases": Q(involves_hate_incident=True)},
    )  # fmt: skip
    homes = _homes_grouped(Home.objects.exclude(scheme_type=SchemeType.LEASEHOLD), "", today, {"homes": None})
    frame = homes.merge(cases, on=PLACE, how="outer")
    for column in ("cases", "hate_cases", "homes"):
        frame[column] = frame[column].fillna(0).astype("int64")
    return frame[[*PLACE, "cases", "hate_cases", "homes"]]


def missed_appointments(start, end, today):
    """Visits that were due in the period and have an outcome: how many we missed."""
    visits = Appointment.objects.filter(
        repair__household__residents__is_lead_tenant=True, date__gte=start, date__lte=end
    ).exclude(outcome=AppointmentOutcome.BOOKED)
    frame = _grouped(
        visits,
        "repair__" + LEAD,
        today,
        {"visits": None, "missed": Q(outcome=AppointmentOutcome.MISSED_BY_LANDLORD)},
    )
    return frame[PLACE + ["visits", "missed"]]


def adjustments_in_place(start, end, today):
    """Reasonable adjustments asked for in the period, and how many are now in place."""
    adjustments = ReasonableAdjustment.objects.filter(requested_on__gte=start, requested_on__lte=end)
    frame = _grouped(
        adjustments,
        "resident__",
        today,
        {"requested": None, "in_place": Q(status=AdjustmentStatus.IN_PLACE)},
    )
    return frame[PLACE + ["requested", "in_place"]]


def working_days_taken(start, end, today):
    """Repairs completed in the period, counted by how many working days each took: a histogram
    per group, from which the medians are read (the same in every database)."""
    first, after = _local_day_starts(start, end)
    repairs = RepairRequest.objects.filter(
        household__residents__is_lead_tenant=True,
        status=RepairStatus.COMPLETED,
        completed_at__gte=first,
        completed_at__lt=after,
        working_days_to_complete__isnull=False,
    )
    frame = _grouped(repairs, LEAD, today, {"count": None}, also={"days": F("working_days_to_complete")})
    return frame[PLACE + ["days", "count"]]


def awaabs_law_cases(start, end, today):
    """Significant hazards with Awaab's Law clocks (damp and mould, and each later group once it had
    commenced when the hazard was reported: the stored due dates are set only then) reported in the
    period whose clocks are all decided: how many met every one (investigation, written summary,
    safety work, preventative work)."""
    steps = [
        ("investigated_at__date", "awaab_investigation_due"),
        ("summary_sent_on", "awaab_summary_due"),
        ("made_safe_at__date", "awaab_safety_due"),
        ("preventative_work_started_on", "awaab_preventative_due"),
    ]
    met, failed = Q(), Q()
    for done, due in steps:
        met &= Q(**{f"{done}__lte": F(due)})
        failed |= Q(**{f"{done}__gt": F(due)}) | Q(
            **{f"{done.removesuffix('__date')}__isnull": True, f"{due}__lt": today}
        )
    first, after = _local_day_starts(start, end)
    cases = RepairRequest.objects.filter(
        household__residents__is_lead_tenant=True,
        awaab_investigation_due__isnull=False,
        reported_at__gte=first,
        reported_at__lt=after,
    ).exclude(status=RepairStatus.CANCELLED)
    frame = _grouped(cases, LEAD, today, {"decided": met | failed, "met": met})
    return frame[PLACE + ["decided", "met"]]


def complaints_and_households(start, end, today):
    """Complaints received in the period and current households, both by the lead tenant."""
    complaints = _grouped(
        Complaint.objects.filter(
            household__residents__is_lead_tenant=True, received_on__gte=start, received_on__lte=end
        ),
        LEAD,
        today,
        {"complaints": None},
    )
    households = _grouped(
        Household.objects.current().filter(residents__is_lead_tenant=True),
        "residents__",
        today,
        {"households": None},
    )
    frame = households.merge(complaints, on=["dimension", "group", "region"], how="left")
    frame["complaints"] = frame["complaints"].fillna(0).astype(int)
    return frame[PLACE + ["complaints", "households"]]


def representation(start, end, today):
    """Residents on a scrutiny panel on the last day of the period, and residents named at an
    engagement activity in the period (each once, however many they came to), by group: every
    dimension and the representation review's own questions; and the people who took part without
    being named (unnamed_participants, labelled UNNAMED)."""
    members = current_residents().filter(pk__in=PanelMembership.objects.current(end).values("resident_id"))
    participants = current_residents().filter(
        pk__in=EngagementActivity.participants.through.objects.filter(
            engagementactivity__held_on__gte=start, engagementactivity__held_on__lte=end
        ).values("resident_id")
    )
    frames = []
    for part, residents in (("panel", members), ("participants", participants)):
        frame = _grouped(residents, "", today, {"count": None}, dimensions=DIMENSIONS + REVIEW_ONLY)
        frame["metric"] = part
        frames.append(frame[["metric", *PLACE, "count"]])
    return pd.concat([*frames, unnamed_participants(start, end)], ignore_index=True)


UNNAMED = "unnamed_participants"  # the label of unnamed participants' rows in representation()'s frame


def unnamed_participants(start, end):
    """People who took part in an activity in the period without being named: they cannot be told
    apart, so each is counted once per activity. Their answers to the review's questions come from
    the activity's anonymous counts, and anyone not in those counts is "not asked"; in every other
    dimension they are "not recorded", except the region, which is the activity's. They belong to
    the activity's region; an activity for every region has region ALL (every region together only).
    Rows with a count of 0 are left out."""
    activities = EngagementActivity.objects.filter(held_on__gte=start, held_on__lte=end)
    heads = {
        row["region__name"] or ALL: row["people"]
        for row in activities.values("region__name").order_by().annotate(people=Sum("headcount"))
    }
    given = (
        AnonymousCount.objects.filter(activity__in=activities)
        .values("activity__region__name", "dimension", "group")
        .annotate(people=Sum("count"))
        .order_by()
    )
    answers = {}
    for row in given:
        region = row["activity__region__name"] or ALL
        answers.setdefault((region, row["dimension"]), {})[row["group"]] = row["people"]
    asked = {key for key, _label in REVIEW_QUESTIONS}
    rows = []
    for region, people in heads.items():
        for dimension in [d.key for d in DIMENSIONS + REVIEW_ONLY]:
            if dimension in asked:
                here = answers.get((region, dimension), {})
                groups = {**here, NOT_ASKED: here.get(NOT_ASKED, 0) + (people or 0) - sum(here.values())}
            elif dimension == "region":
                groups = {NOT_RECORDED if region == ALL else region: people or 0}
            else:
                groups = {NOT_RECORDED: people or 0}
            rows += [(UNNAMED, dimension, g, region, n) for g, n in groups.items() if n]
    return pd.DataFrame.from_records(rows, columns=["metric", *PLACE, "count"]).astype({"count": "int64"})


SECURITY_CATEGORIES = ["windows", "doors", "gates_fences"]
MOST_CRIME_DEPRIVED = 2  # IMD crime-domain deciles 1 and 2: the most crime-deprived fifth


def security_repairs(start, end, today):
    """Repairs reported in the period, and how many were windows, doors, gates or fences, for homes
    in the most crime-deprived fifth of neighbourhoods and elsewhere."""
    band = Case(
        When(home__crime_decile__lte=MOST_CRIME_DEPRIVED, then=Value("most_crime_deprived")),
        When(home__crime_decile__isnull=False, then=Value("other_areas")),
        default=Value("not_recorded"),
        output_field=CharField(),
    )
    first, after = _local_day_starts(start, end)
    rows = (
        RepairRequest.objects.filter(reported_at__gte=first, reported_at__lt=after)
        .exclude(status=RepairStatus.CANCELLED)
        .order_by()
        .annotate(group=band, region=Coalesce("home__region__name", Value(NOT_RECORDED), output_field=CharField()))
        .values("group", "region")
        .annotate(repairs=Count("pk"), security=Count("pk", filter=Q(category__in=SECURITY_CATEGORIES)))
    )
    frame = pd.DataFrame.from_records(list(rows), columns=["group", "region", "repairs", "security"])
    frame["dimension"] = "crime_deprivation"
    return frame[PLACE + ["security", "repairs"]]
