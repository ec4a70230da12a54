"""Accounts: lockout after repeated wrong passwords, strong passwords, staff sessions that end."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.middleware import IDLE_KEY, SIGNED_IN_KEY
from tests.core.factories import PASSWORD
from tests.helpers.accounts import sign_in


@pytest.mark.django_db
def test_a_username_longer_than_any_account_gets_a_message_not_an_error(client):
    from axes.models import AccessAttempt

    response = sign_in(client, "0" * 2000, "wrong")
    assert response.status_code == 200
    assert "A username is at most 150 characters." in response.content.decode()
    assert not AccessAttempt.objects.exists()  # never tried, so nothing to record


def test_five_wrong_passwords_lock_the_account_and_the_page_says_what_to_do(client, personas, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for attempt in range(4):
        response = sign_in(client, "housing_officer", f"wrong-{attempt}")
        assert response.status_code == 200
        assert "Enter a correct username and password" in response.content.decode()
    locked = sign_in(client, "housing_officer", "wrong-5")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "<title>Error: Sign-in locked for now" in text
    assert 'role="alert"' in text
    assert "The password was wrong 5 times in a row." in text
    assert "Wait 15 minutes, then sign in again with the right password." in text
    assert "ask your administrator to unlock the account" in text
    # Even the right password is refused while the lock lasts.
    assert sign_in(client, "housing_officer", PASSWORD).status_code == 429
    assert client.get(reverse("home")).status_code == 302


def test_a_locked_account_does_not_lock_anyone_else(client, personas):
    for attempt in range(5):
        sign_in(client, "housing_officer", f"wrong-{attempt}")
    response = sign_in(client, "insight_analyst", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_a_right_password_resets_the_count(client, personas):
    for attempt in range(4):
        sign_in(client, "resident", f"wrong-{attempt}")
    assert sign_in(client, "resident", PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for attempt in range(4):
        assert sign_in(client, "resident", f"again-{attempt}").status_code == 200
    assert sign_in(client, "resident", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short-pw-1", "This password is too short. It must contain at least 12 characters."),
        ("password1234", "This password is too common."),
        ("739184620573", "This password is entirely numeric."),
        ("housing_officer", "The password is too similar to the username."),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(personas, password, message):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user=personas["housing_officer"])
    assert message in refused.value.messages


def test_a_long_passphrase_is_accepted(personas):
    assert validate_password("kettle orbit lantern 57", user=personas["housing_officer"]) is None


def test_staff_sessions_end_after_the_idle_limit(client, personas, settings):
    assert settings.STAFF_IDLE_MINUTES == 30
    assert sign_in(client, "housing_officer", PASSWORD).status_code == 302
    assert client.session[IDLE_KEY] == 30 * 60
    client.get(reverse("home"))
    assert client.session.get_expiry_age() == 30 * 60
    # The store refuses a session whose expiry has passed: pretend 31 minutes went by.
    session = client.session
    session.set_expiry(-1)
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_staff_session_never_outlives_the_whole_day_limit(client, personas, settings):
    sign_in(client, "contact_centre_agent", PASSWORD)
    session = client.session
    session[SIGNED_IN_KEY] = int(time.time()) - settings.SESSION_COOKIE_AGE + 60  # a minute of the day left
    session.save()
    assert client.get(reverse("home")).status_code == 200
    assert 0 < client.session.get_expiry_age() <= 60
    session = client.session
    session[SIGNED_IN_KEY] = int(time.time()) - settings.SESSION_COOKIE_AGE - 1
    session.save()
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.parametrize("slug", ["resident", "panel_member"])
def test_residents_and_panel_members_keep_the_ordinary_session(client, personas, settings, slug):
    sign_in(client, slug, PASSWORD)
    assert IDLE_KEY not in client.session
    client.get(reverse("home"))
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_an_administrator_can_unlock_an_account_in_the_admin(client, personas):
    from axes.models import AccessAttempt

    for attempt in range(5):
        sign_in(client, "resident", f"wrong-{attempt}")
    assert sign_in(client, "resident", PASSWORD).status_code == 429
    attempt = AccessAttempt.objects.get(username="resident")
    admin = client.__class__()
    admin.force_login(personas["administrator"])
    assert admin.get(reverse("admin:axes_accessattempt_changelist")).status_code == 200
    unlocked = admin.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert unlocked.status_code == 302
    assert sign_in(client, "resident", PASSWORD).status_code == 302
