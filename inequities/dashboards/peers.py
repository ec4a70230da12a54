"""Where the landlord sits among all landlords and its peers, for the measures on a dashboard page
that the Regulator publishes for every landlord (`Metric.published_as`; surveys/peers.py does the
placing). Our figure is everyone's figure of the snapshot, as the disclosure control left it: a
hidden figure is not placed."""

from inequities import families
from inequities.metrics import ALL
from inequities.models import Figure
from surveys import peers


def rows(dashboard, snapshot, profile=None):
    """One row per published measure the page's metrics belong to: our figure, all landlords, peers."""
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
    labels = {m.published_as: m.label for m in published.values()}
    return [{"measure": f"{p.measure} {labels[p.measure]}", "source": p.source, **p.cells()} for p in placements]
