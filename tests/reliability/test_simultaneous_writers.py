"""Writers at the same moment queue for the database; none is turned away (issue 24 item 9).

On SQLite a transaction that read first and then writes used to fail at once with "database is
locked" (a 503 page) when another writer held the lock: 3 of 5 simultaneous submits. Settings now
open every transaction with the write lock (IMMEDIATE) and a busy timeout, so they wait their turn.
On PostgreSQL two staff keying the same paper form at once end in one response and a clear message.
"""

import sqlite3
import threading
import uuid
from contextlib import contextmanager

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from surveys import services
from surveys.choices import Mode
from tests.engagement.factories import ResidentFactory
from tests.reliability.postgres import only_on_postgresql, other_backends, side_connection, wait_for
from tests.surveys.factories import TSM_ANSWERS_NO_REPAIR, InvitationFactory, answered_response, tsm_survey
from tests.surveys.flow import check_url

WRITERS = 5

only_on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite settings are what is tested")


@contextmanager
def threads_on_a_database_file(tmp_path):
    """The tests' SQLite database is in memory (shared cache, where SQLite's busy timeout does not
    apply); production's is a file. Copy the migrated database with its rows to a file and point
    the new connections (one per thread) at it, with the settings' OPTIONS unchanged."""
    path = str(tmp_path / "db.sqlite3")
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    shared = connection.settings_dict  # the dict every new connection is made from
    was = shared["NAME"]
    shared["NAME"] = path
    try:
        yield path
    finally:
        shared["NAME"] = was


@only_on_sqlite
@pytest.mark.django_db(transaction=True)
@pytest.mark.serial  # threads racing each other: timing-sensitive, so alone
def test_five_simultaneous_submits_on_sqlite_all_succeed(tmp_path):
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    survey = tsm_survey()
    invitations = [InvitationFactory(survey=survey) for _ in range(WRITERS)]
    keys = [str(answered_response(invitation, submit=False).key) for invitation in invitations]
    ready = threading.Barrier(WRITERS)
    statuses = []

    def submit(invitation, key):
        try:
            client = Client()
            ready.wait(timeout=30)
            page = client.post(check_url(invitation.token), {"key": key})
            statuses.append((page.status_code, page.get("Location", "")))
        finally:
            connections.close_all()

    with threads_on_a_database_file(tmp_path) as path:
        threads = [threading.Thread(target=submit, args=pair) for pair in zip(invitations, keys, strict=True)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert len(statuses) == WRITERS
    assert all(status == 302 and location.endswith("/done/") for status, location in statuses), statuses
    with sqlite3.connect(path) as stored:
        [(submitted,)] = stored.execute("SELECT count(*) FROM surveys_response WHERE submitted_at IS NOT NULL")
    assert submitted == WRITERS


def _enter(survey, resident, key):
    return services.response_enter(
        key=key,
        survey=survey,
        resident=resident,
        mode=Mode.PAPER,
        language="English",
        received_on=None,
        answers=TSM_ANSWERS_NO_REPAIR,
        entered_by=None,
    )


@only_on_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.serial  # threads racing each other: timing-sensitive, so alone
@pytest.mark.parametrize("same_key", [False, True], ids=["two staff, two forms", "one form sent twice"])
def test_two_staff_entries_racing_end_in_one_response_and_a_message(same_key):
    """The first entry has inserted but not committed when the second one checks and inserts: the
    second waits on the unique index, then is told the resident has already answered (or, for the
    same form sent twice, gets the same response back). Never an IntegrityError (a 500)."""
    survey = tsm_survey()
    resident = ResidentFactory()
    InvitationFactory(survey=survey, resident=resident)
    first_key = uuid.uuid4()
    second_key = first_key if same_key else uuid.uuid4()
    inserted, release = threading.Event(), threading.Event()
    outcomes = {}

    def first():
        try:
            with transaction.atomic():
                _enter(survey, resident, first_key)
                inserted.set()
                release.wait(30)
            outcomes["first"] = "saved"
        finally:
            connections.close_all()

    def second():
        try:
            inserted.wait(30)
            response, created = _enter(survey, resident, second_key)
            outcomes["second"] = "saved" if created else f"the same response {response.pk}"
        except services.AlreadyResponded:
            outcomes["second"] = "already answered"
        except Exception as error:  # pragma: no cover - the failure being tested for
            outcomes["second"] = repr(error)
        finally:
            connections.close_all()

    side = side_connection()
    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    try:
        for thread in threads:
            thread.start()
        wait_for(lambda: other_backends(side, "wait_event_type = 'Lock'"), message="the second entry to wait")
    finally:
        release.set()
        for thread in threads:
            thread.join(60)
        side.close()
    [response] = survey.responses.filter(resident=resident)
    expected = f"the same response {response.pk}" if same_key else "already answered"
    assert outcomes == {"first": "saved", "second": expected}


@only_on_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.serial  # threads racing each other: timing-sensitive, so alone
def test_two_simultaneous_saves_from_the_same_page_cannot_both_pass():
    """Issue 24 item 3: the first save has claimed the row (UPDATE ... WHERE revision = n) but not
    committed when the second tries: the second waits on the row lock, then finds the revision
    moved on and is refused. Exactly one change is stored."""
    from core.concurrency import StaleEdit, save_unless_changed
    from engagement.models import SupportNeed
    from tests.engagement.factories import SupportNeedFactory

    need = SupportNeedFactory(description="As read")
    read_at = need.revision
    claimed, release = threading.Event(), threading.Event()
    outcomes = {}

    def first():
        try:
            with transaction.atomic():
                mine = SupportNeed.objects.get(pk=need.pk)
                mine.description = "First"
                save_unless_changed(mine, read_at, ["description"])
                claimed.set()
                release.wait(30)
            outcomes["first"] = "saved"
        finally:
            connections.close_all()

    def second():
        try:
            claimed.wait(30)
            mine = SupportNeed.objects.get(pk=need.pk)
            mine.description = "Second"
            save_unless_changed(mine, read_at, ["description"])
            outcomes["second"] = "saved"
        except StaleEdit as error:
            outcomes["second"] = error.changes
        finally:
            connections.close_all()

    side = side_connection()
    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    try:
        for thread in threads:
            thread.start()
        wait_for(lambda: other_backends(side, "wait_event_type = 'Lock'"), message="the second save to wait")
    finally:
        release.set()
        for thread in threads:
            thread.join(60)
        side.close()
    assert outcomes == {"first": "saved", "second": [("What the person needs", "First")]}
    stored = SupportNeed.objects.get(pk=need.pk)
    assert (stored.description, stored.revision) == ("First", read_at + 1)
