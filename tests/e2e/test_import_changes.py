"""An administrator uploads the housing system's homes file again and reads, before confirming,
what it will add and change; then the report of what it did (issue 27). Checked by axe."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import HomeFactory

pytestmark = pytest.mark.browser

HOMES = "property_reference,address_line_1,town,postcode,region_code,local_authority\n"


def test_the_counts_of_a_rerun_are_shown_before_confirming(open_page, personas, tmp_path):
    HomeFactory(property_reference="H1", address_line_1="1 Long Street", town="Leeds")
    file = tmp_path / "homes.csv"
    file.write_text(
        HOMES + "H1,1 Long Street,Garforth,LS9 8AB,E12000003,Leeds\nH2,2 Long Street,Leeds,LS9 8AB,E12000003,Leeds\n"
    )
    page = open_page(personas["administrator"])
    page.goto("/imports/")
    page.get_by_label("Homes", exact=True).check()
    page.get_by_label("Upload a CSV file").set_input_files(str(file))
    page.get_by_role("button", name="Check the file").click()

    table = page.get_by_role("table", name="What importing it will do")
    expect(table.get_by_role("row", name="Homes 1 1 0 0")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    page.get_by_role("button", name="Confirm and import").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Homes: 1 added, 1 changed, 0 unchanged.")
    then_the_accessibility_baseline_is_met(page)
