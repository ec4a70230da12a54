import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import page
from core.jobs import send
from inequities import tasks
from inequities.caching import per_snapshot
from inequities.dashboards import BY_SLUG, DASHBOARDS, pages
from inequities.dashboards.snapshots import period_label
from inequities.exports import exported, write_figures_csv
from inequities.services import latest_snapshot


@page("inequities.export_figures")
@per_snapshot
def figures(request):
    """For analysts: which figures are being served, and a way to download or refresh them."""
    snapshot = latest_snapshot()
    summary = None
    if snapshot is not None:
        all_figures = exported(snapshot)  # as the download holds them
        summary = {
            "count": all_figures.count(),
            "hidden": all_figures.filter(suppressed=True).count(),
            "clear_gaps": all_figures.filter(significant=True).count(),
        }
    return render(request, "inequities/figures.html", {"snapshot": snapshot, "summary": summary})


@page("inequities.export_figures", html=False)
def figures_csv(request):
    snapshot = latest_snapshot()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    day = f"{snapshot.computed_at:%Y-%m-%d}" if snapshot else "none-yet"
    response["Content-Disposition"] = f'attachment; filename="inequity-figures-{day}.csv"'
    write_figures_csv(snapshot, response)  # with no snapshot yet, just the column headings
    return response


@require_POST
@page("inequities.export_figures", post_only=True)
def recompute(request):
    if send(tasks.recompute):
        messages.success(
            request, _("The figures are being recomputed. The new ones replace these when they are complete.")
        )
    else:
        messages.warning(
            request,
            _(
                "The figures could not be recomputed now: the job queue is not answering. The figures shown "
                "are still the latest complete ones. Try again in a few minutes; otherwise they are recomputed "
                "in the nightly run."
            ),
        )
    return redirect("inequities:figures")


# Dashboards: aggregates only, for panel members, analysts and administrators.


@page("inequities.view_dashboards")
@per_snapshot
def dashboards(request):
    snapshot = latest_snapshot()
    signal_count = snapshot.signals.count() if snapshot else 0
    context = {"dashboards": DASHBOARDS, "snapshot": snapshot, "signal_count": signal_count}
    if snapshot:
        context["period"] = period_label(snapshot)
    return render(request, "inequities/dashboards/index.html", context)


@page("inequities.view_dashboards")
@per_snapshot
def dashboard(request, slug):
    context = pages.page_context(BY_SLUG[slug], request.GET)
    return render(request, "inequities/dashboards/page.html", context)


@page("inequities.view_dashboards", html=False)
@per_snapshot
def dashboard_csv(request):
    table = pages.csv_table(request.GET)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = table.id if table else "no-figures-yet"
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    if table:
        writer.writerows(table.csv_rows())
    return response


@page("inequities.view_dashboards")
@per_snapshot
def signals(request):
    snapshot = latest_snapshot()
    rows = []
    if snapshot:
        for signal in snapshot.signals.all():
            page_url, csv_url = pages.signal_links(signal, snapshot)
            rows.append({"signal": signal, "page_url": page_url, "csv_url": csv_url})
    context = {"snapshot": snapshot, "rows": rows, "dashboards": DASHBOARDS}
    if snapshot:
        context["period"] = period_label(snapshot)
        context["chance"] = pages.signals_chance(snapshot)
    return render(request, "inequities/dashboards/signals.html", context)
