"""A dashboard's tables: one metric for the groups of one characteristic in one region, with the
sentence that sums it up, exactly as the page and its CSV show it."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from inequities import families, labels
from inequities.dashboards import cells
from inequities.dashboards.cells import HIDDEN
from inequities.dashboards.snapshots import period_label, period_value
from inequities.dashboards.summaries import summarise
from inequities.dimensions import DIMENSIONS, NOT_RECORDED
from inequities.families import SHARE
from inequities.metrics import ALL
from inequities.models import Figure

# Only these: the snapshot also holds the representation review's own questions, which no dashboard shows.
ALL_DIMENSIONS = [d.key for d in DIMENSIONS]
GROUP_DIMENSIONS = [d for d in ALL_DIMENSIONS if d != "region"]


@dataclass
class Row:
    cells: list  # strings, the first naming the group: exactly what the page and the CSV show
    suppressed: bool = False
    figure: object = None
    everyone: bool = False
    banded: bool = False  # a share shown as a band ("fewer than 8"): its count kept back


@dataclass
class Table:
    id: str
    caption: str
    headers: list
    rows: list
    summary: str
    unit: str
    query: dict  # the filters that make exactly this table (for its CSV link)
    benchmark_sources: list = field(default_factory=list)
    comparison_header: str = ""
    value_header: str = ""
    chart: dict | None = None

    @property
    def has_hidden(self):
        return any(row.suppressed for row in self.rows)

    @property
    def has_bands(self):
        return any(row.banded for row in self.rows)

    @property
    def csv_url(self):
        return csv_url(self.query)

    def csv_rows(self):
        return [self.headers, *(row.cells for row in self.rows)]


def csv_url(query):
    return f"{reverse('inequities:dashboard_csv')}?{urlencode(query)}"


def _group_order(dimension):
    known = list(labels.GROUPS.get(dimension, {}))
    return lambda figure: (
        figure.group != ALL,
        figure.group in labels.MISSING,
        known.index(figure.group) if figure.group in known else len(known),
        _natural(figure.group),
    )


def _natural(code):
    return (0, int(code), "") if code.isdigit() else (1, 0, code)


def _headers(words, dimension, benchmarks):
    headers = [
        str(labels.dimension(dimension)) if dimension != "region" else _g("Region"),
        str(words.value),
        _g("95% interval"),
        _g("Based on"),
        str(words.comparison),
        _g("Gap"),
        _g("95% interval of the gap"),
        _g("Clear difference?"),
    ]
    return headers + [_g("National figure")] if benchmarks else headers


def _row(figure, dimension, unit, width, benchmarks):
    name = str(labels.group(dimension, figure.group))
    if figure.suppressed and cells.band(figure):
        return _banded_row(figure, name, unit, width)
    if figure.suppressed:
        return Row([name, str(HIDDEN)] + [str(HIDDEN)] * (width - 2), suppressed=True, figure=figure)
    gap_interval = (
        cells.interval(f"{figure.gap_low:.1f}", f"{figure.gap_high:.1f}", f" {cells.gap_unit(unit)}")
        if figure.gap_low is not None and figure.gap_high is not None
        else ""
    )
    row = [
        name,
        cells.number(figure.rate, unit),
        cells.interval(cells.number(figure.ci_low, unit), cells.number(figure.ci_high, unit))
        if figure.ci_low is not None
        else "",
        cells.based_on(figure, unit),
        cells.number(figure.comparison_rate, unit),
        cells.gap_words(figure.gap, unit),
        gap_interval,
        cells.clear(figure.significant, figure.gap_low, figure.gap_high),
    ]
    if benchmarks:
        row.append(cells.number(figure.benchmark_rate, unit))
    return Row(row, figure=figure, everyone=figure.group == ALL)


def _banded_row(figure, name, unit, width):
    """A share shown as a band: its count in words, the interval over the band, the gap at its edge."""
    compared = figure.gap_low is not None and figure.gap_high is not None
    row = [
        name,
        cells.band(figure),
        cells.interval(cells.number(figure.ci_low, unit), cells.number(figure.ci_high, unit))
        if figure.ci_low is not None
        else "",
        cells.band_of(figure),
        cells.number(figure.comparison_rate, unit),
        cells.band_gap_words(figure.gap, unit),
        cells.interval(f"{figure.gap_low:.1f}", f"{figure.gap_high:.1f}", f" {cells.gap_unit(unit)}")
        if compared
        else "",
        cells.clear(figure.significant, figure.gap_low, figure.gap_high),
    ]
    row += [""] * (width - len(row))
    return Row(row, figure=figure, banded=True)


def build_table(snapshot, metric, dimension, region, unit, figures=None):
    """One metric for the groups of one dimension in one region (the rows the engine wrote)."""
    if figures is None:
        figures = list(snapshot.figures.filter(metric=metric, dimension=dimension, region=region))
    words = labels.metric(metric)
    if unit == SHARE:  # everyone's share of themselves (kept for disclosure control) says nothing
        figures = [f for f in figures if f.group != ALL]
    figures = sorted(figures, key=_group_order(dimension))
    benchmarks = any(f.benchmark_rate is not None for f in figures)
    headers = _headers(words, dimension, benchmarks)
    sources = sorted({f.benchmark_source for f in figures if f.benchmark_rate is not None and f.benchmark_source})
    return Table(
        id=f"{metric}--{dimension}".replace("_", "-"),
        caption=_caption(words.label, dimension, region, snapshot),
        headers=headers,
        rows=[_row(figure, dimension, unit, len(headers), benchmarks) for figure in figures],
        summary=summarise(figures, metric, dimension, unit),
        unit=unit,
        query=query(snapshot, metric, dimension, region),
        benchmark_sources=sources,
        comparison_header=str(words.comparison),
        value_header=str(words.value),
    )


def build_not_asked_table(snapshot, region, figures=None):
    """For each characteristic, the share of residents we have never asked (or have no record of)."""
    if figures is None:
        figures = list(
            snapshot.figures.filter(
                metric=families.POPULATION.metrics[0].key,
                dimension__in=ALL_DIMENSIONS,
                region=region,
                group__in=("not_asked", NOT_RECORDED),
            )
        )
    order = [d.key for d in DIMENSIONS]
    figures = sorted(figures, key=lambda f: (order.index(f.dimension) if f.dimension in order else 99, f.group))
    value_header = _g("Share of residents")
    return Table(
        id="not-asked",
        caption=_caption(_("Residents whose equality details we have never asked for"), None, region, snapshot),
        headers=[_g("Characteristic"), value_header, _g("Residents")],
        rows=[_not_asked_row(figure) for figure in figures],
        summary=_not_asked_summary(figures),
        unit=SHARE,
        query=query(snapshot, labels.NOT_ASKED_TABLE, "", region),
        value_header=value_header,
    )


def _not_asked_row(figure):
    name = str(labels.dimension(figure.dimension))
    if figure.group == NOT_RECORDED:
        name = _g("%(name)s (not recorded)") % {"name": name}
    if figure.suppressed:
        return Row([name, str(HIDDEN), str(HIDDEN)], suppressed=True, figure=figure)
    return Row([name, cells.number(figure.rate, SHARE), cells.of(figure.numerator, figure.denominator)], figure=figure)


def _not_asked_summary(figures):
    shown = [f for f in figures if not f.suppressed and f.rate is not None]
    if not shown:
        return _g("There are no figures to show for this region and period.")
    most = max(shown, key=lambda f: f.rate)
    return _g(
        "We know least about %(what)s: we have never asked %(rate)s of residents (%(n)s of %(d)s). "
        "Groups we have not asked about cannot be counted in any other figure on these dashboards."
    ) % {
        "what": str(labels.dimension(most.dimension)).lower(),
        "rate": f"{most.rate * 100:.0f}%",
        "n": cells.count(most.numerator),
        "d": cells.count(most.denominator),
    }


def _caption(label, dimension, region, snapshot):
    where = str(labels.region(region))
    if dimension and dimension != "region":
        what = _g("%(label)s, by %(dimension)s") % {
            "label": label,
            "dimension": str(labels.dimension(dimension)).lower(),
        }
    elif dimension == "region":
        what = _g("%(label)s, by region") % {"label": label}
        where = ""
    else:
        what = str(label)
    parts = [what, where, period_label(snapshot)]
    return ": ".join([parts[0], ", ".join(p for p in parts[1:] if p)])


def query(snapshot, metric, dimension, region):
    """The filters that make exactly one table (its CSV link's query)."""
    found = {"period": period_value(snapshot), "measure": metric, "region": region}
    if dimension:
        found["characteristic"] = dimension
    return found


def tables_for(snapshot, metrics, dimensions, region):
    """A table for each metric and dimension that the snapshot holds, from one query."""
    figures = list(
        Figure.objects.filter(snapshot=snapshot, metric__in=list(metrics), dimension__in=dimensions, region=region)
    )
    by_key = {}
    for figure in figures:
        by_key.setdefault((figure.metric, figure.dimension), []).append(figure)
    tables = []
    for metric, unit in metrics.items():
        for dimension in dimensions:
            if (metric, dimension) in by_key:
                tables.append(build_table(snapshot, metric, dimension, region, unit, by_key[(metric, dimension)]))
    return tables
