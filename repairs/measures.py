"""The repairs and complaints Tenant Satisfaction Measures the TSM results page reports
(surveys/tenant_results.py), as pure functions over plain rows.

Rows are dicts like those from selectors.repair_facts() and selectors.complaint_stage_facts().
No database, no I/O. Each measure returns counts as well as the rate. The inequities figures
(working days, recalls, Awaab's Law clocks and these, split by group and region) are computed in
SQL by inequities/extract.py, not here.

- RP02: repairs completed within the landlord's target, emergency and non-emergency apart
  (repairs completed in the period; cancelled ones are not counted).
- CH01: stage 1 and stage 2 complaints received in the period, per 1,000 homes.
- CH02: stage 1 and stage 2 decisions sent in the period within the Complaint Handling Code
  timescale (counted from the acknowledgement, plus any extension).

The Regulator's management-information measures, to the definitions of its data dictionary
(`tsm_management_information` gives them all for one year; docs/inequities.md has the words):
- BS01-BS05: homes (rented and shared ownership) whose required check of each type was done and
  recorded by the year end, over the homes whose check was required by then.
- NM01: anti-social behaviour cases opened in the year per 1,000 homes; (2) those involving a hate
  incident.
- RP01: homes failing the Decent Homes Standard at the year end, over the homes it applies to.
- RP02: rented homes' responsive repairs completed in the year within the landlord's own target,
  (1) non-emergency and (2) emergency.
- CH01 and CH02 for rented homes (LCRA) and shared ownership (LCHO) apart: complaints made in the
  year at each stage per 1,000 homes of that tenure; the share of them answered within the Code's
  timescale, with an extension counted up to the Code's limit, and without any extension.
"""

from dataclasses import dataclass

from django.utils import timezone

from engagement.models import SchemeType
from repairs.choices import CHECK_MEASURES, Priority, Status
from repairs.clocks import (
    acknowledgement_due,
    code_clocks,
    decision_due,
)

LCRA, LCHO = "LCRA", "LCHO"  # the Regulator's tenures (the same codes as surveys.choices.Tenure)


def tenure_of_scheme(scheme_type):
    """LCRA, LCHO, or None for a leasehold home (outside the measures)."""
    if scheme_type == SchemeType.SHARED_OWNERSHIP:
        return LCHO
    return None if scheme_type == SchemeType.LEASEHOLD else LCRA


@dataclass(frozen=True)
class Share:
    count: int
    total: int

    @property
    def rate(self):
        return self.count / self.total if self.total else None

    @property
    def percent(self):
        return None if self.rate is None else round(100 * self.rate, 1)


def _within(day, start, end):
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


def _completed(repairs, start=None, end=None):
    return [
        row
        for row in repairs
        if row["status"] == Status.COMPLETED and _within(timezone.localdate(row["completed_at"]), start, end)
    ]


def repairs_completed_within_target(repairs, *, start=None, end=None):
    """TSM RP02: {"emergency": Share, "non_emergency": Share} for repairs completed in the period."""
    done = _completed(repairs, start, end)
    result = {}
    for key, matches in (
        ("emergency", lambda row: row["priority"] == Priority.EMERGENCY),
        ("non_emergency", lambda row: row["priority"] != Priority.EMERGENCY),
    ):
        rows = [row for row in done if matches(row)]
        result[key] = Share(sum(row["completed_at"] <= row["due_at"] for row in rows), len(rows))
    return result


def complaints_per_thousand_homes(stages, *, homes, start=None, end=None):
    """TSM CH01: {1: rate, 2: rate}, complaints received at each stage per 1,000 homes."""
    if not homes:
        return {1: None, 2: None}
    return {
        number: 1000
        * sum(row["number"] == number and _within(row["received_on"], start, end) for row in stages)
        / homes
        for number in (1, 2)
    }


def complaints_answered_within_code(stages, *, start=None, end=None):
    """TSM CH02: {1: Share, 2: Share} of decisions sent in the period within the Code timescale."""
    result = {}
    for number in (1, 2):
        answered = [row for row in stages if row["number"] == number and _within(row["responded_on"], start, end)]
        on_time = sum(_decision_clock(row).status() == "met" for row in answered)
        result[number] = Share(on_time, len(answered))
    return result


def _decision_clock(row):
    return code_clocks(
        number=row["number"],
        received_on=row["received_on"],
        acknowledged_on=row["acknowledged_on"],
        responded_on=row["responded_on"],
        extension_working_days=row["extension_working_days"],
    )[1]


def building_safety(checks, *, as_of):
    """BS01-BS05: {measure code: Share} of homes whose required check was done and recorded by `as_of`,
    over the homes whose check was required by then (due by then, or already done)."""
    result = {}
    for check_type, code in CHECK_MEASURES.items():
        needed = [
            row
            for row in checks
            if row["check_type"] == check_type
            and row["required"]
            and tenure_of_scheme(row["home__scheme_type"])
            and ((row["due_on"] is not None and row["due_on"] <= as_of) or _on_or_before(row["done_on"], as_of))
        ]
        done = sum(_on_or_before(row["done_on"], as_of) and _on_or_before(row["recorded_on"], as_of) for row in needed)
        result[code] = Share(done, len(needed))
    return result


def _on_or_before(day, limit):
    return day is not None and day <= limit


def decent_homes_failures(records, *, end):
    """RP01: homes failing the Decent Homes Standard at the year end `end` (each home's latest answer
    dated on or before it), over the homes with such an answer (those the Standard applies to)."""
    latest = {}
    for row in records:
        if row["as_at"] <= end and tenure_of_scheme(row["home__scheme_type"]):
            if row["home_id"] not in latest or row["as_at"] > latest[row["home_id"]]["as_at"]:
                latest[row["home_id"]] = row
    return Share(sum(row["fails_standard"] for row in latest.values()), len(latest))


def per_thousand(count, homes):
    return 1000 * count / homes if homes else None


def asb_cases_per_thousand_homes(cases, *, homes, start=None, end=None):
    """NM01: {1: (cases, rate), 2: (hate-incident cases, rate)} of cases opened in the period, per
    1,000 homes (rented and shared ownership at the year end)."""
    opened = [row for row in cases if _within(row["opened_on"], start, end)]
    hate = sum(bool(row["involves_hate_incident"]) for row in opened)
    return {1: (len(opened), per_thousand(len(opened), homes)), 2: (hate, per_thousand(hate, homes))}


def responsive_repairs_within_target(repairs, *, start=None, end=None):
    """RP02 (1) non-emergency and (2) emergency: rented homes' repairs completed in the period within
    the landlord's own target (fixed when each was raised), over those completed."""
    rented = [row for row in repairs if tenure_of_scheme(row["home__scheme_type"]) == LCRA]
    on_time = repairs_completed_within_target(rented, start=start, end=end)
    return {1: on_time["non_emergency"], 2: on_time["emergency"]}


def complaints_by_tenure(stages, *, homes, start=None, end=None):
    """CH01 and CH02 for each tenure and stage: {(tenure, stage): {"made": n, "per_1000": rate,
    "within_code": Share, "without_extension": Share, "acknowledged_in_time": Share, "extended": n}}
    of complaints made in the period ("extended": how many had an extension).

    `homes` is {tenure: homes at the year end}. "Within the Code" counts an extension up to the Code's
    limit (10 working days at stage 1, 20 at stage 2); "without extension" counts none."""
    result = {}
    for tenure in (LCRA, LCHO):
        for number in (1, 2):
            made = [
                row
                for row in stages
                if row["number"] == number
                and tenure_of_scheme(row["complaint__household__home__scheme_type"]) == tenure
                and _within(row["received_on"], start, end)
            ]
            result[(tenure, number)] = {
                "made": len(made),
                "per_1000": per_thousand(len(made), homes.get(tenure, 0)),
                "within_code": Share(sum(_answered_in_time(row, extended=True) for row in made), len(made)),
                "without_extension": Share(sum(_answered_in_time(row, extended=False) for row in made), len(made)),
                "acknowledged_in_time": Share(sum(_acknowledged_in_time(row) for row in made), len(made)),
                "extended": sum(1 for row in made if row["extension_working_days"]),
            }
    return result


def _answered_in_time(row, *, extended):
    """Whether the stage's decision was sent within the Code's timescale (repairs.clocks.decision_due)."""
    if row["responded_on"] is None:
        return False
    return row["responded_on"] <= decision_due(
        number=row["number"],
        received_on=row["received_on"],
        acknowledged_on=row["acknowledged_on"],
        extension_working_days=row["extension_working_days"],
        extended=extended,
    )


def _acknowledged_in_time(row):
    """Whether the stage was acknowledged within the Code's 5 working days (repairs.clocks.acknowledgement_due)."""
    return row["acknowledged_on"] is not None and row["acknowledged_on"] <= acknowledgement_due(row["received_on"])
