"""The trends page and its tables' CSVs: aggregates only, for those who see the dashboards."""

import csv

from django.http import HttpResponse
from django.shortcuts import render

from core.access import page
from inequities.caching import per_snapshot
from inequities.dashboards import DASHBOARDS
from inequities.dashboards import trends as trend_page
from inequities.dashboards.snapshots import available_metrics
from inequities.forms import TrendFilterForm
from inequities.services import latest_snapshot

DEFAULT_CHARACTERISTIC = "disability"


def _chosen(params):
    """(form, trend) for the filters in `params`; (None, None) with no figures yet."""
    snapshot = latest_snapshot()
    if snapshot is None:
        return None, None
    metrics = trend_page.trend_metrics(available_metrics(snapshot))
    dimensions = trend_page.characteristics()
    form = TrendFilterForm(
        {"measure": next(iter(metrics), ""), "characteristic": DEFAULT_CHARACTERISTIC, **params.dict()},
        metrics=metrics,
        dimensions=dimensions,
    )
    if not metrics:
        return form, None
    metric = form.value("measure", next(iter(metrics)))
    dimension = form.value("characteristic", DEFAULT_CHARACTERISTIC)
    return form, trend_page.trend(metric, dimension, metrics[metric])


@page("inequities.view_dashboards")
@per_snapshot
def trends(request):
    form, trend = _chosen(request.GET)
    context = {
        "form": form,
        "trend": trend,
        "snapshot": latest_snapshot(),
        "dashboards": DASHBOARDS,
        "trends_page": True,
    }
    return render(request, "inequities/dashboards/trends.html", context)


@page("inequities.view_dashboards", html=False)
@per_snapshot
def trends_csv(request):
    _form, trend = _chosen(request.GET)
    wanted = request.GET.get("table", trend_page.YEARS)
    table = next((t for t in trend.tables if t.query["table"] == wanted), None) if trend else None
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.id if table else "no-trends-yet"}.csv"'
    if table:
        csv.writer(response).writerows(table.csv_rows())
    return response
