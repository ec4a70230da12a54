"""Triangulation: where our figures disagree with what national data says they should show, or
where a group is hardly heard. Each signal is a plain-English statement with the numbers behind it
and a suggestion; only figures that disclosure control let through are used.

Rules (each one a comparison with a p-value; see "Judged together" below):
- opposite to the national pattern: disabled residents less likely than others to be
  dissatisfied (nationally they are more often dissatisfied); a minority-ethnic group at least as
  satisfied overall as White residents, where the national gap (57% against 69%) is clearly not
  seen: the interval of the difference from White residents excludes it;
- security repairs: windows, doors, gates and fences a larger share of repairs in the most
  crime-deprived fifth of neighbourhoods than elsewhere;
- regions: dissatisfaction with repairs above the English Housing Survey figure, or satisfaction
  below the survey's figure for that region (the survey's figure is taken as known);
- silences: a group whose invitation response rate is below everyone else's and under
  three-quarters of it.

Judged together: every comparison the rules make is one family, judged with the false discovery
rate control the dashboards use (inequities/findings.py). A signal is raised only for a comparison
that control calls clear, in the direction its rule names.
"""

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inequities import benchmarks, families, findings
from inequities.labels import people
from inequities.metrics import ALL, difference_interval
from inequities.models import SignalKind

# What residents were dissatisfied with, for each measure whose family gives it a topic.
DISSATISFACTION = {key: metric.topic for key, metric in families.METRICS.items() if metric.topic}
TP01_SATISFIED = families.TP01.satisfied.key
TP02_DISSATISFIED, TP02_SATISFIED = families.TP02.dissatisfied.key, families.TP02.satisfied.key
SECURITY_REPAIRS = families.SECURITY.metrics[0].key
INVITATION_RESPONSE = families.INVITATIONS.metrics[0].key
MINORITY_ETHNIC_GROUPS = ("asian", "black", "mixed", "other")
LOW_RESPONSE_RATIO = 0.75
NOT_HEARD = gettext_lazy("Check whether this is accurate, or whether these residents are not being heard.")


def in_region(name):
    """ "the North East", "the West Midlands", but "London", "Yorkshire and The Humber"."""
    return f"the {name}" if name.split(" ")[0] in ("North", "South", "East", "West") else name


def percent(rate):
    return f"{rate * 100:.0f}%"


MINORITY_ETHNIC_GAP = 57 / 100 - 69 / 100  # DLUHC 2022: minority-ethnic against White residents, overall satisfaction


def find(figures):
    """Signals from one snapshot's figures (a frame with the Figure columns), as dicts: of every
    comparison the rules make, those the false discovery rate control calls clear."""
    found = tests(figures)
    clear = findings.benjamini_hochberg([test.p for test in found])
    return [test.signal for test, is_clear in zip(found, clear, strict=True) if is_clear and test.signal is not None]


def tests(figures):
    """Every comparison the rules make on these figures (the signals page counts them)."""
    shown = figures[~figures["suppressed"].astype(bool)]
    return [
        *_disabled_not_more_dissatisfied(shown),
        *_minority_ethnic_as_satisfied(shown),
        *_security_repairs(shown),
        *_regions_against_national(shown),
        *_low_response(shown),
    ]


# The metrics the rules read (the signals page counts their comparisons from these alone).
READS = (*DISSATISFACTION, TP01_SATISFIED, TP02_DISSATISFIED, TP02_SATISFIED, SECURITY_REPAIRS, INVITATION_RESPONSE)


class Test:
    """One comparison a rule makes: its p-value, and the signal it raises if it is clear (None when
    the estimate is on the other side of the rule)."""

    def __init__(self, p, signal):
        self.p = float(p) if p is not None else float("nan")
        self.signal = signal


def _p(row, null=0.0, estimate="gap", low="gap_low", high="gap_high"):
    if any(row[column] is None or row[column] != row[column] for column in (estimate, low, high)):
        return None
    return findings.p_value(row[estimate], row[low], row[high], null)


def _one(frame, **where):
    for column, value in where.items():
        frame = frame[frame[column] == value]
    return None if frame.empty else frame.iloc[0]


def _disabled_not_more_dissatisfied(shown):
    for metric, topic in DISSATISFACTION.items():
        row = _one(shown, metric=metric, dimension="disability", group="yes", region=ALL)
        if row is None or row["comparison_rate"] is None or row["comparison_rate"] != row["comparison_rate"]:
            continue
        if row["gap"] >= 0:
            yield Test(_p(row), None)
            continue
        yield Test(
            _p(row),
            _signal(
                SignalKind.OPPOSITE_TO_NATIONAL,
                row,
                _(
                    "Disabled residents were less likely than other residents to be dissatisfied with %(topic)s "
                    "(%(rate)s against %(other)s, from %(n)s answers). Nationally, disabled residents are more "
                    "often dissatisfied than others."
                )
                % {
                    "topic": topic,
                    "rate": percent(row["rate"]),
                    "other": percent(row["comparison_rate"]),
                    "n": f"{row['denominator']:.0f}",
                },  # fmt: skip
                NOT_HEARD,
            ),
        )


def _minority_ethnic_as_satisfied(shown):
    white = _one(shown, metric=TP01_SATISFIED, dimension="ethnic_group", group="white", region=ALL)
    if white is None:
        return
    for group in MINORITY_ETHNIC_GROUPS:
        row = _one(shown, metric=TP01_SATISFIED, dimension="ethnic_group", group=group, region=ALL)
        if row is None or any(pd.isna(v) for v in (row["numerator"], row["denominator"], white["numerator"])):
            continue
        # The difference from White residents, against the national gap.
        low, high = difference_interval(row["numerator"], row["denominator"], white["numerator"], white["denominator"])
        difference = row["rate"] - white["rate"]
        p = findings.p_value(difference, low, high, MINORITY_ETHNIC_GAP)
        if row["rate"] < white["rate"]:
            yield Test(p, None)
            continue
        yield Test(
            p,
            _signal(
                SignalKind.OPPOSITE_TO_NATIONAL,
                row,
                _(
                    "%(people)s were as satisfied or more satisfied with the service overall than White residents "
                    "(%(rate)s against %(white)s). Nationally, minority-ethnic residents are less often satisfied "
                    "(57%% against 69%%, DLUHC social housing resident survey 2022)."
                )
                % {
                    "people": people("ethnic_group", group),
                    "rate": percent(row["rate"]),
                    "white": percent(white["rate"]),
                },
                NOT_HEARD,
            ),
        )


def _security_repairs(shown):
    rows = shown[(shown["metric"] == SECURITY_REPAIRS) & (shown["group"] == "most_crime_deprived")]
    for _index, row in rows.iterrows():
        if row["gap"] is None or row["gap"] != row["gap"]:
            continue
        if row["gap"] <= 0:
            yield Test(_p(row), None)
            continue
        where = _("our homes") if row["region"] == ALL else in_region(row["region"])
        yield Test(
            _p(row),
            _signal(
                SignalKind.SECURITY_REPAIRS,
                row,
                _(
                    "In %(where)s, windows, doors, gates and fences were %(rate)s of repairs in the most crime-deprived "
                    "fifth of neighbourhoods, against %(other)s elsewhere (a gap of %(gap)s points, 95%% interval "
                    "%(low)s to %(high)s)."
                )
                % {
                    "where": where,
                    "rate": percent(row["rate"]),
                    "other": percent(row["comparison_rate"]),
                    "gap": f"{row['gap']:.0f}",
                    "low": f"{row['gap_low']:.0f}",
                    "high": f"{row['gap_high']:.0f}",
                },  # fmt: skip
                _("This may be a safety concern: ask residents there whether they feel safe in their homes."),
            ),
        )


def _regions_against_national(shown):
    national = benchmarks.value(families.EHS, families.EHS_REPAIRS_DISSATISFIED, "all")  # nationally only
    rows = shown[(shown["metric"] == TP02_DISSATISFIED) & (shown["dimension"] == "region")]
    rows = rows[(rows["region"] == ALL) & (rows["group"] != ALL)]
    for _index, row in rows.iterrows():
        if national is None:
            continue
        p = _p(row, national[0], "rate", "ci_low", "ci_high")
        if row["rate"] <= national[0]:
            yield Test(p, None)
            continue
        yield Test(
            p,
            _signal(
                SignalKind.ABOVE_NATIONAL_REGION,
                row,
                _(
                    "In %(region)s, %(rate)s of residents were dissatisfied with the repairs service (95%% interval "
                    "%(low)s to %(high)s), above the %(national)s of social renters in England in the English Housing "
                    "Survey."
                )
                % {
                    "region": in_region(row["group"]),
                    "rate": percent(row["rate"]),
                    "low": percent(row["ci_low"]),
                    "high": percent(row["ci_high"]),
                    "national": percent(national[0]),
                },  # fmt: skip
                _("Look at the repairs figures for this region with its residents."),
            ),
        )
    satisfied = shown[(shown["metric"] == TP02_SATISFIED) & (shown["dimension"] == "region")]
    for _index, row in satisfied[satisfied["region"] == ALL].iterrows():
        regional = benchmarks.value(families.EHS, families.EHS_REPAIRS_SATISFIED, row["group"])
        if regional is None:
            continue
        p = _p(row, regional[0], "rate", "ci_low", "ci_high")
        if row["rate"] >= regional[0]:
            yield Test(p, None)
            continue
        yield Test(
            p,
            _signal(
                SignalKind.ABOVE_NATIONAL_REGION,
                row,
                _(
                    "In %(region)s, %(rate)s of residents were satisfied with the repairs service, below the "
                    "%(regional)s of social renters in that region in the English Housing Survey."
                )
                % {"region": in_region(row["group"]), "rate": percent(row["rate"]), "regional": percent(regional[0])},
                _("Look at the repairs figures for this region with its residents."),
            ),
        )


def _low_response(shown):
    rows = shown[(shown["metric"] == INVITATION_RESPONSE) & (shown["region"] == ALL) & (shown["group"] != ALL)]
    for _index, row in rows.iterrows():
        if row["gap"] is None or row["gap"] != row["gap"]:
            continue
        if row["gap"] >= 0 or row["rate"] >= LOW_RESPONSE_RATIO * row["comparison_rate"]:
            yield Test(_p(row), None)
            continue
        yield Test(
            _p(row),
            _signal(
                SignalKind.LOW_RESPONSE,
                row,
                _(
                    "%(people)s answered %(rate)s of the survey invitations sent to them, against %(other)s for other "
                    "residents (%(n)s invitations)."
                )
                % {
                    "people": people(row["dimension"], row["group"]),
                    "rate": percent(row["rate"]),
                    "other": percent(row["comparison_rate"]),
                    "n": f"{row['denominator']:.0f}",
                },  # fmt: skip
                _(
                    "Ask in other ways: by phone, with an interpreter, on paper, or in person at an activity that "
                    "reaches this group."
                ),
            ),
        )


def _signal(kind, row, statement, suggestion):
    return {
        "kind": kind,
        "metric": row["metric"],
        "dimension": row["dimension"],
        "group": row["group"] if row["group"] != ALL else "",
        "region": row["region"],
        "statement": statement,
        "suggestion": suggestion,
    }
