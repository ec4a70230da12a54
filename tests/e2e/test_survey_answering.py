"""A resident answers the TSM survey in a real browser: keyboard alone, without JavaScript, on a
320-pixel screen. Every page on the way meets the accessibility baseline."""

import re

import pytest
from playwright.sync_api import expect

from surveys.models import Response
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.surveys.factories import InvitationFactory

pytestmark = pytest.mark.browser

# code -> position of the answer among the options (0 = first), or text for a free-text question.
CHOSEN = {
    "TP01": 1,  # Fairly satisfied
    "REPAIR_12M": 0,  # Yes
    "TP02": 0,
    "TP03": 2,
    "TP04": 3,
    "TP05": 1,
    "TP06": 5,  # Don't know / not applicable
    "TP07": 0,
    "TP08": 1,  # Agree
    "COMPLAINT_12M": 1,  # No
    "TP10": 4,
    "TP11": 2,
    "TP12": 1,
    "INFORMED_REPAIRS": 3,
    "INFORMED_COMPLAINTS": 5,
    "INFORMED_DECISIONS": 2,
    "INFORMED_OFFICER": 0,
    "INFORMED_RENT": 4,
    "COMMENTS": "Please fix the door entry system.",
}
EXPECTED = {
    "TP01": "fairly_satisfied",
    "REPAIR_12M": "yes",
    "TP02": "very_satisfied",
    "TP03": "neither",
    "TP04": "fairly_dissatisfied",
    "TP05": "fairly_satisfied",
    "TP06": "dont_know",
    "TP07": "very_satisfied",
    "TP08": "agree",
    "COMPLAINT_12M": "no",
    "TP10": "very_dissatisfied",
    "TP11": "neither",
    "TP12": "fairly_satisfied",
    "INFORMED_REPAIRS": "4",
    "INFORMED_COMPLAINTS": "dont_know",
    "INFORMED_DECISIONS": "3",
    "INFORMED_OFFICER": "1",
    "INFORMED_RENT": "5",
    "COMMENTS": "Please fix the door entry system.",
}


@pytest.fixture
def invitation(transactional_db):
    home = HomeFactory(has_communal_areas=True)
    return InvitationFactory(resident=ResidentFactory(household=HouseholdFactory(home=home)))


def question_code(page, token):
    return page.url.split(f"/answer/{token}/")[1].strip("/")


def press_tab_until(page, description, test, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"(() => {{ const el = document.activeElement; const name = (el.value || el.textContent || '').trim(); return !!el && ({test}); }})()"
        ):
            return
    raise AssertionError(f"Could not reach {description} with the Tab key")


def then_the_page_fits_the_screen(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{page.url} scrolls sideways at {width}px"


def then_exactly_one_response_holds_every_answer(invitation):
    response = Response.objects.get(survey=invitation.survey)
    assert response.is_submitted
    assert {a.question.code: a.value for a in response.answers.select_related("question")} == EXPECTED


def test_a_resident_completes_the_tsm_survey_with_the_keyboard_alone(open_page, invitation):
    page = open_page()
    page.goto(f"/surveys/answer/{invitation.token}/")
    then_the_accessibility_baseline_is_met(page)
    press_tab_until(page, "Start now", "name === 'Start now'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/TP01/")
    # Continuing without an answer shows the error summary, which takes the focus.
    press_tab_until(page, "Continue", "name === 'Continue'")
    page.keyboard.press("Enter")
    page.wait_for_selector(".govuk-error-summary")
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    then_the_accessibility_baseline_is_met(page)
    while "/check/" not in page.url:
        code = question_code(page, invitation.token)
        choice = CHOSEN[code]
        if isinstance(choice, str):
            press_tab_until(page, "the answer box", "el.tagName === 'TEXTAREA'")
            page.keyboard.type(choice)
        else:
            press_tab_until(page, "the first option", "el.type === 'radio'")
            page.keyboard.press("Space")
            for _ in range(choice):
                page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.value") == "Continue"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        then_the_accessibility_baseline_is_met(page)
    press_tab_until(page, "Send answers", "name === 'Send answers'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Answers sent")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    then_exactly_one_response_holds_every_answer(invitation)


def answer_by_clicking(page, invitation, width=None, axe=True):
    """Answer every page by pointer. axe-core cannot run in a page with JavaScript switched off, so
    those runs skip it (the keyboard and 320px runs check every page with it)."""
    check = then_the_accessibility_baseline_is_met if axe else (lambda page: None)
    page.goto(f"/surveys/answer/{invitation.token}/")
    page.get_by_role("button", name="Start now").click()
    while "/check/" not in page.url:
        if width:
            then_the_page_fits_the_screen(page, width)
        check(page)
        choice = CHOSEN[question_code(page, invitation.token)]
        if isinstance(choice, str):
            page.get_by_role("textbox").fill(choice)
        else:
            page.get_by_role("radio").nth(choice).check()
        page.get_by_role("button", name="Continue").click()
    if width:
        then_the_page_fits_the_screen(page, width)
    check(page)
    page.get_by_role("button", name="Send answers").click()
    expect(page.get_by_role("heading", name="Answers sent")).to_be_visible()
    check(page)


def test_the_same_survey_works_with_javascript_switched_off(open_page, invitation):
    page = open_page(javascript=False)
    answer_by_clicking(page, invitation, axe=False)
    then_exactly_one_response_holds_every_answer(invitation)


def test_the_survey_fits_a_320_pixel_screen(open_page, invitation):
    page = open_page(width=320, height=640)
    answer_by_clicking(page, invitation, width=320)
    then_exactly_one_response_holds_every_answer(invitation)


def test_the_back_link_and_change_links_keep_every_answer_without_javascript(open_page, invitation):
    page = open_page(javascript=False)
    page.goto(f"/surveys/answer/{invitation.token}/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("Very satisfied", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("Very satisfied", exact=True)).to_be_checked()
    page.go_back()
    page.go_forward()
    page.get_by_role("button", name="Continue").click()
    assert Response.objects.get().answers.get().value == "very_satisfied"
