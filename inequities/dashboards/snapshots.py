"""Which snapshot a page reads: the newest of each period, and what a snapshot holds."""

from django.utils.translation import gettext as _g

from inequities.dimensions import NOT_RECORDED
from inequities.metrics import ALL
from inequities.models import Snapshot


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


def chosen_snapshot(period, found=None):
    """The snapshot for a period value (the newest of that period), else the latest snapshot."""
    found = periods() if found is None else found
    return next((s for value, _label, s in found if value == period), found[0][2] if found else None)


def available_metrics(snapshot):
    """{metric: unit} for every metric in the snapshot."""
    return dict(snapshot.figures.values_list("metric", "unit").distinct())


def regions_in(snapshot):
    names = set(snapshot.figures.exclude(region=ALL).values_list("region", flat=True).distinct())
    return sorted(names, key=lambda name: (name == NOT_RECORDED, name))
