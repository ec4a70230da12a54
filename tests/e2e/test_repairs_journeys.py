"""People raising and following repairs in a real browser, by labels and link text."""

import re

import pytest
from playwright.sync_api import expect

from repairs.models import RepairRequest
from tests.e2e.conftest import then_the_accessibility_baseline_is_met

pytestmark = pytest.mark.browser


def test_a_contact_centre_agent_raises_a_repair_for_the_caller(open_page, personas):
    home = personas["resident"].resident.household.home
    page = open_page(personas["contact_centre_agent"])
    page.goto("/repairs/raise/")
    page.get_by_label("Property reference").fill(home.property_reference)
    page.get_by_role("button", name="Continue").click()
    then_the_accessibility_baseline_is_met(page)
    page.get_by_label("Phone").check()
    page.get_by_label("What kind of repair is it?").select_option(label="Heating and hot water")
    page.get_by_label("Describe the problem").fill("No hot water since Sunday")
    page.get_by_label("Urgent").check()
    page.get_by_role("button", name="Raise the repair").click()
    repair = RepairRequest.objects.get()
    expect(page.get_by_role("heading", name=f"Repair {repair.reference}")).to_be_visible()
    expect(page.get_by_role("table", name="Timescales")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)


def test_a_resident_reports_a_repair_on_a_phone_and_sees_an_error_first(open_page, personas):
    page = open_page(personas["resident"], width=360)
    page.goto("/repairs/mine/")
    page.get_by_role("link", name="Report a repair").click()
    page.get_by_role("button", name="Report the repair").click()
    expect(page).to_have_title(re.compile(r"^Error: Report a repair"))
    then_the_accessibility_baseline_is_met(page)
    page.get_by_label("What needs repairing?").select_option(label="Damp and mould")
    page.get_by_label("Tell us what is wrong").fill("Mould behind the wardrobe in the back bedroom")
    page.get_by_role("button", name="Report the repair").click()
    expect(page.get_by_text("Thank you. Your repair number is")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)


def test_reporting_a_repair_works_without_javascript(open_page, personas):
    # axe needs JavaScript, so this journey checks only that the page works without it.
    page = open_page(personas["resident"], javascript=False)
    page.goto("/repairs/mine/report/")
    page.get_by_label("What needs repairing?").select_option(label="Heating and hot water")
    page.get_by_label("Tell us what is wrong").fill("Radiator in the hall is cold")
    page.get_by_role("button", name="Report the repair").click()
    expect(page.get_by_text("Thank you. Your repair number is")).to_be_visible()
    assert RepairRequest.objects.get().category == "heating"
