"""Contact details and inviting one resident, in a real browser, as an agent and a resident do it."""

import re

import pytest
from playwright.sync_api import expect

from engagement.models import ContactDetails, Resident
from surveys.models import Invitation
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import CommunicationPreferenceFactory, ResidentFactory
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.browser


def test_an_agent_records_a_mobile_then_invites_the_resident_by_text(open_page, personas):
    survey = tsm_survey()
    resident = ResidentFactory(first_name="Grace", last_name="Okafor")
    CommunicationPreferenceFactory(resident=resident, channels=["text", "letter"])
    page = open_page(personas["contact_centre_agent"])
    page.set_default_timeout(10_000)
    page.goto(f"/residents/{resident.pk}/")
    page.get_by_role("link", name="Change contact details of Grace Okafor").click()

    page.get_by_label("Mobile number", exact=True).fill("07700 900 1")
    page.get_by_role("button", name="Save contact details").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("link", name="Enter a real UK phone number")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)

    page.get_by_label("Mobile number", exact=True).fill("07700 900 123")
    page.get_by_label("Where did the mobile number come from?").select_option(
        label="The resident, told to a member of staff"
    )
    page.get_by_role("button", name="Save contact details").click()
    expect(page.get_by_text("07700 900123")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)

    page.get_by_role("link", name="Invite them to a survey").click()
    then_the_accessibility_baseline_is_met(page)
    page.get_by_label(survey.title_in("en-gb")).check()
    page.get_by_role("button", name="Invite them").click()
    expect(page.get_by_text("Invited by text message.")).to_be_visible()
    assert Invitation.objects.get(resident=resident, survey=survey).channel == "text"


def test_a_resident_keeps_their_own_email_address(open_page, personas):
    page = open_page(personas["resident"], javascript=False, width=375)
    page.set_default_timeout(10_000)
    page.goto("/my-contact-preferences/")
    page.get_by_role("link", name="Your email address and phone numbers").click()
    page.get_by_label("Email address", exact=True).fill("rita@example.org")
    page.get_by_role("button", name="Save contact details").click()
    expect(page.get_by_text("We have saved your contact details")).to_be_visible()
    details = ContactDetails.objects.get(resident=Resident.objects.get(user=personas["resident"]))
    assert (details.email, details.email_source) == ("rita@example.org", "resident")
