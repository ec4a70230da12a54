"""Trends: every measure, and every group's gap, by reporting year (the management-information
measures by quarter too), with the change from the year before and its 95% interval.

Every number is read from stored snapshots, so only what disclosure control let through is used: a
hidden figure stays hidden, and a change is worked out only between two figures both shown.

- A reporting year's figures are its newest snapshot of its longest period: the whole year once it
  has closed, the year so far while it runs (core/periods.py).
- A quarter's figures are the year to that quarter's end: the newest snapshot of the year whose
  period ends on the quarter's last day (the nightly recompute leaves one for each month).
- The change of a proportion between two years: Newcombe's hybrid score interval from the two
  years' shown numerators and denominators (`metrics.difference_interval`, as for a gap between
  groups). Of a rate per 1,000 or a median: MOVER from the two years' intervals. Of a group's gap:
  MOVER from the two years' gap intervals (`metrics.mover_interval`).
- A change is called clear after the false discovery rate control over every change the page shows
  (`findings.benjamini_hochberg`, 5%), as the dashboards judge their gaps.
- Where the method changed between years, a note says so: a year that is not whole, a change to the
  small-number rule, a measure not computed in a year, or a change declared with the metric
  (`families.Metric.method_changes`).
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from django.conf import settings
from django.utils.translation import gettext as _g

from inequities import families, findings, metrics
from inequities.families import PROPORTION, SHARE
from inequities.metrics import ALL
from inequities.models import Figure, Snapshot


@dataclass(frozen=True)
class Period:
    """One column of a trend: a reporting year (or a year to a quarter's end) and its snapshot."""

    start: date
    end: date
    snapshot: Snapshot

    @property
    def year(self):
        """The reporting year in words: "2025 to 2026"."""
        return _g("%(first)s to %(second)s") % {"first": self.start.year, "second": self.start.year + 1}

    @property
    def whole_year(self):
        return self.end == year_end(self.start)

    @property
    def dates(self):
        return _g("%(start)s to %(end)s") % {"start": f"{self.start:%-d %B %Y}", "end": f"{self.end:%-d %B %Y}"}


def year_end(start):
    return date(start.year + 1, start.month, 1) - timedelta(days=1)


def quarter_ends(start):
    """The last days of the year's four quarters."""
    ends = []
    for quarter in range(1, 5):
        month = start.month - 1 + 3 * quarter
        ends.append(date(start.year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    return ends


def _snapshots_of_years():
    """Snapshots whose period starts on a reporting year's first day, oldest period first."""
    return [
        snapshot
        for snapshot in Snapshot.objects.order_by("period_start", "period_end", "computed_at", "pk").only(
            "pk", "period_start", "period_end", "computed_at", "min_denominator", "max_small"
        )
        if snapshot.period_start.day == 1 and snapshot.period_start.month == settings.INEQUITIES_YEAR_STARTS_MONTH
    ]


def reporting_years(found=None):
    """[Period]: each reporting year's newest snapshot of its longest period, oldest year first."""
    chosen = {}
    for snapshot in _snapshots_of_years() if found is None else found:
        chosen[snapshot.period_start] = snapshot  # the last is the longest period, newest computed
    return [Period(start, s.period_end, s) for start, s in sorted(chosen.items())]


def quarters(found=None):
    """[Period]: for each reporting year, the year to each quarter's end that a snapshot holds."""
    chosen = {}
    for snapshot in _snapshots_of_years() if found is None else found:
        if snapshot.period_end in quarter_ends(snapshot.period_start):
            chosen[(snapshot.period_start, snapshot.period_end)] = snapshot
    return [Period(start, end, s) for (start, end), s in sorted(chosen.items())]


def figures_by_period(periods, metric, dimension):
    """{(snapshot pk, group): Figure} for one metric and characteristic, all regions, in one query."""
    rows = Figure.objects.filter(
        snapshot__in=[p.snapshot for p in periods], metric=metric, dimension=dimension, region=ALL
    )
    return {(figure.snapshot_id, figure.group): figure for figure in rows}


@dataclass(frozen=True)
class Change:
    value: float  # in the gap's units: points for proportions and shares, else the rate's own
    low: float
    high: float
    clear: bool | None = None  # set by judge()

    @property
    def excludes_zero(self):
        return self.low > 0 or self.high < 0


def _shown(figure, *fields):
    return figure is not None and not figure.suppressed and all(getattr(figure, f) is not None for f in fields)


def change_of_rate(now, before, unit):
    """How a figure's rate changed from `before` to `now` (both shown), or None."""
    if unit == SHARE:
        return None  # a share of everyone is everyone: the gaps carry the story
    if unit == PROPORTION:
        if not _shown(now, "numerator", "denominator") or not _shown(before, "numerator", "denominator"):
            return None
        low, high = metrics.difference_interval(now.numerator, now.denominator, before.numerator, before.denominator)
        return _change((now.rate - before.rate) * 100, low * 100, high * 100)
    if not _shown(now, "rate", "ci_low", "ci_high") or not _shown(before, "rate", "ci_low", "ci_high"):
        return None
    low, high = metrics.mover_interval(now.rate, now.ci_low, now.ci_high, before.rate, before.ci_low, before.ci_high)
    return _change(now.rate - before.rate, low, high)


def change_of_gap(now, before):
    """How a group's gap from everyone else changed from `before` to `now` (both shown), or None."""
    if not _shown(now, "gap", "gap_low", "gap_high") or not _shown(before, "gap", "gap_low", "gap_high"):
        return None
    low, high = metrics.mover_interval(now.gap, now.gap_low, now.gap_high, before.gap, before.gap_low, before.gap_high)
    return _change(now.gap - before.gap, low, high)


def _change(value, low, high):
    if any(np.isnan(float(v)) for v in (value, low, high)):
        return None
    return Change(float(value), float(low), float(high))


def judge(changes):
    """The same changes, each called clear or not after the false discovery rate control over them all."""
    found = [c for c in changes if c is not None]
    if not found:
        return changes
    p = findings.p_value([c.value for c in found], [c.low for c in found], [c.high for c in found])
    clear = iter(findings.benjamini_hochberg(p))
    judged = {id(c): Change(c.value, c.low, c.high, bool(next(clear))) for c in found}
    return [judged[id(c)] if c is not None else None for c in changes]


def method_notes(metric, periods, present):
    """Sentences saying where the way a figure was made changed across `periods` (oldest first).
    `present`: the snapshot pks that hold the metric at all."""
    notes = []
    for period in periods:
        if not period.whole_year:
            notes.append(
                _g(
                    "%(year)s is not a whole year yet: its figures are for %(dates)s, so a change from a whole "
                    "year compares part of a year with all of one."
                )
                % {"year": period.year, "dates": period.dates}
            )
        if period.snapshot.pk not in present:
            notes.append(_g("This measure was not computed for %(year)s: it was added later.") % {"year": period.year})
    for before, now in zip(periods, periods[1:], strict=False):
        a, b = before.snapshot, now.snapshot
        if (a.min_denominator, a.max_small) != (b.min_denominator, b.max_small):
            notes.append(
                _g(
                    "The small-number rule changed between %(before)s and %(now)s (figures based on fewer than "
                    "%(was_d)s people, or with 1 to %(was_s)s, were hidden; now fewer than %(now_d)s, or 1 to "
                    "%(now_s)s): a figure can be shown in one year and hidden in the other for that alone."
                )
                % {"before": before.year, "now": now.year, "was_d": a.min_denominator, "was_s": a.max_small,
                   "now_d": b.min_denominator, "now_s": b.max_small}
            )  # fmt: skip
    if periods:
        first, last = periods[0].start, periods[-1].end
        for declared in families.METRICS[metric].method_changes if metric in families.METRICS else ():
            if first < declared.on <= last:
                notes.append(str(declared.words))
    return notes
