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
"""

from dataclasses import dataclass

from django.utils import timezone

from repairs.choices import Priority, Status
from repairs.clocks import code_clocks


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
