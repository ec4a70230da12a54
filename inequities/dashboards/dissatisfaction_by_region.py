"""Dissatisfaction by region: one table across the regions (beside the national figures), not one per
characteristic, so the page offers no region or characteristic to choose and every measure at once."""

from django.utils.translation import gettext_lazy as _

from inequities import families
from inequities.dashboards.base import Dashboard
from inequities.metrics import ALL


class RegionDashboard(Dashboard):
    by_region = True

    def tables(self, snapshot, metrics, dimensions, region):
        return super().tables(snapshot, metrics, ["region"], ALL)


DASHBOARD = RegionDashboard(
    families.BY_REGION,
    _("Dissatisfaction by region"),
    _(
        "How many residents in each region told us they were dissatisfied, beside the national survey figure "
        "for the region where there is one."
    ),
)
