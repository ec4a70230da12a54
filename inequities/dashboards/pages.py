"""What a dashboard page shows for its filters, the one table a CSV link names, and where a signal's
figures are shown."""

import pandas as pd
from django.utils.http import urlencode

from inequities import families, findings, labels, signals
from inequities.dashboards import BY_SLUG, DASHBOARDS, dashboard_for_metric
from inequities.dashboards import peers as peer_rows
from inequities.dashboards.snapshots import (
    available_metrics,
    chosen_snapshot,
    period_label,
    period_value,
    periods,
    regions_in,
)
from inequities.dashboards.tables import GROUP_DIMENSIONS, build_not_asked_table, build_table, csv_url, query
from inequities.dimensions import DIMENSIONS, published
from inequities.metrics import ALL
from inequities.models import Figure
from surveys import peers


def page_context(dashboard, params):
    """Everything a dashboard page shows, for the filters in `params` (a GET QueryDict)."""
    from inequities.forms import EVERY, DashboardFilterForm

    found = periods()
    snapshot = chosen_snapshot(params.get("period"), found)
    if snapshot is None:
        return {"dashboard": dashboard, "dashboards": DASHBOARDS, "snapshot": None, "tables": []}
    available = dashboard.metrics_in(available_metrics(snapshot))
    form = DashboardFilterForm(
        {"period": period_value(snapshot), "region": ALL, **params.dict()},
        dashboard=dashboard,
        periods=found,
        regions=regions_in(snapshot),
        metrics=available,
        dimensions=[d.key for d in DIMENSIONS],
    )
    region = form.value("region", ALL)
    first = next(iter(available), None)
    measure = form.value("measure", EVERY if dashboard.by_region else first)
    metrics = available if measure == EVERY else {code: unit for code, unit in available.items() if code == measure}
    characteristic = form.value("characteristic", EVERY)
    chosen_dimensions = GROUP_DIMENSIONS if characteristic == EVERY else [characteristic]
    return {
        "dashboard": dashboard,
        "dashboards": DASHBOARDS,
        "snapshot": snapshot,
        "period": period_label(snapshot),
        "region_label": labels.region(region),
        "form": form,
        "tables": dashboard.tables(snapshot, metrics, chosen_dimensions, region),
        "missing": not available,
        "chance": chance(dashboard, snapshot),
        **peer_context(dashboard, snapshot),
    }


def peer_context(dashboard, snapshot):
    """The page's measures among other landlords', and who our peers are, where the Regulator publishes them."""
    if not any(families.METRICS[key].part in PUBLISHED_PARTS for key in dashboard.metrics):
        return {"peers": [], "profile": ""}
    profile = peers.our_profile()
    return {
        "peers": peer_rows.rows(dashboard, snapshot, profile),
        "profile": profile.describe(),
        "peers_csv_url": csv_url(peer_rows.query(dashboard, snapshot)),
    }


# The measures the Regulator publishes for every landlord (their parts: "TP01"), for the pages that show one.
PUBLISHED_PARTS = {metric.part for metric in families.METRICS.values() if metric.published_as}


def chance(dashboard, snapshot):
    """The page's family of comparisons (every region and characteristic it shows): how many, about
    how many would look clear by chance alone, and how many are called clear (inequities/findings.py)."""
    compared = Figure.objects.filter(snapshot=snapshot, metric__in=dashboard.metrics, significant__isnull=False)
    flags = [
        significant
        for metric, dimension, significant in compared.values_list("metric", "dimension", "significant")
        if findings.family_of(metric, dimension) == dashboard.slug
    ]
    return _chance(len(flags), sum(flags))


def signals_chance(snapshot):
    """The same for the signals page: the comparisons the signals' rules make, and the signals raised."""
    raised = snapshot.signals.count()
    columns = [f.name for f in Figure._meta.get_fields() if f.concrete and f.name not in ("id", "snapshot")]
    rows = Figure.objects.filter(snapshot=snapshot, metric__in=signals.READS).values_list(*columns)
    frame = pd.DataFrame.from_records(list(rows), columns=columns)
    return _chance(len(signals.tests(frame)) if not frame.empty else 0, raised)


def _chance(comparisons, flagged):
    return {"comparisons": comparisons, "by_chance": findings.chance_alone(comparisons), "flagged": flagged}


def csv_table(params):
    """The one table a CSV link names (the same filters as the page it sits on)."""
    snapshot = chosen_snapshot(params.get("period"))
    if snapshot is None:
        return None
    metric = params.get("measure") or BY_SLUG[families.DISSATISFACTION].metrics[0]
    region = params.get("region") or ALL
    if metric == labels.NOT_ASKED_TABLE:
        return build_not_asked_table(snapshot, region)
    if metric == labels.AMONG_LANDLORDS_TABLE:
        dashboard = BY_SLUG.get(params.get("page"))
        return peer_rows.table(dashboard, snapshot) if dashboard else None
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
    table_query = query(snapshot, signal.metric, dimension, region)
    dashboard = dashboard_for_metric(signal.metric)
    if dashboard is None:
        return None, csv_url(table_query)
    if dashboard.by_region != (dimension == "region"):
        region_page = next((d for d in DASHBOARDS if d.by_region and signal.metric in d.metrics), None)
        if dimension == "region" and region_page:
            dashboard = region_page
    page_query = dict(table_query)
    if dashboard.by_region:
        page_query.pop("region", None)
        page_query.pop("characteristic", None)
    anchor = f"{signal.metric}--{dimension}".replace("_", "-")
    return f"{dashboard.url()}?{urlencode(page_query)}#{anchor}", csv_url(table_query)
