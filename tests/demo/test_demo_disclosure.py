"""The demo's figures export against the attacker written apart from the product
(tests/inequities/recoverable.py): counts shown are rounded to 5, and no hidden count can be
narrowed to within +/-2 from what is shown (issue 28)."""

import csv
import io

import pandas as pd
import pytest

from inequities import families
from inequities.exports import write_figures_csv
from inequities.services import latest_snapshot
from tests.inequities.recoverable import narrowed_rounded, narrowed_shares

pytestmark = pytest.mark.django_db


def _export():
    stream = io.StringIO()
    write_figures_csv(latest_snapshot(), stream)
    return list(csv.DictReader(io.StringIO(stream.getvalue())))


def test_the_demo_export_shows_rounded_counts_and_gives_nothing_hidden_away(demo_landlord):
    rows = _export()
    assert len(rows) > 5000
    shown = [row for row in rows if row["suppressed"] == "false"]
    assert len(shown) > 1000  # a check of something shown
    counts = [float(row[c]) for row in shown for c in ("numerator", "denominator") if row[c] not in ("", None)]
    assert all(count % 5 == 0 and (count == 0 or count >= 10) for count in counts)
    hidden = [row for row in rows if row["suppressed"] == "true"]
    assert all(row["numerator"] == row["rate"] == "" for row in hidden)
    assert all(row["denominator"] == "" for row in hidden if not row["band"])
    banded = [row for row in hidden if row["band"]]
    assert banded and all(row["unit"] == "share" and float(row["denominator"]) % 5 == 0 for row in banded)
    # The attacker solves every line of one measure exactly, over its rounded counts.
    measure = [
        {**row, "numerator": row["numerator"] or 0, "denominator": row["denominator"] or 0}
        for row in rows
        if row["metric"] == "tp01_dissatisfied" and row["dimension"] in ("ethnic_group", "disability", "age_band")
    ]
    assert any(row["suppressed"] == "true" for row in measure)
    assert narrowed_rounded([measure]) == []
    # And every line of the share of responses, whose small shares are shown as bands.
    voice = [
        row
        for row in rows
        if row["metric"] == "share_of_voice" and row["dimension"] in ("ethnic_group", "disability", "age_band")
    ]
    assert any(row["band"] for row in voice)
    assert narrowed_shares([voice]) == []


def test_figures_that_count_the_same_people_publish_one_denominator(demo_landlord):
    figures = pd.DataFrame(
        latest_snapshot()
        .figures.filter(suppressed=False)
        .values("metric", "dimension", "group", "region", "denominator")
    ).set_index(["dimension", "group", "region"])
    checked = 0
    for first, second in families.same_people():
        pair = figures[figures["metric"] == first].merge(
            figures[figures["metric"] == second], left_index=True, right_index=True, suffixes=("_1", "_2")
        )
        assert (pair["denominator_1"] == pair["denominator_2"]).all(), (first, second)
        checked += len(pair)
    assert checked > 250  # 293 shown pairs on the shared 600-home demo
