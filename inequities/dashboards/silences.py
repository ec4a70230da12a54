"""Silences: who answers our surveys, and after their tables the share of residents whose equality
details we have never asked for."""

from django.utils.translation import gettext_lazy as _

from inequities import families
from inequities.dashboards.base import Dashboard
from inequities.dashboards.tables import build_not_asked_table


class SilencesDashboard(Dashboard):
    not_asked = True

    def tables(self, snapshot, metrics, dimensions, region):
        from inequities import charts

        tables = super().tables(snapshot, metrics, dimensions, region)
        not_asked = build_not_asked_table(snapshot, region)
        if not_asked.rows:
            not_asked.chart = charts.column_chart_of_shares(not_asked)
            tables.append(not_asked)
        return tables


DASHBOARD = SilencesDashboard(
    families.SILENCES,
    _("Silences: whose voices are missing"),
    _(
        "Who answers our surveys, whose share of the answers is smaller than their share of residents, and "
        "whose equality details we have never asked for."
    ),
)
