"""Sign-in lockout and two-factor codes, with the keyboard alone and checked by axe."""

import re
import time
from base64 import b32encode

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
    # What the person sees: their own home page, not the code page again, and no error.
    expect(page.get_by_role("heading", level=1)).to_have_text("Your work")
    expect(page).to_have_title(re.compile(r"^Your work"))
    assert page.get_by_role("heading", name="Enter your code").count() == 0
    assert page.get_by_role("alert").count() == 0
    page.goto("/residents/")  # signed in fully: other pages open without asking again
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Enter your code")


def test_an_administrator_must_set_up_two_factor_before_anything_else(open_page, personas, settings):
    """Issue 24 item 11: TWO_FACTOR_REQUIRED_ROLES makes it compulsory (administrators by default)."""
    settings.TWO_FACTOR_REQUIRED_ROLES = ["administrator", "insight_analyst"]
    page = open_page()
    page.goto("/accounts/login/")
    type_sign_in(page, "administrator", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Turn on two-factor sign-in")
    expect(page.get_by_text("Your role needs two-factor sign-in. Set it up now to carry on")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("QR code for your authenticator app"))).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    page.goto("/residents/")  # any other page sends them back here
    expect(page.get_by_role("heading", level=1)).to_have_text("Turn on two-factor sign-in")
    # The app is set up by typing in the key shown (as a person without a camera would).
    device = TOTPDevice.objects.get(user=personas["administrator"], confirmed=False)
    assert page.locator("code").inner_text().replace(" ", "") == b32encode(device.bin_key).decode()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    page.get_by_label("Code from your authenticator app").fill(f"{totp.token():06d}")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Turn on two-factor sign-in")
    expect(page.get_by_text("Two-factor sign-in is on. From now on you will be asked for a code")).to_be_visible()
    assert page.url.endswith("/residents/")
    then_the_accessibility_baseline_is_met(page)
    page.goto("/accounts/two-factor/")
    expect(page.get_by_text("Your role needs two-factor sign-in, so it cannot be turned off.")).to_be_visible()
    expect(page.get_by_role("button", name="Turn off")).to_have_count(0)
    then_the_accessibility_baseline_is_met(page)


def test_the_browser_reports_what_the_content_security_policy_blocks(open_page, personas):
    """The check every accessibility test now makes would catch an inline script."""
    page = open_page(personas["housing_officer"])
    page.goto("/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.ran=1\">')")
    page.wait_for_timeout(300)
    assert page.evaluate("window.ran") is None
    assert any("Content Security Policy" in text for text in page.csp_violations)


def test_signing_out_everywhere_ends_the_session_on_another_device(open_page, personas):
    """Issue 29: from their account's security page, with the keyboard; a phone signed in as the
    same person is asked to sign in again on its next page."""
    officer = personas["housing_officer"]
    phone = open_page(officer, width=360)
    phone.goto("/residents/")
    expect(phone.get_by_role("heading", level=1)).not_to_have_text("Sign in")
    desk = open_page(officer)
    desk.goto("/accounts/two-factor/")
    expect(desk.get_by_role("heading", name="Sign out everywhere")).to_be_visible()
    then_the_accessibility_baseline_is_met(desk)
    button = desk.get_by_role("button", name="Sign out everywhere")
    button.focus()
    with desk.expect_navigation():
        desk.keyboard.press("Enter")
    expect(desk.get_by_role("heading", level=1)).to_have_text("Sign in")
    phone.goto("/residents/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Sign in")
