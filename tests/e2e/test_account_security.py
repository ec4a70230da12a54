"""Sign-in lockout and two-factor codes, with the keyboard alone and checked by axe."""

import re
import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.core.factories import PASSWORD
from tests.e2e.conftest import tab_to, then_the_accessibility_baseline_is_met

pytestmark = pytest.mark.browser


def type_sign_in(page, username, password):
    tab_to(page, "Username")
    page.keyboard.type(username)
    tab_to(page, "Password")
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_the_lockout_page_says_what_to_do_and_is_accessible(open_page, personas):
    page = open_page()
    for attempt in range(5):
        page.goto("/accounts/login/")
        type_sign_in(page, "housing_officer", f"wrong-{attempt}")
    assert page.get_by_role("heading", level=1).inner_text() == "Sign-in locked for now"
    alert = page.get_by_role("alert")
    assert "The password was wrong 5 times in a row." in alert.inner_text()
    assert "Wait 15 minutes, then sign in again with the right password." in page.inner_text("main")
    expect(page).to_have_title(re.compile(r"^Error: Sign-in locked for now"))
    then_the_accessibility_baseline_is_met(page)


def test_a_two_factor_code_is_typed_with_the_keyboard(open_page, personas):
    device = TOTPDevice.objects.create(user=personas["housing_officer"], name="Authenticator app", confirmed=True)
    page = open_page()
    page.goto("/accounts/login/")
    type_sign_in(page, "housing_officer", PASSWORD)
    page.get_by_role("heading", name="Enter your code").wait_for()
    then_the_accessibility_baseline_is_met(page)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    tab_to(page, "Code from your authenticator app")
    page.keyboard.type(f"{totp.token():06d}")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Signed in: the officer's own home page, with the way to sign out, and no error.
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page).to_have_title(re.compile(r"^Your work"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your work")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)


def test_the_browser_reports_what_the_content_security_policy_blocks(open_page, personas):
    """The check every accessibility test now makes would catch an inline script."""
    page = open_page(personas["housing_officer"])
    page.goto("/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.ran=1\">')")
    page.wait_for_timeout(300)
    assert page.evaluate("window.ran") is None
    assert any("Content Security Policy" in text for text in page.csp_violations)
