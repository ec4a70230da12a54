"""Issue 24, item 2, in the browser: an operative searching finds the household of their own job and
no other, and a household outside their jobs does not open (Page not found). Axe on every page."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.repairs.factories import RepairRequestFactory

pytestmark = pytest.mark.browser


def _resident(first, street):
    home = HomeFactory(address_line_1=street, town="Leeds")
    return ResidentFactory(household=HouseholdFactory(home=home), first_name=first, last_name="Hollins")


def test_an_operative_finds_only_their_jobs_household_and_cannot_open_another(open_page, personas):
    operative = personas["repairs_operative"]
    mine = _resident("Maud", "3 Mill Lane")
    other = _resident("Nell", "9 Dock Street")
    RepairRequestFactory(household=mine.household, operative=operative)
    RepairRequestFactory(household=other.household, operative=personas["housing_officer"])
    page = open_page(operative)

    page.goto("/residents/")
    page.get_by_label("Name, address, postcode, property reference or UPRN").fill("Hollins")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 resident found")).to_be_visible()
    results = page.get_by_role("table", name="1 resident found")
    expect(results.get_by_role("link", name="Maud Hollins")).to_be_visible()
    expect(page.get_by_role("link", name="Nell Hollins")).to_have_count(0)
    expect(page.get_by_text("9 Dock Street")).to_have_count(0)
    then_the_accessibility_baseline_is_met(page)

    results.get_by_role("link", name="Maud Hollins").click()
    expect(page.get_by_role("heading", name="Maud Hollins")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)

    for path in (f"/residents/{other.pk}/", f"/residents/{other.pk}/contacts/add/"):
        response = page.goto(path)
        assert response.status == 404
        expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
        expect(page.get_by_text("Nell")).to_have_count(0)
        then_the_accessibility_baseline_is_met(page)
