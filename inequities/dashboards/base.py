"""What every dashboard page is: a slug, a title, an introduction and the metrics whose family
declares the page (inequities/families.py), shown as one table per metric and characteristic.
A page that shows something else as well says so in its own module."""

from dataclasses import dataclass
from typing import ClassVar

from django.urls import reverse

from inequities import families
from inequities.dashboards.tables import tables_for


@dataclass(frozen=True)
class Dashboard:
    slug: str
    title: str
    intro: str
    by_region: ClassVar[bool] = False  # one table across the regions, rather than one per characteristic
    not_asked: ClassVar[bool] = False  # the page adds the share of residents never asked

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

    def tables(self, snapshot, metrics, dimensions, region):
        """Every table of the page, each with its chart."""
        from inequities import charts

        tables = tables_for(snapshot, metrics, dimensions, region)
        for table in tables:
            table.chart = charts.bar_chart(table)
        return tables
