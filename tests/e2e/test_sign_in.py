import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.core.factories import PASSWORD
from tests.e2e.conftest import tab_to, then_the_accessibility_baseline_is_met

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_an_officer_signs_in_with_the_keyboard_alone(open_page, personas, javascript):
    page = open_page(javascript=javascript)
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"
    tab_to(page, "Username")
    page.keyboard.type("housing_officer")
    tab_to(page, "Password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Your work").wait_for()
    assert urlparse(page.url).path == "/"
    assert page.get_by_role("heading", level=1).inner_text() == "Your work"
    if javascript:  # axe itself is JavaScript
        then_the_accessibility_baseline_is_met(page)


def test_a_wrong_password_says_what_to_do_and_the_page_stays_accessible(open_page, personas):
    page = open_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("housing_officer")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert "Enter a correct username and password" in summary.inner_text()
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    then_the_accessibility_baseline_is_met(page)


def test_the_menu_and_sign_out_work_on_a_small_screen_without_javascript(open_page, personas):
    page = open_page(personas["housing_officer"], javascript=False, width=320)
    page.goto("/")
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="Sign in").wait_for()
    assert urlparse(page.url).path == "/accounts/login/"
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"
