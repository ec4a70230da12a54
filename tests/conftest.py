import pytest

import tests.static_index  # noqa: F401  (WhiteNoise's file index once per process)
from core.roles import ROLES
from tests.core.factories import UserFactory
from tests.engagement.factories import ResidentFactory

FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def personas(db):
    """One signed-in-able user per role, keyed by role slug. The resident persona has a home."""
    return make_personas()


def make_personas():
    """The personas, for a fixture of a wider scope than a test's (a sweep's module-wide data)."""
    users = {role.slug: UserFactory(username=role.slug, role=role) for role in ROLES}
    ResidentFactory(user=users["resident"], first_name="Rita", last_name="Resident")
    return users


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Tests create many users; the production hasher is deliberately slow.
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate-limit counters (survey links) live in the cache; one test's tries must not count in the next.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tasks_in_process(monkeypatch):
    """Run queued tasks in this process whatever the broker (CI sets one): for tests about what a
    task does once queued, not about its delivery."""
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", True)


@pytest.fixture
def exact_figures(monkeypatch):
    """For tests of arithmetic (a family's, a trend's) or of answers stored, on counts that disclosure
    control would hide (1 to 7) or round to a multiple of 5 (tests/inequities/test_rounding.py checks
    that): the figures are computed without it, as bench/disclosure.py computes its comparison."""
    from functools import partial

    from inequities import services

    monkeypatch.setattr(services, "compute", partial(services.compute, controlled=False))
