"""PostgreSQL going away under the app, and the recompute killed half-way.

Restarting the shared PostgreSQL server in CI would break every other test, so a restart is
simulated the way it looks to the app: every connection to the database is terminated
(pg_terminate_backend). scripts/fault_postgres_restart.sh does the real restart on a private server.
"""

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import RequestFactory

from inequities.models import Snapshot
from inequities.services import latest_snapshot
from tests.engagement.factories import EqualityProfileFactory
from tests.figures import recompute_over_a_year
from tests.reliability.postgres import only_on_postgresql, other_backends, side_connection, terminate, wait_for
from tests.surveys.factories import InvitationFactory, answered_response

# serial: it kills database connections and starts a worker process; it runs alone, after the parallel run.
pytestmark = [only_on_postgresql, pytest.mark.django_db(transaction=True), pytest.mark.serial]

ROOT = Path(__file__).resolve().parents[2]
# A page that must ask the database: an unknown survey link is a 404 only if the query ran.
ASKS_THE_DATABASE = "/surveys/answer/no-such-link/"


def get(handler, path):
    """One request through Django's real WSGI handler (the test client skips the per-request
    connection housekeeping that is the point here)."""
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET", SERVER_NAME="testserver")
    statuses = []
    response = handler(environ, lambda status, headers: statuses.append(status))
    body = b"".join(response)
    response.close()  # sends request_finished, as a WSGI server does
    return int(statuses[0].split()[0]), body


def test_the_app_recovers_when_postgresql_drops_every_connection():
    handler = WSGIHandler()
    side = side_connection()
    try:
        assert get(handler, ASKS_THE_DATABASE)[0] == 404
        assert b'"database": "ok"' in get(handler, "/healthz")[1]
        mine = other_backends(side)
        assert mine, "the app should be holding a connection open between requests (CONN_MAX_AGE)"
        terminate(side, mine)
        wait_for(lambda: not other_backends(side), message="the connections to end")
        # The next request finds its connection dead (CONN_HEALTH_CHECKS), opens another and answers.
        assert get(handler, ASKS_THE_DATABASE)[0] == 404
        assert b'"database": "ok"' in get(handler, "/healthz")[1]

        # The control: with the health check off, the first request after the restart fails, so
        # the assertions above would catch the setting being turned off.
        connection.health_check_enabled = False
        terminate(side, other_backends(side))
        wait_for(lambda: not other_backends(side), message="the connections to end")
        status, body = get(handler, ASKS_THE_DATABASE)
        assert (status, b"Try again in a minute" in body) == (503, True)
        assert get(handler, ASKS_THE_DATABASE)[0] == 404  # Django drops a connection that errored
    finally:
        connection.health_check_enabled = True
        side.close()


def test_requests_running_while_connections_are_killed_recover_without_a_restart(settings):
    # The visitors ask for an unknown survey link again and again: lift the limit on wrong links
    # (a 429 is the rate limit working, not a fault) so only the database decides the answers.
    settings.SURVEY_LINK_ATTEMPTS = 1_000_000
    handler = WSGIHandler()
    side = side_connection()
    results = {n: [] for n in range(4)}
    stop = threading.Event()

    def visitor(n):
        from django.db import connections

        try:
            while not stop.is_set():
                results[n].append(get(handler, ASKS_THE_DATABASE)[0])
            results[n].append(get(handler, ASKS_THE_DATABASE)[0])  # after the last kill
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visitor, args=(n,)) for n in results]
    try:
        for thread in threads:
            thread.start()
        for _ in range(3):
            wait_for(lambda: len(other_backends(side)) >= 4, message="the visitors to connect")
            terminate(side, other_backends(side, "backend_type = 'client backend'"))
        stop.set()
        for thread in threads:
            thread.join(30)
    finally:
        stop.set()
        side.close()
    every = [status for statuses in results.values() for status in statuses]
    assert set(every) <= {404, 503}
    # Each kill can fail at most the one request each visitor had in flight (503, try again).
    assert every.count(503) <= 3 * len(threads), every.count(503)
    assert all(statuses[-1] == 404 for statuses in results.values())


def _some_answers():
    for n in range(12):
        invitation = InvitationFactory()
        EqualityProfileFactory(resident=invitation.resident, disability="yes" if n % 2 else "no")
        answered_response(invitation)


def test_a_recompute_killed_half_way_leaves_the_old_figures_served_and_a_rerun_completes():
    _some_answers()
    first = recompute_over_a_year()
    figures = first.figures.count()
    side = side_connection()
    job = None
    try:
        # Hold the figures table so the job stops half-way: its new snapshot row written but not committed.
        side.autocommit = False
        with side.cursor() as cursor:
            cursor.execute("LOCK TABLE inequities_figure IN EXCLUSIVE MODE")
        env = {**os.environ, "DATABASE_URL": _test_database_url()}
        job = subprocess.Popen(  # the worker
            [
                sys.executable,
                "-c",
                "import django; django.setup(); from inequities.services import recompute; recompute()",
            ],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        )
        watcher = side_connection()
        try:
            waiting = "wait_event_type = 'Lock'"
            wait_for(lambda: other_backends(watcher, waiting), 60, "the job to reach the figures")
            [backend] = other_backends(watcher, waiting)
            job.send_signal(signal.SIGKILL)  # the worker dies mid-transaction
            job.wait(10)
            side.rollback()  # let the orphaned transaction run into its closed client and roll back
            wait_for(lambda: backend not in other_backends(watcher), message="the dead job's transaction to end")
        finally:
            watcher.close()
    finally:
        if job and job.poll() is None:
            job.kill()
        side.close()
    assert job.returncode == -signal.SIGKILL
    assert Snapshot.objects.count() == 1
    assert latest_snapshot() == first
    rerun = recompute_over_a_year()
    assert rerun is not None, "the killed job's lock must not outlive it"
    assert latest_snapshot() == rerun != first
    assert rerun.figures.count() == figures


def _test_database_url():
    settings = connection.settings_dict
    return f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"
