"""Repairs and complaints measures, as pure functions over plain rows.

Rows are dicts like those from selectors.repair_facts() and selectors.complaint_stage_facts(), so
the inequities engine can split them by group or region and call the same functions on each part.
No database, no I/O. Each measure returns counts as well as the rate, so small cells can be
suppressed later.

- RP02: repairs completed within the landlord's target, emergency and non-emergency apart
  (repairs completed in the period; cancelled ones are not counted).
- CH01: stage 1 and stage 2 complaints received in the period, per 1,000 homes.
- CH02: stage 1 and stage 2 decisions sent in the period within the Complaint Handling Code
  timescale (counted from the acknowledgement, plus any extension).
- Working days to complete: mean and median, from the day reported to the day completed.
- Recall rate: completed repairs that were repeated by a recall, as a share of completed repairs.
- Awaab's Law: significant damp and mould hazards that met every clock, as a share of those whose
  clocks are decided (every one met, or at least one missed); cases still inside their clocks wait.
"""

from dataclasses import dataclass
from statistics import mean, median

from django.utils import timezone

from repairs.choices import Hazard, Priority, Status
from repairs.clocks import code_clocks, damp_and_mould_clocks, every_awaabs_law_clock_met
from repairs.working_days import working_days_between


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


@dataclass(frozen=True)
class Duration:
    count: int
    mean: float | None
    median: float | None


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


def working_days_to_complete(repairs, *, start=None, end=None):
    days = [
        working_days_between(timezone.localdate(row["reported_at"]), timezone.localdate(row["completed_at"]))
        for row in _completed(repairs, start, end)
    ]
    if not days:
        return Duration(0, None, None)
    return Duration(len(days), mean(days), median(days))


def recall_rate(repairs, *, start=None, end=None):
    done = _completed(repairs, start, end)
    return Share(sum(bool(row["was_recalled"]) for row in done), len(done))


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


def damp_and_mould_clocks_met(repairs, *, now=None, start=None, end=None):
    """Share of significant damp and mould hazards (reported in the period) that met every
    Awaab's Law clock, among those whose clocks are decided."""
    decided = []
    for row in repairs:
        if row["hazard"] != Hazard.DAMP_MOULD or not _within(timezone.localdate(row["reported_at"]), start, end):
            continue
        verdict = every_awaabs_law_clock_met(awaabs_law_clocks_of(row), now)
        if verdict is not None:
            decided.append(verdict)
    return Share(sum(decided), len(decided))


def awaabs_law_clocks_of(row):
    def day(moment):
        return timezone.localdate(moment) if moment is not None else None

    return damp_and_mould_clocks(
        reported_on=day(row["reported_at"]),
        investigated_on=day(row["investigated_at"]),
        summary_sent_on=row["summary_sent_on"],
        made_safe_on=day(row["made_safe_at"]),
        preventative_work_started_on=row["preventative_work_started_on"],
        preventative_work_delay_reason=row["preventative_work_delay_reason"],
    )
