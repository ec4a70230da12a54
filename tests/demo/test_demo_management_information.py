"""The demo has a real figure for every TSM management-information measure, over the figures'
reporting year (the tenant page shows the same figures for its survey's year once one is published)."""

import pytest
from django.utils import timezone

from core.periods import default_period
from repairs import management_information

pytestmark = pytest.mark.django_db


def test_every_management_information_measure_has_a_figure_in_the_demo(demo_landlord):
    assert "building-safety checks" in demo_landlord and "anti-social behaviour cases" in demo_landlord
    start, end = default_period(timezone.localdate())
    rows = [vars(figure) for figure in management_information.figures(start, end)]
    codes = {row["code"] for row in rows}
    assert codes == {"BS01", "BS02", "BS03", "BS04", "BS05", "NM01 (1)", "NM01 (2)", "RP01", "RP02 (1)", "RP02 (2)",
                     "CH01 (1)", "CH01 (2)", "CH02 (1)", "CH02 (2)"}  # fmt: skip
    for row in rows:
        if row["tenure"] == "LCHO" and row["code"].startswith("CH02"):
            continue  # a few dozen shared ownership homes may make no stage 2 complaint in a year
        assert row["rate"] is not None, row
        assert row["total"] > 0, row
    shares = {row["code"]: row["rate"] for row in rows if row["kind"] == "share" and not row["tenure"]}
    assert all(0.8 <= shares[f"BS0{n}"] <= 1 for n in range(1, 6)), shares
    assert 0 < shares["RP01"] < 0.1
