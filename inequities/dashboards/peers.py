"""Where the landlord sits among all landlords and its peers, for the measures on a dashboard page
that the Regulator publishes for every landlord (`Metric.published_as`; surveys/peers.py does the
placing). Our figure is everyone's figure of the snapshot, as the disclosure control left it: a
hidden figure is not placed. The page shows the placing in words (`rows`); its CSV (`table`) has
the same placing as numbers, in the columns the tenant page's CSV adds (peers.CSV_COLUMNS)."""

from django.utils.translation import gettext as _

from inequities import families, labels
from inequities.dashboards.snapshots import period_value
from inequities.dashboards.tables import Row, Table
from inequities.metrics import ALL
from inequities.models import Figure
from surveys import peers


def _placements(dashboard, snapshot, profile=None):
    """[(Placement, the metric's label)] for the published measures the page's metrics belong to."""
    parts = {families.METRICS[key].part for key in dashboard.metrics}
    published = {key: m for key, m in families.METRICS.items() if m.published_as and m.part in parts}
    if not published:
        return []
    ours = {}
    everyone = Figure.objects.filter(snapshot=snapshot, metric__in=published, group=ALL, region=ALL)
    for metric, rate, suppressed in everyone.order_by("dimension").values_list("metric", "rate", "suppressed"):
        if metric not in ours or ours[metric] is None:
            ours[metric] = None if suppressed else rate
    placements = peers.place_all([(m.published_as, "LCRA", ours.get(key)) for key, m in published.items()], profile)
    words = {m.published_as: m.label for m in published.values()}
    return [(p, words[p.measure]) for p in placements]


def rows(dashboard, snapshot, profile=None):
    """One row per published measure the page's metrics belong to: our figure, all landlords, peers."""
    return [
        {"measure": f"{p.measure} {label}", "source": p.source, **p.cells()}
        for p, label in _placements(dashboard, snapshot, profile)
    ]


def table(dashboard, snapshot, profile=None):
    """The page's "among other landlords" table for its CSV: a row per measure, our figure and its
    placing as numbers (a share as a proportion); None where the page has no such table."""
    placements = _placements(dashboard, snapshot, profile)
    if not placements:
        return None
    return Table(
        id=f"{dashboard.slug}-among-landlords",
        caption=_("Our figures among other landlords'"),
        headers=["measure", "tenure", "ours", *peers.CSV_COLUMNS],
        rows=[
            Row([f"{p.measure} {label}", p.tenure, "" if p.ours is None else f"{p.ours:.4f}", *p.csv_cells()])
            for p, label in placements
        ],
        summary="",
        unit="",
        query=query(dashboard, snapshot),
    )


def query(dashboard, snapshot):
    """The filters of the CSV of a page's "among other landlords" table."""
    return {"period": period_value(snapshot), "measure": labels.AMONG_LANDLORDS_TABLE, "page": dashboard.slug}
