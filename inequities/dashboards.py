"""The dashboards: which figures each page shows, and each table with its summary, as the page and
its CSV both show it.

Everything here reads one snapshot (the latest, or the latest for a chosen period) and only
aggregate figures: no resident is named or counted one by one. A table's cells are the strings the
page prints, and its CSV is written from the same cells, so the two cannot disagree.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from inequities import families, labels
from inequities.dimensions import DIMENSIONS, NOT_RECORDED, published
from inequities.families import PER_1000, SHARE, WORKING_DAYS
from inequities.metrics import ALL
from inequities.models import Figure, Snapshot

# Only these: the snapshot also holds the representation review's own questions, which no dashboard shows.
ALL_DIMENSIONS = [d.key for d in DIMENSIONS]
GROUP_DIMENSIONS = [d for d in ALL_DIMENSIONS if d != "region"]


@dataclass(frozen=True)
class Dashboard:
    slug: str
    title: str
    intro: str
    by_region: bool = False  # one table across the regions, rather than one per characteristic
    not_asked: bool = False  # the silences page adds the share of residents never asked

    @property
    def metrics(self):
        """The metrics this page shows: those whose family declares this page (inequities/families.py)."""
        return families.on_page(self.slug)

    @property
    def url_name(self):
        return f"inequities:dashboard_{self.slug.replace('-', '_')}"

    def url(self):
        return reverse(self.url_name)

    def metrics_in(self, available):
        """This page's metrics that the snapshot holds, in the page's order: {code: unit}."""
        return {code: available[code] for code in self.metrics if code in available}


DASHBOARDS = [
    Dashboard(
        families.DISSATISFACTION,
        _("Dissatisfaction by group"),
        _("How many residents in each group told us they were dissatisfied, compared with everyone else."),
    ),
    Dashboard(
        families.BY_REGION,
        _("Dissatisfaction by region"),
        _(
            "How many residents in each region told us they were dissatisfied, beside the national survey figure "
            "for the region where there is one."
        ),
        by_region=True,
    ),  # fmt: skip
    Dashboard(
        families.SILENCES,
        _("Silences: whose voices are missing"),
        _(
            "Who answers our surveys, whose share of the answers is smaller than their share of residents, and "
            "whose equality details we have never asked for."
        ),
        not_asked=True,
    ),  # fmt: skip
    Dashboard(
        families.REPAIRS,
        _("Repairs outcomes by group"),
        _("Whether repairs are done on time, done right first time and kept to their appointments, for each group."),
    ),
    Dashboard(
        families.ADJUSTMENTS,
        _("Reasonable adjustments"),
        _("Of the reasonable adjustments residents asked for, how many are now in place, for each group."),
    ),
    Dashboard(
        families.COMPLAINTS,
        _("Complaints"),
        _("How many complaints each group makes per 1,000 households, compared with everyone else."),
    ),
    Dashboard(
        families.REPRESENTATION,
        _("Representation"),
        _(
            "Each group's share of scrutiny panel members and of the people who took part in engagement, against "
            "its share of residents."
        ),
    ),  # fmt: skip
]
BY_SLUG = {d.slug: d for d in DASHBOARDS}


def dashboard_for_metric(code):
    return next((d for d in DASHBOARDS if code in d.metrics), None)


# Periods and snapshots ------------------------------------------------------------------------


def period_value(snapshot):
    return f"{snapshot.period_start:%Y-%m-%d}_{snapshot.period_end:%Y-%m-%d}"


def period_label(snapshot):
    return _g("%(start)s to %(end)s") % {
        "start": f"{snapshot.period_start:%-d %B %Y}",
        "end": f"{snapshot.period_end:%-d %B %Y}",
    }


def periods():
    """[(value, label, snapshot)]: the newest snapshot of each period, newest period first."""
    seen, found = set(), []
    for snapshot in Snapshot.objects.order_by("-period_end", "-period_start", "-computed_at", "-pk").only(
        "pk", "period_start", "period_end", "computed_at", "min_denominator", "max_small"
    ):
        value = period_value(snapshot)
        if value not in seen:
            seen.add(value)
            found.append((value, period_label(snapshot), snapshot))
    return found


def available_metrics(snapshot):
    """{metric: unit} for every metric in the snapshot."""
    return dict(snapshot.figures.values_list("metric", "unit").distinct())


def regions_in(snapshot):
    names = set(snapshot.figures.exclude(region=ALL).values_list("region", flat=True).distinct())
    return sorted(names, key=lambda name: (name == NOT_RECORDED, name))


# Tables ----------------------------------------------------------------------------------------


@dataclass
class Row:
    cells: list  # strings, the first naming the group: exactly what the page and the CSV show
    suppressed: bool = False
    figure: object = None
    everyone: bool = False


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
    def csv_url(self):
        return f"{reverse('inequities:dashboard_csv')}?{urlencode(self.query)}"

    def csv_rows(self):
        return [self.headers, *(row.cells for row in self.rows)]


HIDDEN = _("hidden")


def number(value, unit):
    """A rate as the page prints it."""
    if value is None:
        return ""
    if unit in (PER_1000, WORKING_DAYS):
        return f"{value:,.1f}"
    return f"{value * 100:.1f}%"


def _count(value):
    return "" if value is None else f"{value:,.0f}"


def _gap_unit(unit):
    if unit == PER_1000:
        return _g("per 1,000")
    if unit == WORKING_DAYS:
        return _g("working days")
    return _g("points")


def _gap_words(gap, unit):
    if gap is None:
        return ""
    if round(gap, 1) == 0:
        return _g("no difference")
    direction = _g("higher") if gap > 0 else _g("lower")
    return f"{abs(gap):.1f} {_gap_unit(unit)} {direction}"


def _interval(low, high, suffix=""):
    if low is None or high is None:
        return ""
    return _g("%(low)s to %(high)s") % {"low": low, "high": high} + suffix


def _clear(significant):
    if significant is None:
        return ""
    return _g("Yes, a clear difference") if significant else _g("No, could be chance")


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


def build_table(snapshot, metric, dimension, region, unit, figures=None):
    """One metric for the groups of one dimension in one region (the rows the engine wrote)."""
    if figures is None:
        figures = list(snapshot.figures.filter(metric=metric, dimension=dimension, region=region))
    words = labels.metric(metric)
    if unit == SHARE:  # everyone's share of themselves (kept for disclosure control) says nothing
        figures = [f for f in figures if f.group != ALL]
    figures = sorted(figures, key=_group_order(dimension))
    benchmarks = any(f.benchmark_rate is not None for f in figures)
    value_header = str(words.value)
    comparison_header = str(words.comparison)
    headers = [
        str(labels.dimension(dimension)) if dimension != "region" else _g("Region"),
        value_header,
        _g("95% interval"),
        _g("Based on"),
        comparison_header,
        _g("Gap"),
        _g("95% interval of the gap"),
        _g("Clear difference?"),
    ]
    if benchmarks:
        headers.append(_g("National figure"))
    rows = []
    for figure in figures:
        name = str(labels.group(dimension, figure.group))
        if figure.suppressed:
            rows.append(Row([name, str(HIDDEN)] + [str(HIDDEN)] * (len(headers) - 2), suppressed=True, figure=figure))
            continue
        if unit in (PER_1000, WORKING_DAYS):
            based_on = _count(figure.denominator)
        elif figure.denominator is None:  # a share of a total that is hidden: the count alone
            based_on = _count(figure.numerator)
        else:
            based_on = _g("%(n)s of %(d)s") % {"n": _count(figure.numerator), "d": _count(figure.denominator)}
        gap_interval = (
            _interval(f"{figure.gap_low:.1f}", f"{figure.gap_high:.1f}", f" {_gap_unit(unit)}")
            if figure.gap_low is not None and figure.gap_high is not None
            else ""
        )
        cells = [
            name,
            number(figure.rate, unit),
            _interval(number(figure.ci_low, unit), number(figure.ci_high, unit)) if figure.ci_low is not None else "",
            based_on,
            number(figure.comparison_rate, unit),
            _gap_words(figure.gap, unit),
            gap_interval,
            _clear(figure.significant),
        ]
        if benchmarks:
            cells.append(number(figure.benchmark_rate, unit))
        rows.append(Row(cells, figure=figure, everyone=figure.group == ALL))
    sources = sorted({f.benchmark_source for f in figures if f.benchmark_rate is not None and f.benchmark_source})
    return Table(
        id=f"{metric}--{dimension}".replace("_", "-"),
        caption=_caption(words.label, dimension, region, snapshot),
        headers=headers,
        rows=rows,
        summary=summarise(figures, metric, dimension, unit),
        unit=unit,
        query=_query(snapshot, metric, dimension, region),
        benchmark_sources=sources,
        comparison_header=comparison_header,
        value_header=value_header,
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
    headers = [_g("Characteristic"), value_header, _g("Residents")]
    rows = []
    for figure in figures:
        name = str(labels.dimension(figure.dimension))
        if figure.group == NOT_RECORDED:
            name = _g("%(name)s (not recorded)") % {"name": name}
        if figure.suppressed:
            rows.append(Row([name, str(HIDDEN), str(HIDDEN)], suppressed=True, figure=figure))
        else:
            based_on = _g("%(n)s of %(d)s") % {"n": _count(figure.numerator), "d": _count(figure.denominator)}
            rows.append(Row([name, number(figure.rate, SHARE), based_on], figure=figure))
    shown = [f for f in figures if not f.suppressed and f.rate is not None]
    if shown:
        most = max(shown, key=lambda f: f.rate)
        summary = _g(
            "We know least about %(what)s: we have never asked %(rate)s of residents (%(n)s of %(d)s). "
            "Groups we have not asked about cannot be counted in any other figure on these dashboards."
        ) % {
            "what": str(labels.dimension(most.dimension)).lower(),
            "rate": f"{most.rate * 100:.0f}%",
            "n": _count(most.numerator),
            "d": _count(most.denominator),
        }
    else:
        summary = _g("There are no figures to show for this region and period.")
    return Table(
        id="not-asked",
        caption=_caption(_("Residents whose equality details we have never asked for"), None, region, snapshot),
        headers=headers,
        rows=rows,
        summary=summary,
        unit=SHARE,
        query=_query(snapshot, labels.NOT_ASKED_TABLE, "", region),
        value_header=value_header,
    )


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


def _query(snapshot, metric, dimension, region):
    query = {"period": period_value(snapshot), "measure": metric, "region": region}
    if dimension:
        query["characteristic"] = dimension
    return query


# Summaries -------------------------------------------------------------------------------------

MOST_GAPS = 2


def _numbers(*values):
    """Gaps in a sentence: whole numbers, unless one would round to (or near) nothing; then all to one
    decimal place, so "0.9 to 16.4" never reads as "1 to 16" beside a gap shown as "0"."""
    places = 0 if all(abs(v) >= 1 for v in values) else 1
    return [f"{v:.{places}f}" for v in values]


def clear_gaps(figures):
    """The groups clearly different from everyone else, largest gap first."""
    gaps = [
        f
        for f in figures
        if not f.suppressed and f.group != ALL and f.significant and f.gap is not None and f.gap_low is not None
    ]
    return sorted(gaps, key=lambda f: -abs(f.gap))


def sentence(figure, metric, dimension, unit):
    """One clear gap in plain English, with its 95% interval."""
    words = labels.metric(metric)
    who = str(labels.people(dimension, figure.group))
    gap, low, high = figure.gap, figure.gap_low, figure.gap_high
    if gap < 0:
        low, high = -high, -low
    n, low, high = _numbers(abs(gap), low, high)
    values = {"who": who, "n": n, "low": low, "high": high, "what": str(words.phrase)}
    if unit == SHARE:
        values.update(rate=f"{figure.rate * 100:.0f}%", comparison=f"{figure.comparison_rate * 100:.0f}%")
        if gap > 0:
            return (
                _g(
                    "%(who)s made up %(rate)s of %(what)s but %(comparison)s of residents: %(n)s points more than "
                    "their share (95%% interval %(low)s to %(high)s points)."
                )
                % values
            )
        return (
            _g(
                "%(who)s made up %(rate)s of %(what)s but %(comparison)s of residents: %(n)s points less than "
                "their share (95%% interval %(low)s to %(high)s points)."
            )
            % values
        )
    if unit == PER_1000:
        template = (
            _g("%(who)s made %(n)s more %(what)s per 1,000 households than other residents (95%% interval %(low)s to %(high)s).")
            if gap > 0
            else _g("%(who)s made %(n)s fewer %(what)s per 1,000 households than other residents (95%% interval %(low)s to %(high)s).")
        )  # fmt: skip
        return template % values
    if unit == WORKING_DAYS:
        template = (
            _g("%(who)s waited %(n)s more %(what)s than other residents (95%% interval %(low)s to %(high)s days).")
            if gap > 0
            else _g(
                "%(who)s waited %(n)s fewer %(what)s than other residents (95%% interval %(low)s to %(high)s days)."
            )
        )
        return template % values
    template = (
        _g("%(who)s were %(n)s points more likely than other residents to %(what)s (95%% interval %(low)s to %(high)s points).")
        if gap > 0
        else _g("%(who)s were %(n)s points less likely than other residents to %(what)s (95%% interval %(low)s to %(high)s points).")
    )  # fmt: skip
    return template % values


def summarise(figures, metric, dimension, unit):
    """A paragraph on the largest statistically clear gaps, or a plain statement that there are none."""
    groups = [f for f in figures if f.group != ALL]
    if groups and all(f.suppressed for f in groups):
        return _g("Every group's figure is hidden, because the numbers are small enough to identify people.")
    gaps = clear_gaps(figures)
    if not gaps:
        if not groups:
            return _g("There are no figures to show for this region and period.")
        return _g(
            "No group's figure is clearly different from everyone else's: the differences in this table could be "
            "down to chance."
        )
    text = " ".join(sentence(f, metric, dimension, unit) for f in gaps[:MOST_GAPS])
    others = len(gaps) - MOST_GAPS
    if others > 0:
        text += " " + (
            _g("One more group's gap is clear too; see the table.")
            if others == 1
            else _g("%(n)s more groups' gaps are clear too; see the table.") % {"n": others}
        )
    return text


def tables_for(dashboard, snapshot, metrics, dimensions, region):
    """Every table of a dashboard page, from one query."""
    if dashboard.by_region:
        region, dimensions = ALL, ["region"]
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


# A page, as the view shows it ------------------------------------------------------------------


def chosen_snapshot(period, found=None):
    """The snapshot for a period value (the newest of that period), else the latest snapshot."""
    found = periods() if found is None else found
    return next((s for value, _label, s in found if value == period), found[0][2] if found else None)


def page_context(dashboard, params):
    """Everything a dashboard page shows, for the filters in `params` (a GET QueryDict)."""
    from inequities import charts
    from inequities.forms import EVERY, DashboardFilterForm

    found = periods()
    snapshot = chosen_snapshot(params.get("period"), found)
    if snapshot is None:
        return {"dashboard": dashboard, "dashboards": DASHBOARDS, "snapshot": None, "tables": []}
    available = dashboard.metrics_in(available_metrics(snapshot))
    dimensions = [d.key for d in DIMENSIONS]
    form = DashboardFilterForm(
        {"period": period_value(snapshot), "region": ALL, **params.dict()},
        dashboard=dashboard,
        periods=found,
        regions=regions_in(snapshot),
        metrics=available,
        dimensions=dimensions,
    )
    region = form.value("region", ALL)
    first = next(iter(available), None)
    measure = form.value("measure", EVERY if dashboard.by_region else first)
    metrics = available if measure == EVERY else {code: unit for code, unit in available.items() if code == measure}
    characteristic = form.value("characteristic", EVERY)
    chosen_dimensions = GROUP_DIMENSIONS if characteristic == EVERY else [characteristic]
    tables = tables_for(dashboard, snapshot, metrics, chosen_dimensions, region)
    for table in tables:
        table.chart = charts.bar_chart(table)
    if dashboard.not_asked:
        not_asked = build_not_asked_table(snapshot, region)
        if not_asked.rows:
            not_asked.chart = charts.column_chart_of_shares(not_asked)
            tables.append(not_asked)
    return {
        "dashboard": dashboard,
        "dashboards": DASHBOARDS,
        "snapshot": snapshot,
        "period": period_label(snapshot),
        "region_label": labels.region(region),
        "form": form,
        "tables": tables,
        "missing": not available,
    }


def csv_table(params):
    """The one table a CSV link names (the same filters as the page it sits on)."""
    snapshot = chosen_snapshot(params.get("period"))
    if snapshot is None:
        return None
    metric = params.get("measure") or BY_SLUG[families.DISSATISFACTION].metrics[0]
    region = params.get("region") or ALL
    if metric == labels.NOT_ASKED_TABLE:
        return build_not_asked_table(snapshot, region)
    dimension = params.get("characteristic") or "disability"
    if not published(dimension):
        return None
    unit = available_metrics(snapshot).get(metric)
    return build_table(snapshot, metric, dimension, region, unit)


def signal_links(signal, snapshot):
    """(link to the page showing the figures behind a signal, or None; link to their CSV)."""
    dimension = signal.dimension or "region"
    region = signal.region or ALL
    if dimension == "region":
        region = ALL
    query = _query(snapshot, signal.metric, dimension, region)
    csv_url = f"{reverse('inequities:dashboard_csv')}?{urlencode(query)}"
    dashboard = dashboard_for_metric(signal.metric)
    if dashboard is None:
        return None, csv_url
    if dashboard.by_region != (dimension == "region"):
        region_page = next((d for d in DASHBOARDS if d.by_region and signal.metric in d.metrics), None)
        if dimension == "region" and region_page:
            dashboard = region_page
    page_query = dict(query)
    if dashboard.by_region:
        page_query.pop("region", None)
        page_query.pop("characteristic", None)
    anchor = f"{signal.metric}--{dimension}".replace("_", "-")
    return f"{dashboard.url()}?{urlencode(page_query)}#{anchor}", csv_url
