"""The demo imports the Regulator's TSM 2025 figures (a sample of the real dataset: every landlord,
the columns the import reads), so its dashboards place it among all landlords and its peers."""

import pytest
from django.http import QueryDict

from inequities.dashboards import BY_SLUG
from inequities.dashboards.pages import page_context
from surveys import peers

pytestmark = pytest.mark.django_db


def test_the_demo_dashboard_places_the_landlord_among_all_landlords_and_its_peers(demo_landlord):
    assert (
        "Imported 9,997 published figures of 360 landlords from the Regulator of Social Housing, TSM 2025 dataset"
        in (demo_landlord)
    )
    context = page_context(BY_SLUG["dissatisfaction"], QueryDict(""))
    rows = {row["measure"][:4]: row for row in context["peers"]}
    assert list(rows) == ["TP01", "TP02", "TP03", "TP04"]
    assert rows["TP01"]["everyone"] == "71.8% (middle half 64.7% to 78.9%) of 353 landlords"
    assert rows["TP01"]["source"] == "Regulator of Social Housing, TSM 2025 dataset"
    # The demo's homes spread over six regions (Mixed): too few such housing associations of its size,
    # so its peers are those of its type and size in any region.
    assert peers.our_profile().region == "Mixed"
    assert rows["TP01"]["peers"].endswith("of 51 landlords, in any region")
    assert rows["TP01"]["ours"].endswith("%")
