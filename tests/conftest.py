import pytest

import tests.static_index  # noqa: F401  (WhiteNoise's file index once per process)
from core.roles import ROLES
from tests.core.factories import UserFactory
from tests.engagement.factories import ResidentFactory

FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Test databases need no durability: PostgreSQL does not wait for each commit to reach the disk.
    A browser test empties every table afterwards (a flush, then the roles and permissions written
    again: about 50 commits), and each waited about 16 ms for the disk on this machine."""
    from django.db import connections

    for alias in connections:
        settings_dict = connections[alias].settings_dict
        if settings_dict["ENGINE"] == "django.db.backends.postgresql":
            options = settings_dict.setdefault("OPTIONS", {})
            options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()
    _empty_tables_by_delete()


def _empty_tables_by_delete():
    """After a test that commits (the browser tests: the test server reads what they wrote), Django
    empties every table with one TRUNCATE of all 200, which makes new files for each table and index:
    about 2 s a test on this machine. The tables then hold a few rows each, so DELETE is quicker; the
    foreign keys Django makes are checked at commit (DEFERRABLE INITIALLY DEFERRED), when every table
    is empty. A table whose trigger refuses DELETE (the append-only audit log) is still truncated.
    Tests only: production's `flush` is unchanged."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal")
            guarded = {name for (name,) in cursor.fetchall()} & set(tables)
        statements = [f"DELETE FROM {self.quote_name(table)};" for table in tables if table not in guarded]  # noqa: S608 (table names from Django, quoted)
        return statements + truncate(self, style, sorted(guarded)) if guarded else statements

    truncate = DatabaseOperations.sql_flush
    DatabaseOperations.sql_flush = sql_flush


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
