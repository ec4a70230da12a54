"""The trends page: one measure by reporting year (and by quarter, for the management-information
measures), and every group's gap by year, each with its change and the change's 95% interval.
The numbers come from inequities/trends.py, which reads only what disclosure control let through;
each table's CSV is written from the same cells."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _g

from inequities import families, labels, trends
from inequities.dashboards import cells
from inequities.dashboards.cells import HIDDEN
from inequities.dashboards.tables import ALL_DIMENSIONS, GROUP_DIMENSIONS, Row, _group_order
from inequities.families import SHARE
from inequities.metrics import ALL

YEARS, QUARTERS, GAPS = "years", "quarters", "gaps"
NOT_COMPUTED = "–"


@dataclass
class TrendTable:
    id: str
    caption: str
    headers: list
    rows: list
    summary: str
    query: dict
    chart: dict | None = None
    benchmark_sources: list = field(default_factory=list)

    @property
    def has_hidden(self):
        return any(row.suppressed for row in self.rows)

    @property
    def csv_url(self):
        return f"{reverse('inequities:trends_csv')}?{urlencode(self.query)}"

    def csv_rows(self):
        return [self.headers, *(row.cells for row in self.rows)]


def trend_metrics(available):
    """{code: unit} of the metrics a dashboard shows, in their declared order, that a snapshot holds."""
    return {key: available[key] for key, metric in families.METRICS.items() if metric.pages and key in available}


def characteristics():
    return [d for d in ALL_DIMENSIONS if d in GROUP_DIMENSIONS or d == "region"]


@dataclass
class Trend:
    """Everything the page shows for one measure and characteristic."""

    metric: str
    dimension: str
    unit: str
    years: list
    tables: list
    notes: list


def trend(metric, dimension, unit):
    """The page's tables for one measure and characteristic, every change judged together."""
    years = trends.reporting_years()
    by_year = trends.figures_by_period(years, metric, dimension)
    quarters = trends.quarters() if families.by_quarter(metric) else []
    by_quarter = trends.figures_by_period(quarters, metric, dimension) if quarters else {}
    present = {pk for pk, _group in by_year}
    words = labels.metric(metric)

    year_changes = [None] + [
        trends.change_of_rate(by_year.get((now.snapshot.pk, ALL)), by_year.get((before.snapshot.pk, ALL)), unit)
        for before, now in zip(years, years[1:], strict=False)
    ]
    quarter_pairs = _same_point_a_year_before(quarters)
    quarter_changes = [
        trends.change_of_rate(by_quarter.get((q.snapshot.pk, ALL)), by_quarter.get((b.snapshot.pk, ALL)), unit)
        if b
        else None
        for q, b in quarter_pairs
    ]
    groups = sorted(
        {group for (_pk, group) in by_year if group != ALL},
        key=lambda g: _group_order(dimension)(_Named(g)),
    )
    gap_changes = []
    if len(years) > 1:
        before, now = years[-2], years[-1]
        gap_changes = [
            trends.change_of_gap(by_year.get((now.snapshot.pk, g)), by_year.get((before.snapshot.pk, g)))
            for g in groups
        ]
    judged = trends.judge(year_changes + quarter_changes + gap_changes)
    year_changes = judged[: len(year_changes)]
    quarter_changes = judged[len(year_changes) : len(year_changes) + len(quarter_changes)]
    gap_changes = judged[len(year_changes) + len(quarter_changes) :]

    tables = []
    if unit != SHARE:
        tables.append(_years_table(metric, dimension, unit, words, years, by_year, year_changes))
        if quarters:
            tables.append(_quarters_table(metric, dimension, unit, words, quarter_pairs, by_quarter, quarter_changes))
    tables.append(_gaps_table(metric, dimension, unit, words, years, by_year, groups, gap_changes))
    return Trend(metric, dimension, unit, years, tables, trends.method_notes(metric, years, present))


@dataclass(frozen=True)
class _Named:  # what _group_order reads of a figure
    group: str


def _same_point_a_year_before(quarters):
    """[(quarter, the same quarter of the year before or None)]."""
    by_key = {(q.start, q.end): q for q in quarters}
    pairs = []
    for q in quarters:
        key = (q.start.replace(year=q.start.year - 1), q.end.replace(year=q.end.year - 1))
        pairs.append((q, by_key.get(key)))
    return pairs


def _query(metric, dimension, table):
    return {"measure": metric, "characteristic": dimension, "table": table}


def _rate_cells(figure, unit):
    if figure is None:
        return [NOT_COMPUTED, "", ""], False
    if figure.suppressed:
        return [str(HIDDEN), str(HIDDEN), str(HIDDEN)], True
    return [
        cells.number(figure.rate, unit),
        cells.interval(cells.number(figure.ci_low, unit), cells.number(figure.ci_high, unit))
        if figure.ci_low is not None
        else "",
        cells.based_on(figure, unit),
    ], False


def _change_cells(change, unit, first=False):
    if first:
        return ["", "", ""]
    if change is None:
        return [_g("Not known: a figure is hidden or missing"), "", ""]
    suffix = f" {cells.gap_unit(unit)}"
    return [
        cells.gap_words(change.value, unit),
        cells.interval(f"{change.low:.1f}", f"{change.high:.1f}", suffix),
        _clear(change),
    ]


def _clear(change):
    if change.clear:
        return _g("Yes, a clear change")
    if change.excludes_zero:
        return _g("No, could be chance among this many comparisons")
    return _g("No, could be chance")


def _change_headers():
    return [_g("Change"), _g("95% interval of the change"), _g("Clear change?")]


def _years_table(metric, dimension, unit, words, years, by_year, changes):
    headers = [_g("Reporting year"), _g("Figures for"), str(words.value), _g("95% interval"), _g("Based on")]
    headers += [_g("Change from the year before"), _g("95% interval of the change"), _g("Clear change?")]
    rows = []
    for index, (period, change) in enumerate(zip(years, changes, strict=True)):
        rate, hidden = _rate_cells(by_year.get((period.snapshot.pk, ALL)), unit)
        rows.append(Row([period.year, period.dates, *rate, *_change_cells(change, unit, index == 0)], hidden))
    return TrendTable(
        id=f"trend-{metric}--{YEARS}".replace("_", "-"),
        caption=_g("%(label)s, everyone, by reporting year") % {"label": words.label},
        headers=headers,
        rows=rows,
        summary=_summary_of_years(words, unit, years, by_year, changes),
        query=_query(metric, dimension, YEARS),
    )


def _summary_of_years(words, unit, years, by_year, changes):
    if len(years) < 2:
        return _g("There is only one reporting year of figures so far: there is nothing to compare it with yet.")
    before, now = years[-2], years[-1]
    change = changes[-1]
    if change is None:
        return _g("We cannot say how this changed from %(before)s to %(now)s: a figure is hidden or missing.") % {
            "before": before.year,
            "now": now.year,
        }
    was, is_now = by_year[(before.snapshot.pk, ALL)], by_year[(now.snapshot.pk, ALL)]
    verdict = _g("a clear change") if change.clear else _g("a change that could be chance")
    return _g(
        "%(label)s: %(was)s in %(before)s and %(now_rate)s in %(now)s, %(change)s (95%% interval %(interval)s): "
        "%(verdict)s."
    ) % {
        "label": words.label,
        "was": cells.number(was.rate, unit),
        "before": before.year,
        "now_rate": cells.number(is_now.rate, unit),
        "now": now.year,
        "change": cells.gap_words(change.value, unit),
        "interval": cells.interval(f"{change.low:.1f}", f"{change.high:.1f}", f" {cells.gap_unit(unit)}"),
        "verdict": verdict,
    }


def _quarters_table(metric, dimension, unit, words, pairs, by_quarter, changes):
    headers = [_g("Reporting year"), _g("Year to the end of"), str(words.value), _g("95% interval"), _g("Based on")]
    headers += [_g("Change from the same point the year before"), _g("95% interval of the change"), _g("Clear change?")]
    rows = []
    for (quarter, before), change in zip(pairs, changes, strict=True):
        rate, hidden = _rate_cells(by_quarter.get((quarter.snapshot.pk, ALL)), unit)
        rows.append(
            Row([quarter.year, f"{quarter.end:%-d %B %Y}", *rate, *_change_cells(change, unit, before is None)], hidden)
        )
    return TrendTable(
        id=f"trend-{metric}--{QUARTERS}".replace("_", "-"),
        caption=_g("%(label)s, everyone, by quarter (the year to each quarter's end)") % {"label": words.label},
        headers=headers,
        rows=rows,
        summary=_g(
            "Each row is the reporting year up to the end of a quarter, so a quarter is compared with the same "
            "point of the year before. %(n)s of %(total)s quarters have a figure from the year before to compare."
        )
        % {"n": sum(before is not None for _q, before in pairs), "total": len(pairs)},
        query=_query(metric, dimension, QUARTERS),
    )


def _gaps_table(metric, dimension, unit, words, years, by_year, groups, changes):
    headers = [str(labels.dimension(dimension)) if dimension != "region" else _g("Region")]
    headers += [_g("Gap in %(year)s") % {"year": period.year} for period in years]
    if len(years) > 1:
        headers += [
            _g("Change in the gap since %(year)s") % {"year": years[-2].year},
            _g("95% interval of the change"),
            _g("Clear change?"),
        ]
    rows = []
    for index, group in enumerate(groups):
        row, hidden = [str(labels.group(dimension, group))], False
        for period in years:
            figure = by_year.get((period.snapshot.pk, group))
            if figure is None:
                row.append(NOT_COMPUTED)
            elif figure.suppressed:
                row.append(str(HIDDEN))
                hidden = True
            elif figure.gap is None:
                row.append("")
            else:
                row.append(_gap_with_interval(figure, unit))
        if len(years) > 1:
            row += _change_cells(changes[index], unit)
        rows.append(Row(row, hidden))
    comparison = str(words.comparison).lower()
    clear = sum(1 for change in changes if change is not None and change.clear)
    compared = sum(1 for change in changes if change is not None)
    return TrendTable(
        id=f"trend-{metric}--{dimension}".replace("_", "-"),
        caption=_g("%(label)s: each group's gap from %(comparison)s, by %(dimension)s and reporting year")
        % {"label": words.label, "comparison": comparison, "dimension": str(labels.dimension(dimension)).lower()},
        headers=headers,
        rows=rows,
        summary=(
            _g("%(clear)s of the %(compared)s gaps we can compare with the year before changed clearly.")
            % {"clear": clear, "compared": compared}
            if len(years) > 1
            else _g("There is only one reporting year of figures so far: there is nothing to compare it with yet.")
        ),
        query=_query(metric, dimension, GAPS),
    )


def _gap_with_interval(figure, unit):
    words = cells.gap_words(figure.gap, unit)
    if figure.gap_low is None or figure.gap_high is None:
        return words
    return _g("%(gap)s (%(interval)s)") % {
        "gap": words,
        "interval": cells.interval(f"{figure.gap_low:.1f}", f"{figure.gap_high:.1f}"),
    }
