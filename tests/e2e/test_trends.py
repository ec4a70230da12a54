"""The trends page in a real browser: a panel member finds it from the dashboards, chooses a measure
and a characteristic, and reads the tables by their names; the page meets the accessibility baseline."""

from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.inequities.known_figures import EARLIER_PERIOD, known_snapshot

pytestmark = pytest.mark.browser


def cells(table):
    return [
        [" ".join(c.split()) for c in row.locator("th, td").all_inner_texts()] for row in table.get_by_role("row").all()
    ]


def test_a_panel_member_reads_two_years_of_dissatisfaction_with_repairs(open_page, personas):
    known_snapshot(period=EARLIER_PERIOD, computed=datetime(2024, 4, 1, 2, 30, tzinfo=UTC))
    known_snapshot()
    page = open_page(personas["panel_member"], width=1280)
    page.set_default_timeout(10_000)
    page.goto("/insight/dashboards/")
    page.get_by_role("link", name="Trends over the years").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trends over the years")

    page.get_by_label("Measure").select_option(label="Dissatisfied with repairs")
    page.get_by_label("Characteristic").select_option(label="Disability or long-term condition")
    page.get_by_role("button", name="Show these trends").click()

    years = page.get_by_role("table", name="Dissatisfied with repairs, everyone, by reporting year")
    # Everyone: 128 of 517 in both years (the hidden groups are in the total), so no change.
    assert cells(years)[1:] == [
        ["2023 to 2024", "1 April 2023 to 31 March 2024", "24.8%", "21.2% to 28.7%", "128 of 517", "", "", ""],
        ["2024 to 2025", "1 April 2024 to 31 March 2025", "24.8%", "21.2% to 28.7%", "128 of 517", "no difference",
         "-5.3 to 5.3 points", "No, could be chance"],
    ]  # fmt: skip
    gaps = page.get_by_role(
        "table",
        name="Dissatisfied with repairs: each group's gap from everyone else, by disability or long-term condition "
        "and reporting year",
    )
    rows = {row[0]: row for row in cells(gaps)[1:]}
    assert rows["Prefer not to say"][1:4] == ["hidden", "hidden", "Not known: a figure is hidden or missing"]
    # Disabled residents 60 of 200 (30.0%) against everyone else 68 of 317 (21.5%).
    assert rows["Yes"][1] == "8.5 points higher (0.9 to 16.4)"
    expect(page.get_by_role("link", name="Download this table (CSV) Dissatisfied with repairs, everyone, by "
                                          "reporting year")).to_be_visible()  # fmt: skip
    then_the_accessibility_baseline_is_met(page)
