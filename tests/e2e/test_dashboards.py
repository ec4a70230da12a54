"""The dashboards in a real browser: a panel member reviews them with the keyboard alone, with and
without JavaScript; with JavaScript the charts are drawn and the pages meet the accessibility baseline."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import tab_until_focused, then_the_accessibility_baseline_is_met
from tests.e2e.test_panels import tab_to_link
from tests.inequities.known_figures import known_snapshot
from tests.surveys.factories import PublishedMeasureFactory

pytestmark = pytest.mark.browser
TABLE = "#table-tp02-dissatisfied--disability"


def table_cells(page, selector):
    return [
        [" ".join(cell.split()) for cell in row.locator("th, td").all_inner_texts()]
        for row in page.locator(f"{selector} tr").all()
    ]


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_panel_member_reviews_the_dashboards_with_the_keyboard_alone(open_page, personas, javascript):
    known_snapshot()
    page = open_page(personas["panel_member"], javascript=javascript)
    page.set_default_timeout(10_000)
    page.goto("/")

    tab_to_link(page, "Dashboards")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboards")
    tab_to_link(page, "Dissatisfaction by group")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dissatisfaction by group")

    # The filters, chosen from the keyboard: typing an option's first letters selects it.
    for label, choice in (
        ("Region", "London"),
        ("Survey measure", "Dissatisfied with repairs"),
        ("Characteristic", "Disability"),
    ):
        tab_until_focused(page, page.get_by_label(label, exact=True), label)
        page.keyboard.type(choice)
    tab_until_focused(page, page.get_by_role("button", name="Show these figures"), "the filter button", limit=3)
    page.keyboard.press("Enter")

    expect(page).to_have_url(
        "/insight/dashboards/dissatisfaction/?period=2024-04-01_2025-03-31&region=London"
        "&measure=tp02_dissatisfied&characteristic=disability&submit=Show+these+figures"
    )
    shown = table_cells(page, TABLE)
    assert shown[2][:4] == ["Yes", "25.0%", "11.2% to 46.9%", "5 of 20"]
    expect(page.locator(".app-summary")).to_have_text(
        "No group's figure is clearly different from everyone else's: the differences in this table could be "
        "down to chance."
    )
    assert "Pearl" not in page.content() and "Rita" not in page.content()

    # The table's CSV, downloaded from the keyboard, holds exactly the table.
    link = page.locator("a[href^='/insight/dashboards/table.csv']")
    expect(link).to_have_accessible_name(
        re.compile(r"^Download this table \(CSV\)\s+Dissatisfied with repairs, by disability")
    )
    tab_until_focused(page, link, "the CSV link")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert rows == shown

    if javascript:
        expect(page.locator(".app-chart--drawn")).to_have_count(1)
        expect(page.locator(".app-chart--drawn svg.main-svg").first).to_be_visible()
        then_the_accessibility_baseline_is_met(page)
    else:
        expect(page.locator(".app-chart--drawn")).to_have_count(0)

    # From a signal to the figures behind it.
    tab_to_link(page, "Signals worth a closer look")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Signals worth a closer look")
    behind = page.get_by_role("link", name="See the figures behind this").first
    tab_until_focused(page, behind, "the first signal's link")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dissatisfaction by region")
    expect(page.locator("#tp02-dissatisfied--region")).to_be_visible()
    if javascript:
        then_the_accessibility_baseline_is_met(page)


@pytest.mark.parametrize(
    "path",
    [
        "/insight/dashboards/",
        "/insight/dashboards/dissatisfaction/",
        "/insight/dashboards/dissatisfaction-by-region/",
        "/insight/dashboards/silences/",
        "/insight/dashboards/repairs/",
        "/insight/dashboards/signals/",
    ],
)
def test_dashboards_with_figures_and_charts_meet_the_accessibility_baseline(open_page, personas, path):
    known_snapshot()
    for value in (0.6, 0.65, 0.7, 0.75, 0.8):  # other landlords' TP01, as the Regulator publishes them
        PublishedMeasureFactory(value=value)
    page = open_page(personas["panel_member"], width=1280)
    page.set_default_timeout(10_000)
    assert page.goto(path).status == 200
    if path.count("/") > 3 and not path.endswith(("signals/", "/dashboards/")):
        expect(page.locator(".app-chart--drawn").first).to_be_visible()
    if path.endswith("/dissatisfaction/"):
        expect(page.get_by_role("table", name="Our figures among other landlords'")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
