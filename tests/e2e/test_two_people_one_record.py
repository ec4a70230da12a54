"""Two staff edit the same resident's contact details in two browsers (issue 24 item 3).

The second save comes from a page opened before the first: it is refused with a message naming
what changed, nothing typed is lost, and after checking, both changes are kept."""

import re

import pytest
from playwright.sync_api import expect

from engagement.models import ContactDetails
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import ContactDetailsFactory, ResidentFactory

pytestmark = pytest.mark.browser


def test_a_stale_save_is_refused_and_both_changes_are_kept(open_page, personas):
    resident = ResidentFactory(first_name="Amina", last_name="Okafor")
    ContactDetailsFactory(resident=resident, email="", mobile_phone="+447700900111", landline_phone="")
    url = f"/residents/{resident.pk}/contact-details/"
    agent = open_page(personas["contact_centre_agent"])
    officer = open_page(personas["housing_officer"])
    assert agent.context is not officer.context
    agent.goto(url)
    officer.goto(url)  # both pages are open before either saves

    agent.get_by_role("textbox", name="Mobile number").fill("07700 900222")
    agent.get_by_label("Where did the mobile number come from?").select_option(
        label="The resident, told to a member of staff"
    )
    agent.get_by_role("button", name="Save contact details").click()
    expect(agent.get_by_text("Contact details saved.")).to_be_visible()
    then_the_accessibility_baseline_is_met(agent)

    officer.get_by_role("textbox", name="Landline number").fill("0113 496 0000")
    officer.get_by_label("Where did the landline number come from?").select_option(
        label="The resident, told to a member of staff"
    )
    officer.get_by_role("button", name="Save contact details").click()
    expect(officer).to_have_title(re.compile(r"^Error: "))
    summary = officer.get_by_role("alert")
    expect(summary).to_contain_text("Someone else changed this record since you opened this page")
    expect(summary).to_contain_text("Mobile number is now saved as: 07700 900222")
    expect(officer.get_by_role("textbox", name="Landline number")).to_have_value(
        "0113 496 0000"
    )  # nothing typed is lost
    then_the_accessibility_baseline_is_met(officer)
    details = ContactDetails.objects.get(resident=resident)
    assert (details.mobile_phone, details.landline_phone) == ("+447700900222", "")  # nothing applied silently

    # The officer takes in the newer mobile and saves again: both changes are kept.
    officer.get_by_role("textbox", name="Mobile number").fill("07700 900222")
    officer.get_by_role("button", name="Save contact details").click()
    expect(officer.get_by_text("Contact details saved.")).to_be_visible()
    details.refresh_from_db()
    assert (details.mobile_phone, details.landline_phone) == ("+447700900222", "+441134960000")
    assert details.mobile_source == "staff"
