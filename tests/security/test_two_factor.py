"""Optional two-factor sign-in (django-otp TOTP): turning it on, being asked for the code, wrong codes."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers.accounts import sign_in


def code_for(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def next_code(device):
    """The app's code for the time step after the one last used: a used step is never accepted
    twice, and a code read at the end of a step moves the device's drift, so "now plus 30 seconds"
    could fall outside what the server accepts."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, 0)
    totp.time = device.t0 + (device.last_t + 1) * device.step
    return f"{totp.token():06d}"


@pytest.fixture
def officer_with_two_factor(personas):
    user = personas["housing_officer"]
    return user, TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def test_turning_it_on_takes_a_right_code_from_the_app(client, personas):
    client.force_login(personas["housing_officer"])
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Turn on two-factor sign-in" in text
    assert 'src="data:image/svg+xml;base64,' in text
    assert "If you cannot scan it, type in the key below." in text
    device = TOTPDevice.objects.get(user=personas["housing_officer"], confirmed=False)
    wrong = client.post(reverse("two_factor_setup"), {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert "That code is not right." in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    done = client.post(reverse("two_factor_setup"), {"code": code_for(device)})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert "Two-factor sign-in is on" in client.get(reverse("two_factor_setup")).content.decode()


def test_with_two_factor_on_a_password_alone_reaches_only_the_code_page(client, officer_with_two_factor):
    _user, device = officer_with_two_factor
    assert sign_in(client, "housing_officer").status_code == 302
    response = client.get(reverse("resident_search"))
    assert response.status_code == 302
    assert response.url == f"{reverse('two_factor_verify')}?next=%2Fresidents%2F"
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Enter your code" in page.content.decode()
    wrong = client.post(response.url, {"code": "12345"})
    assert "Enter the code as 6 numbers, for example 123456" in wrong.content.decode()
    assert client.get(reverse("resident_search")).status_code == 302
    right = client.post(reverse("two_factor_verify"), {"code": code_for(device), "next": "/residents/"})
    assert right.status_code == 302 and right.url == "/residents/"
    assert client.get(reverse("resident_search")).status_code == 200


def test_wrong_codes_are_throttled(client, officer_with_two_factor):
    _user, device = officer_with_two_factor
    sign_in(client, "housing_officer")
    client.post(reverse("two_factor_verify"), {"code": "000001" if code_for(device) != "000001" else "000002"})
    # Straight after a wrong code, even the right one waits (django-otp's growing delay).
    throttled = client.post(reverse("two_factor_verify"), {"code": code_for(device)})
    assert "Too many wrong codes. Wait a minute, then enter the newest code." in throttled.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_the_code_page_will_not_send_you_to_another_site(client, officer_with_two_factor):
    _user, device = officer_with_two_factor
    sign_in(client, "housing_officer")
    response = client.post(reverse("two_factor_verify"), {"code": code_for(device), "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url == "/"


def test_turning_it_off_needs_a_code(client, officer_with_two_factor):
    user, device = officer_with_two_factor
    sign_in(client, "housing_officer")
    client.post(reverse("two_factor_verify"), {"code": code_for(device)})
    refused = client.post(reverse("two_factor_off"), {"code": "99999x"})
    assert "Enter the code as 6 numbers" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()
    done = client.post(reverse("two_factor_off"), {"code": next_code(device)})
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_people_without_two_factor_are_not_asked_for_a_code(client, personas):
    sign_in(client, "resident")
    assert client.get(reverse("home")).status_code == 200
    assert "Two-factor sign-in is not on" in client.get(reverse("two_factor_verify")).content.decode()


def test_staff_home_pages_offer_two_factor(client, personas):
    client.force_login(personas["contact_centre_agent"])
    assert reverse("two_factor_setup") in client.get(reverse("home")).content.decode()


# Compulsory two-factor sign-in for some roles (issue 24 item 11).


def test_by_default_administrators_and_analysts_must_use_two_factor():
    """Read from the settings as production reads them (the tests' environment turns it off)."""
    environment = {key: value for key, value in os.environ.items() if key != "TWO_FACTOR_REQUIRED_ROLES"}
    environment["DJANGO_SETTINGS_MODULE"] = "config.settings"
    printed = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", "from django.conf import settings; print(','.join(settings.TWO_FACTOR_REQUIRED_ROLES))"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert printed.stdout.strip() == "administrator,insight_analyst"


@pytest.fixture
def compulsory_for_administrators(settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["administrator"]


def test_a_role_that_must_have_it_is_sent_to_set_it_up_before_anything_else(
    client, personas, compulsory_for_administrators
):
    assert sign_in(client, "administrator").status_code == 302
    for path in ["/", reverse("resident_search"), reverse("two_factor_verify")]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url == f"{reverse('two_factor_setup')}?next={quote(path, safe='')}"
    page = client.get(reverse("two_factor_setup") + "?next=/residents/")
    text = page.content.decode()
    assert "Your role needs two-factor sign-in. Set it up now to carry on" in text
    device = TOTPDevice.objects.get(user__username="administrator", confirmed=False)
    done = client.post(reverse("two_factor_setup") + "?next=/residents/", {"code": code_for(device)})
    assert done.status_code == 302 and done.url == "/residents/"
    assert client.get(reverse("resident_search")).status_code == 200
    # Cannot be turned off while the role needs it.
    on = client.get(reverse("two_factor_setup")).content.decode()
    assert "Your role needs two-factor sign-in, so it cannot be turned off." in on
    assert "Turn it off" not in on
    refused = client.post(reverse("two_factor_off"), {"code": next_code(device)})
    assert refused.status_code == 302
    assert TOTPDevice.objects.filter(user__username="administrator", confirmed=True).count() == 1


def test_a_role_that_must_have_it_and_has_it_must_give_the_code(client, personas, compulsory_for_administrators):
    device = TOTPDevice.objects.create(user=personas["administrator"], name="Authenticator app", confirmed=True)
    sign_in(client, "administrator")
    response = client.get(reverse("resident_search"))
    assert response.url == f"{reverse('two_factor_verify')}?next=%2Fresidents%2F"
    assert client.get(reverse("two_factor_setup")).status_code == 302
    client.post(reverse("two_factor_verify"), {"code": code_for(device), "next": "/residents/"})
    assert client.get(reverse("resident_search")).status_code == 200


def test_other_roles_are_not_made_to_set_it_up(client, personas, compulsory_for_administrators):
    sign_in(client, "housing_officer")
    assert client.get(reverse("resident_search")).status_code == 200
