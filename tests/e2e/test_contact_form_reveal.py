"""The contact form on a phone: each prompt's questions open only when the officer ticks that they
asked it, the closed form is short, and after saving the success banner is on screen with focus."""

import pytest
from playwright.sync_api import expect

from desk.models import Contact
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import CommunicationPreferenceFactory, HomeFactory, HouseholdFactory, ResidentFactory

pytestmark = pytest.mark.browser

HEIGHT_LIMIT = 2000


@pytest.fixture
def resident(personas):
    home = HomeFactory(housing_officer=personas["housing_officer"])
    resident = ResidentFactory(household=HouseholdFactory(home=home), first_name="Grace", last_name="Okafor")
    ResidentFactory(household=resident.household, first_name="Tobi", last_name="Okafor", is_lead_tenant=False)
    CommunicationPreferenceFactory(resident=resident, channels=["phone"])
    return resident


def test_with_no_prompt_opened_the_form_is_under_2000_pixels_at_360_wide(open_page, personas, resident):
    page = open_page(personas["housing_officer"], width=360, height=740)
    page.goto(f"/residents/{resident.pk}/contacts/add/")
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"Contact form height at 360 px, no prompt opened: {height} px")
    assert height < HEIGHT_LIMIT
    expect(page.get_by_label("Can they heat their home?", exact=False).first).to_be_hidden()
    then_the_accessibility_baseline_is_met(page)

    page.get_by_label("I asked about warmth and heating").check()
    expect(page.get_by_label("Yes, they can keep warm enough")).to_be_visible()
    assert page.get_by_label("I asked about warmth and heating").get_attribute("aria-expanded") == "true"
    then_the_accessibility_baseline_is_met(page)


def test_without_javascript_every_question_is_visible(open_page, personas, resident):
    page = open_page(personas["housing_officer"], javascript=False, width=360)
    page.goto(f"/residents/{resident.pk}/contacts/add/")
    expect(page.get_by_label("Yes, they can keep warm enough")).to_be_visible()
    expect(page.get_by_label("Spotted something else? Describe it")).to_be_visible()
    page.get_by_label("How was the contact made?").select_option(label="Phone")
    page.get_by_label("What was the contact about?").fill("Rent statement")
    page.get_by_label("Yes, they can keep warm enough").check()  # answered without ticking: still asked
    page.get_by_role("button", name="Save the contact").click()
    expect(page.get_by_text("Contact saved.")).to_be_visible()
    contact = Contact.objects.get()
    assert contact.can_heat_home == "yes"
    assert {p.prompt for p in contact.prompts.all() if p.asked} == {"warmth"}


def test_after_saving_the_success_banner_is_first_on_screen_and_has_focus(open_page, personas, resident):
    page = open_page(personas["housing_officer"], width=360, height=740)
    page.goto(f"/residents/{resident.pk}/contacts/add/")
    page.get_by_label("How was the contact made?").select_option(label="Phone")
    page.get_by_label("What was the contact about?").fill("Rent statement")
    page.get_by_role("button", name="Save the contact").click()
    banner = page.get_by_role("alert")
    expect(banner).to_contain_text("Contact saved.")
    expect(banner).to_be_focused()
    box = banner.bounding_box()
    assert 0 <= box["y"] and box["y"] + 40 < 740, f"The banner is off screen at y={box['y']}"
    assert page.evaluate("window.scrollY") < box["y"] + box["height"]
    then_the_accessibility_baseline_is_met(page)
