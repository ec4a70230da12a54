"""Helpers for the tests that need the real PostgreSQL (CI runs them; SQLite runs skip them)."""

import time

import psycopg2
import pytest
from django.db import connection

only_on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: killing connections and concurrent writers are what is being tested",
)


def side_connection():
    """A second, independent connection to the test database (autocommit), like an operator's psql."""
    settings = connection.settings_dict
    side = psycopg2.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
    )
    side.autocommit = True
    return side


def other_backends(side, where="true"):
    """Process ids of the other connections to the test database (not `side` itself)."""
    with side.cursor() as cursor:
        cursor.execute(
            f"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND {where}"  # noqa: S608
        )
        return [row[0] for row in cursor.fetchall()]


def terminate(side, pids):
    with side.cursor() as cursor:
        for pid in pids:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


def wait_for(condition, seconds=20, message="condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"Timed out waiting for {message}")
