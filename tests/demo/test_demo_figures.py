"""The demo's snapshot against the registry of metric families (inequities/families.py)."""

import pytest

from inequities import families
from inequities.services import latest_snapshot

pytestmark = pytest.mark.django_db


def test_the_demo_snapshot_holds_every_declared_metric_in_its_unit_and_no_other(demo_landlord):
    produced = dict(latest_snapshot().figures.values_list("metric", "unit").distinct())
    assert set(produced) == set(families.METRICS)
    assert {key: families.unit(key) for key in produced} == produced
