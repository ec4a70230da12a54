"""Logging a contact in a real browser: on a 360-pixel phone screen, with the keyboard alone."""

import pytest
from playwright.sync_api import expect

from desk.models import Contact, LanguageFlag
from tests.e2e.conftest import tab_to, tab_until_focused, then_the_accessibility_baseline_is_met
from tests.engagement.factories import CommunicationPreferenceFactory, HomeFactory, HouseholdFactory, ResidentFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def resident(personas):
    home = HomeFactory(housing_officer=personas["housing_officer"])
    resident = ResidentFactory(household=HouseholdFactory(home=home), first_name="Grace", last_name="Okafor")
    CommunicationPreferenceFactory(resident=resident, channels=["phone"], no_internet=True)
    return resident


def press_button(page, name, limit=120):
    """Tab to a button and press Enter, as a keyboard user would."""
    tab_until_focused(page, page.get_by_role("button", name=name), f"the {name!r} button", limit)
    page.keyboard.press("Enter")


def test_an_officer_logs_a_contact_with_the_keyboard_on_a_phone(open_page, personas, resident):
    page = open_page(personas["housing_officer"], width=360, height=740)
    page.goto(f"/residents/{resident.pk}/contacts/add/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
    then_the_accessibility_baseline_is_met(page)

    tab_to(page, "How was the contact made?", limit=40)
    page.keyboard.press("h")  # a closed select on the keyboard: typing picks the first match
    expect(page.get_by_label("How was the contact made?")).to_have_value("home_visit")
    tab_to(page, "What was the contact about?")
    page.keyboard.type("Welfare check after the boiler failed")
    tab_to(page, "Notes")
    page.keyboard.type("Mrs Okafor is a non-engager.")
    # As you type: the advice appears under the notes (it never blocks).
    expect(page.locator("#notes-language-check")).to_contain_text("Say what we tried and when")
    then_the_accessibility_baseline_is_met(page)
    page.keyboard.press("Control+A")
    page.keyboard.type("Mrs Okafor has not had our letters: she has no internet and the post goes to the old flat.")
    expect(page.locator("#notes-language-check")).to_be_empty()
    tab_to(page, "I asked about warmth and heating")
    page.keyboard.press("Space")
    # Tab reaches a radio group once; the arrow keys choose within it.
    tab_to(page, "Yes, they can keep warm enough")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Only with difficulty, or not every room")).to_be_checked()
    press_button(page, "Save the contact")

    expect(page.get_by_text("Contact saved.")).to_be_visible()
    contact = Contact.objects.get()
    assert (contact.channel, contact.made_as, contact.can_heat_home) == ("home_visit", "housing_officer", "struggling")
    assert contact.purpose == "Welfare check after the boiler failed"
    assert {p.prompt for p in contact.prompts.all() if p.asked} == {"warmth"}
    flag = LanguageFlag.objects.get(contact=contact)
    assert (flag.phrase, flag.text_changed, flag.still_in_text) == ("non-engag*", True, False)
    expect(page.get_by_role("heading", name="Recent contacts")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)


def test_without_javascript_the_notes_are_checked_on_save(open_page, personas, resident):
    page = open_page(personas["housing_officer"], javascript=False, width=360)
    page.goto(f"/residents/{resident.pk}/contacts/add/")
    page.get_by_label("How was the contact made?").select_option(label="Phone")
    page.get_by_label("What was the contact about?").fill("Rent statement")
    page.get_by_label("Notes").fill("Very demanding on the phone.")
    page.get_by_role("button", name="Save the contact").click()
    expect(page.locator("#notes-language-check")).to_contain_text("Say what they asked for and how often")
    assert Contact.objects.count() == 0
    page.get_by_role("button", name="Save the contact").click()  # saved as it is: the check only advises
    expect(page.get_by_text("Contact saved.")).to_be_visible()
    flag = LanguageFlag.objects.get()
    assert (flag.matched_text, flag.text_changed, flag.still_in_text) == ("demanding", False, True)
