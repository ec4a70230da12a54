"""Sign out everywhere (issue 29): a person, or an administrator for them, ends every session they
have; the next request of each is refused, and nothing extra is read per request (core/sign_out.py)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import SignOutEverywhere
from core.roles import HOUSING_OFFICER
from tests.core.factories import PASSWORD, UserFactory
from tests.helpers.accounts import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shared_cache(settings):
    """As with CACHE_URL set: sessions and users come from the cache (core/user_cache.py)."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.USER_CACHE_SECONDS = 15 * 60


def signed_in(user):
    client = Client()
    assert sign_in(client, user.username, PASSWORD).status_code == 302
    assert client.get(reverse("patch")).status_code == 200  # warm-up: the cache now holds them
    return client


def signed_out(response):
    return response.status_code == 302 and response.url.startswith(reverse("login"))


def test_signing_out_everywhere_ends_every_session_of_theirs_on_its_next_request(personas):
    officer = personas["housing_officer"]
    desk, phone = signed_in(officer), signed_in(officer)
    colleague = signed_in(UserFactory(username="second.officer", role=HOUSING_OFFICER))

    response = desk.post(reverse("sign_out_everywhere"))

    assert response.status_code == 302 and response.url == reverse("login")
    assert signed_out(desk.get(reverse("patch")))
    assert signed_out(phone.get(reverse("patch")))
    assert colleague.get(reverse("patch")).status_code == 200  # someone else's sessions go on
    # Signing in again afterwards works: only sessions begun before it are refused.
    assert signed_in(officer).get(reverse("patch")).status_code == 200


def test_an_administrator_signs_out_everywhere_for_another_person(client, personas):
    officer = personas["housing_officer"]
    phone = signed_in(officer)
    client.force_login(personas["administrator"])

    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "sign_out_everywhere", "_selected_action": [officer.pk]},
        follow=True,
    )

    assert f"Signed out everywhere: {officer.username}." in response.content.decode()
    assert SignOutEverywhere.objects.filter(user=officer).count() == 1
    assert signed_out(phone.get(reverse("patch")))
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200  # theirs goes on


def test_the_check_reads_nothing_more_per_request(personas):
    officer = personas["housing_officer"]
    desk = signed_in(officer)
    with CaptureQueriesContext(connection) as queries:
        assert desk.get(reverse("patch")).status_code == 200
    assert not [q["sql"] for q in queries.captured_queries if "core_signouteverywhere" in q["sql"]]
