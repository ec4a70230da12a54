"""Resident profiles in a real browser, as people use them, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from engagement.models import CommunicationPreference, SupportNeed
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import ResidentFactory, SupportNeedFactory

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_resident_with_no_internet_sets_how_we_contact_them(open_page, personas, javascript):
    page = open_page(personas["resident"], javascript=javascript, width=375)
    page.set_default_timeout(10_000)
    page.goto("/")
    page.get_by_role("link", name="How we contact you").click()

    page.get_by_label("First choice").select_option(label="Email")
    page.get_by_label("I do not have internet access").check()
    page.get_by_role("button", name="Save preferences").click()

    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("link", name="Choose at least one way that does not need the internet")).to_be_visible()
    if javascript:  # axe itself is JavaScript: it cannot run in a page that has JavaScript switched off
        then_the_accessibility_baseline_is_met(page)

    page.get_by_label("First choice").select_option(label="Letter")
    page.get_by_label("Second choice").select_option(label="Phone call")
    page.get_by_label("Large print").check()
    page.get_by_role("button", name="Save preferences").click()

    expect(page.get_by_text("We have saved how you would like us to contact you")).to_be_visible()
    if javascript:
        then_the_accessibility_baseline_is_met(page)
    preference = CommunicationPreference.objects.get(resident=personas["resident"].resident)
    assert (preference.channels, preference.formats, preference.no_internet) == (
        ["letter", "phone"],
        ["large_print"],
        True,
    )


def test_an_officer_finds_a_resident_and_ends_a_need_which_stays_in_their_history(open_page, personas):
    resident = ResidentFactory(first_name="Doreen", last_name="Ashworth")
    need = SupportNeedFactory(
        resident=resident, category="temporary_injury", description="Broken wrist", is_temporary=True
    )
    page = open_page(personas["housing_officer"])
    page.set_default_timeout(10_000)
    page.goto("/residents/?q=Ashworth")
    page.get_by_role("link", name="Doreen Ashworth").click()
    then_the_accessibility_baseline_is_met(page)

    page.get_by_role("link", name="Temporary injury").click()
    page.get_by_role("group", name="Ended on").get_by_label("Day").fill("2")
    page.get_by_role("group", name="Ended on").get_by_label("Month").fill("3")
    page.get_by_role("group", name="Ended on").get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Save support need").click()

    expect(page).to_have_title(re.compile(r"^Error: "))
    then_the_accessibility_baseline_is_met(page)
    page.get_by_label("Why it ended").fill("Cast removed")
    page.get_by_role("button", name="Save support need").click()

    expect(page.get_by_text("Support need ended. It stays in their history.")).to_be_visible()
    page.get_by_text("1 ended need").click()
    expect(page.get_by_text("Broken wrist")).to_be_visible()
    assert SupportNeed.objects.get(pk=need.pk).end_reason == "Cast removed"
