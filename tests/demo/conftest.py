"""One demo landlord (seed_demo) shared by every test in this folder, built once per test process.

Tests here only read the demo: it is built inside a transaction that is rolled back after the
last of them, and each test runs inside it (a savepoint), as any test does. A test that writes
may do so; its writes are rolled back after it as usual. Tests that must build their own demo
(other sizes, --replace, a second run) stay beside the command's other tests.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tests.conftest import FAST_PASSWORD_HASHERS

DEMO_HOMES = 2000  # the default demo: every kind of signal fires in it (test_demo_signals.py)
DEMO_SEED = 1


@pytest.fixture(scope="package")
def demo_landlord(django_db_setup, django_db_blocker):
    """What seed_demo printed when it built the shared demo landlord."""
    # The demo users' passwords are hashed as every test's are (see fast_password_hashing).
    fast = override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS)
    with django_db_blocker.unblock(), fast, transaction.atomic():
        out = StringIO()
        call_command("seed_demo", homes=DEMO_HOMES, seed=DEMO_SEED, stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def pytest_collection_modifyitems(items):
    # One process builds the demo and runs every test that reads it (pytest-xdist --dist loadgroup).
    for item in items:
        if item.path.parent.name == "demo":
            item.add_marker(pytest.mark.xdist_group("demo"))
