"""Residents answering at the same time as the figures are recomputed: every answer stored once.

Each resident answers in two browsers at once (the double click, the second device), from
threads with their own database connections, while another thread recomputes the figures again
and again. Then the answers are counted. A browser that did not send the answers is told they
were sent and is not shown them (issue 24: sent answers are read only with proof).
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client

from inequities.models import Snapshot
from inequities.services import latest_snapshot
from surveys.models import Answer, Response
from tests.figures import recompute_over_a_year
from tests.reliability.htmlforms import forms_on
from tests.reliability.postgres import only_on_postgresql
from tests.surveys.factories import TSM_ANSWERS_NO_REPAIR, InvitationFactory, tsm_survey
from tests.surveys.flow import answer, check_url, code_of, start_url, submit

pytestmark = pytest.mark.django_db

RESIDENTS = 6
TABS = 2
ANSWERS = {**TSM_ANSWERS_NO_REPAIR, "COMMENTS": "Answered under load; ' quotes \" and ; semicolons"}


def told_already_sent(page):
    """The page a browser that did not send the answers gets once the other one has."""
    return page.status_code == 200 and "Your answers were sent" in page.content.decode()


def walk_reading_the_page(client, invitation):
    """tests/surveys/flow.walk, but the start key read from the page's HTML: the test client's
    captured context is shared by every thread's renders, so under load it can be another tab's.
    Returns False when the other browser sent the answers first."""
    page = client.get(start_url(invitation.token))
    if told_already_sent(page):
        return False
    [form] = [form for form in forms_on(page.content.decode()) if "key" in form.hidden]
    step = client.post(start_url(invitation.token), {"key": form.hidden["key"]})
    while not told_already_sent(step) and step.url != check_url(invitation.token):
        code = code_of(step.url, invitation.token)
        step = answer(client, invitation, code, ANSWERS[code])
    return not told_already_sent(step)


@only_on_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.serial  # threads racing each other: timing-sensitive, so alone
def test_concurrent_answers_while_the_recompute_runs_are_each_stored_once(settings, exact_figures):
    settings.INEQUITIES_MIN_DENOMINATOR, settings.INEQUITIES_MAX_SMALL = 1, 0  # show every count
    survey = tsm_survey()
    invitations = [InvitationFactory(survey=survey) for _ in range(RESIDENTS)]
    recompute_over_a_year()  # figures already being served, as in production
    done = threading.Event()
    recomputes, failures, outcomes = [], [], []

    def recompute_again_and_again():
        try:
            while not done.is_set():
                recomputes.append(recompute_over_a_year())
        except Exception as error:  # pragma: no cover - reported below
            failures.append(error)
        finally:
            connections.close_all()

    def tab(invitation):
        try:
            client = Client()
            response = submit(client, invitation) if walk_reading_the_page(client, invitation) else None
            if response is None or told_already_sent(response):
                outcomes.append("told already sent")
            else:
                assert response.status_code == 302 and response.url.endswith("/done/"), response
                outcomes.append("sent")
        finally:
            connections.close_all()

    began = time.monotonic()
    worker = threading.Thread(target=recompute_again_and_again)
    worker.start()
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            for result in [pool.submit(tab, invitation) for invitation in invitations for _tab in range(TABS)]:
                result.result(timeout=120)  # re-raises any tab's failure
    finally:
        done.set()
        worker.join(120)
    assert failures == []
    assert outcomes.count("sent") >= RESIDENTS and len(outcomes) == RESIDENTS * TABS
    seconds = time.monotonic() - began
    ran = [snapshot for snapshot in recomputes if snapshot is not None]
    assert ran, "the recompute should have run at least once while residents answered"

    responses = Response.objects.filter(survey=survey)
    assert responses.count() == RESIDENTS
    assert responses.filter(submitted_at__isnull=False).count() == RESIDENTS
    assert Answer.objects.filter(response__survey=survey).count() == RESIDENTS * len(ANSWERS)
    for response in responses:
        stored = dict(response.answers.values_list("question__code", "value"))
        assert stored == ANSWERS
    print(
        f"\n{RESIDENTS * len(ANSWERS)} answers from {RESIDENTS * TABS} tabs stored once each in {seconds:.1f}s "
        f"while the recompute ran {len(recomputes)} times, writing {len(ran)} snapshots"
    )
    # The figures being served are one complete snapshot, and a last recompute counts everyone.
    assert latest_snapshot() == Snapshot.objects.order_by("-computed_at", "-pk").first()
    final = recompute_over_a_year()
    everyone = final.figures.get(metric="invitation_response", dimension="disability", group="all", region="all")
    assert (everyone.numerator, everyone.denominator) == (RESIDENTS, RESIDENTS)


def test_a_start_key_already_used_by_someone_else_starts_a_response_of_its_own(client):
    """Found by the load test: a start form carrying another response's key was a server error."""
    first, second = InvitationFactory(), InvitationFactory()
    page = client.get(start_url(first.token))
    key = page.context["key"]
    client.post(start_url(first.token), {"key": str(key)})
    replayed = client.post(start_url(second.token), {"key": str(key)})
    assert replayed.status_code == 302
    theirs = Response.objects.get(resident=second.resident)
    assert theirs.key != key
    assert Response.objects.get(resident=first.resident).key == key
