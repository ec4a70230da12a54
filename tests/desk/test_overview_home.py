"""The panel member's and analyst's overview: residents by region from the latest snapshot, never counted live."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inequities.models import Figure, Snapshot
from tests.engagement.factories import HomeFactory

pytestmark = pytest.mark.django_db


def _snapshot(computed_at, counts):
    snapshot = Snapshot.objects.create(
        computed_at=computed_at,
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        min_denominator=10,
        max_small=4,
        seconds=1.0,
    )
    for group, count in counts.items():
        Figure.objects.create(
            snapshot=snapshot,
            metric="residents",
            dimension="region",
            group=group,
            region="all",
            unit="share",
            numerator=count,
            denominator=None if count is None else 4000,
            suppressed=count is None,
        )
    # Another dimension's figures are not the regions' counts.
    Figure.objects.create(
        snapshot=snapshot, metric="residents", dimension="sex", group="female", region="all", numerator=1
    )
    return snapshot


@pytest.mark.parametrize("persona", ["panel_member", "insight_analyst"])
def test_the_overview_shows_the_latest_snapshots_residents_by_region(client, personas, persona):
    HomeFactory()  # homes are not what the overview counts
    _snapshot(datetime(2025, 1, 1, tzinfo=UTC), {"London": 999, "all": 999})
    _snapshot(
        datetime(2026, 4, 2, 3, 0, tzinfo=UTC),
        {"North West": 1234, "London": 2750, "not_recorded": None, "all": 3989},
    )
    client.force_login(personas[persona])
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("home")).content.decode()
    assert "Residents by region" in page and "From the figures computed on 2 April 2026" in page
    rows = [("London", "2,750"), ("North West", "1,234"), ("Not recorded", "hidden")]
    positions = []
    for name, count in rows:
        row = f'<th scope="row" class="govuk-table__header">{name}</th>\n      <td class="govuk-table__cell govuk-table__cell--numeric">{count}</td>'
        assert row in page, name
        positions.append(page.index(row))
    assert positions == sorted(positions), "regions by name, not recorded last"
    assert "3,989" in page and "999" not in page
    assert not any("engagement_home" in q["sql"] for q in queries.captured_queries), "homes counted live"


def test_before_the_first_recompute_the_overview_says_there_are_no_figures(client, personas):
    HomeFactory()
    client.force_login(personas["panel_member"])
    page = client.get(reverse("home")).content.decode()
    assert "No figures have been computed yet." in page
    assert "Residents by region" not in page
