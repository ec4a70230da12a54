"""The representation review in a real browser: an analyst reads the latest figures, chooses a
region from the snapshot's, and the page meets the accessibility baseline with its tables."""

import pytest
from playwright.sync_api import expect

from engagement.models import Region
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import EqualityProfileFactory, ResidentFactory
from tests.figures import recompute_over_a_year

pytestmark = pytest.mark.browser


def test_an_analyst_reads_the_review_for_one_region(open_page, personas):
    london = Region.objects.get(name="London")
    for disability in ["yes"] * 12 + ["no"] * 20 + ["prefer_not_to_say"] * 6:
        EqualityProfileFactory(resident=ResidentFactory(household__home__region=london), disability=disability)
    snapshot = recompute_over_a_year()
    # Disclosure control decides what shows (docs/inequities.md): the page must show exactly what the
    # snapshot holds, never a hidden number, and a count shown is rounded to a multiple of 5.
    figure = snapshot.figures.get(metric="residents", dimension="disability", group="yes", region="London")
    # A hidden share whose only small count is its own is shown as its band (disclosure/bands.py).
    bands = {"fewer": "fewer than 8", "all_but": "all but 1 to 7"}
    expected = bands.get(figure.band, "hidden") if figure.suppressed else str(int(figure.numerator))
    page = open_page(personas["insight_analyst"])
    page.goto("/engagement/representation/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Representation review")

    page.get_by_text("Change the period or region").click()
    page.get_by_label("Region").select_option(label="London")
    page.get_by_role("button", name="Show").click()

    expect(page.get_by_text("Region: London.")).to_be_visible()
    disability = page.get_by_role("table", name="Disability or long-term condition")
    expect(disability.get_by_role("row", name="Yes").get_by_role("cell").first).to_contain_text(expected)
    if not figure.suppressed:
        assert figure.numerator in (10, 15)  # the 12 disabled residents, rounded to a multiple of 5
    then_the_accessibility_baseline_is_met(page)
