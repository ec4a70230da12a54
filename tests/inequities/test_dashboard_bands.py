"""A share shown as a band on the dashboards (issue 28): its table row says "fewer than 8" with
its rounded total, the interval over the band and the gap at its edge, the CSV says the same, and
the summary names the group the page is not hearing."""

import csv
import io
import re
from datetime import UTC, datetime

import numpy as np
import pytest

from inequities import metrics
from inequities.dashboards.summaries import sentence
from inequities.disclosure import bands
from inequities.models import Figure, Snapshot
from tests.inequities.test_dashboards import panel_member  # noqa: F401

CSV = "/insight/dashboards/table.csv"
QUERY = {"measure": "share_of_voice", "characteristic": "age_band", "region": "all"}


def banded(snapshot=None, total=515.0, share=0.11):
    """5 of 515 survey answers came from 18 to 24 year olds, who are 11% of residents."""
    band = np.array(["fewer"], dtype=object)
    low, high, gap, gap_low, gap_high = bands.intervals(band, np.array([total]), np.array([share]), 7)
    return Figure(
        snapshot=snapshot, metric="share_of_voice", dimension="age_band", group="18_24", region="all",
        unit="share", suppressed=True, band="fewer", denominator=total, ci_low=low[0], ci_high=high[0],
        comparison_rate=share, gap=gap[0], gap_low=gap_low[0], gap_high=gap_high[0], significant=True,
    )  # fmt: skip


@pytest.fixture
def snapshot(db):
    snapshot = Snapshot.objects.create(
        computed_at=datetime(2026, 12, 1, 2, 30, tzinfo=UTC),
        period_start=datetime(2025, 12, 1).date(),
        period_end=datetime(2026, 11, 30).date(),
        min_denominator=8,
        max_small=7,
        seconds=1,
    )
    low, high = metrics.wilson_interval(np.array([180.0]), np.array([515.0]))
    Figure.objects.bulk_create(
        [
            Figure(snapshot=snapshot, metric="share_of_voice", dimension="age_band", group="all", region="all",
                   unit="share", numerator=515, denominator=515, rate=1.0),
            banded(snapshot),
            Figure(snapshot=snapshot, metric="share_of_voice", dimension="age_band", group="75_plus", region="all",
                   unit="share", numerator=180, denominator=515, rate=180 / 515, ci_low=low[0], ci_high=high[0],
                   comparison_rate=0.25, gap=(180 / 515 - 0.25) * 100, gap_low=(low[0] - 0.25) * 100,
                   gap_high=(high[0] - 0.25) * 100, significant=True),
        ]
    )  # fmt: skip
    return snapshot


def test_the_band_is_read_at_its_edge_in_the_sentence():
    figure = banded()
    # At 7 of 515 (1.4%), the share is still 9.6 points below 11%: a clear gap whatever the count.
    assert round(figure.gap, 1) == -9.6 and figure.gap_high < 0
    assert sentence(figure, "share_of_voice", "age_band", "share") == (
        "Residents aged 18 to 24 made up fewer than 8 of about 515 survey responses but 11% of residents: at least "
        f"10 points less than their share (95% interval {-figure.gap_high:.0f} to {-figure.gap_low:.0f} points)."
    )


def test_the_table_and_its_csv_show_the_band_never_a_count(client, panel_member, snapshot):  # noqa: F811
    rows = list(csv.reader(io.StringIO(client.get(CSV, QUERY).content.decode())))
    row = next(r for r in rows if r[0] == "18 to 24")
    figure = snapshot.figures.get(group="18_24")
    assert row == [
        "18 to 24",
        "fewer than 8",
        f"{figure.ci_low * 100:.1f}% to {figure.ci_high * 100:.1f}%",
        "fewer than 8 of 515",
        "11.0%",
        "at least 9.6 points lower",
        f"{figure.gap_low:.1f} to {figure.gap_high:.1f} points",
        "Yes, a clear difference",
    ]
    assert not any(re.fullmatch(r"[1-7]( of .*)?", cell) for cell in row)

    page = client.get("/insight/dashboards/silences/", QUERY).content.decode()
    assert "“Fewer than 8” means from 1 to 7 people" in page
    assert "Residents aged 18 to 24 made up fewer than 8 of about 515 survey responses" in page
