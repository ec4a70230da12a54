"""A resident gives their own equality answers from their account, on a phone."""

import pytest
from playwright.sync_api import expect

from engagement.forms.equality import OWN_LABELS, SELECT_QUESTIONS
from engagement.models import EqualityProfile
from tests.e2e.conftest import then_the_accessibility_baseline_is_met

pytestmark = pytest.mark.browser


def test_a_resident_answers_prefer_not_to_say_to_everything_but_one(open_page, personas):
    page = open_page(personas["resident"], width=360)
    page.goto("/")
    then_the_accessibility_baseline_is_met(page)
    page.get_by_role("link", name="About you").click()
    expect(page.get_by_text("Please read this before you answer")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    for name, label in OWN_LABELS.items():
        if name in SELECT_QUESTIONS:
            page.get_by_label(str(label)).select_option(label="Prefer not to say")
        elif name == "disability":
            page.get_by_role("group", name=str(label)).get_by_label("Yes").check()
        else:
            page.get_by_role("group", name=str(label)).get_by_label("Prefer not to say").check()
    page.get_by_label("I have read why you ask, and I agree to you keeping my answers").check()
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_role("alert")).to_contain_text("We have saved your answers")
    then_the_accessibility_baseline_is_met(page)
    profile = EqualityProfile.objects.get(resident=personas["resident"].resident)
    assert (profile.disability, profile.religion, profile.consent_method) == ("yes", "prefer_not_to_say", "online")
