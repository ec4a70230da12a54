"""Sessions and permissions come from the cache, and revocation still bites on the very next request
(issue 29, core/user_cache.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.user_cache import ENTRY, _version, revoke
from tests.core.factories import PASSWORD
from tests.helpers.accounts import sign_in

pytestmark = pytest.mark.django_db(transaction=False)

PATCH_PERMISSION = ("desk", "work_a_patch")
AUTH_TABLES = ("auth_user", "auth_user_groups", "auth_group", "auth_permission", "django_session")


@pytest.fixture(autouse=True)
def shared_cache(settings):
    """As with CACHE_URL set: the tests' locmem cache is shared by this one process."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.USER_CACHE_SECONDS = 15 * 60


@pytest.fixture
def officer(client, personas):
    user = personas["housing_officer"]
    assert sign_in(client, user.username, PASSWORD).status_code == 302
    assert client.get(reverse("patch")).status_code == 200  # warm-up: the cache now holds them
    return user


def _signed_out(response):
    return response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_permission_removed_from_their_group_is_refused_on_the_next_request(client, officer):
    app_label, codename = PATCH_PERMISSION
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    officer.groups.get().permissions.remove(permission)
    assert client.get(reverse("patch")).status_code == 403


def test_a_permission_removed_from_the_permission_side_is_refused_too(client, officer):
    app_label, codename = PATCH_PERMISSION
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    permission.group_set.clear()
    assert client.get(reverse("patch")).status_code == 403


def test_leaving_their_group_is_refused_on_the_next_request(client, officer):
    officer.groups.clear()
    assert client.get(reverse("patch")).status_code == 403


def test_a_deactivated_person_is_signed_out_on_the_next_request(client, officer):
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    assert _signed_out(client.get(reverse("patch")))
    assert _signed_out(client.get(reverse("home")))


def test_a_changed_password_signs_them_out(client, officer):
    officer.set_password("a completely different passphrase 42")
    officer.save()
    assert _signed_out(client.get(reverse("patch")))


def test_revoke_reads_them_afresh(client, officer):
    # A change made behind the signals' back (a raw update) is picked up once revoked.
    type(officer).objects.filter(pk=officer.pk).update(is_active=False)
    assert client.get(reverse("patch")).status_code == 200  # still the cached row
    revoke(officer)
    assert _signed_out(client.get(reverse("patch")))


def test_a_request_after_warm_up_reads_no_session_user_or_permission_row(client, officer):
    client.get(reverse("home"))  # the officer's worklist
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("patch")).status_code == 200
        assert client.get(reverse("home")).status_code == 200
    touched = [q["sql"] for q in queries.captured_queries if any(f'"{t}"' in q["sql"] for t in AUTH_TABLES)]
    assert touched == []


def test_a_two_factor_device_change_reads_them_afresh(client, officer):
    before = _version(officer.pk)
    assert cache.get(ENTRY.format(pk=officer.pk, version=before)) is not None
    TOTPDevice.objects.create(user=officer, name="Authenticator app", confirmed=True)
    assert _version(officer.pk) != before


@pytest.mark.parametrize(
    ("cache_url", "expected"),
    [
        ("", "django.contrib.sessions.backends.db 0"),
        ("redis://127.0.0.1:6379/9", "django.contrib.sessions.backends.cached_db 900"),
    ],
)
def test_sessions_and_users_are_cached_only_in_a_cache_every_process_shares(cache_url, expected):
    """A per-process cache could not carry a sign-out or a removed permission to the other
    processes, so without CACHE_URL nothing about a session or a user is cached."""
    environment = {key: value for key, value in os.environ.items() if key not in ("CACHE_URL", "USER_CACHE_SECONDS")}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="1", CACHE_URL=cache_url)
    printed = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.SESSION_ENGINE, settings.USER_CACHE_SECONDS)",
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert printed.stdout.strip() == expected
