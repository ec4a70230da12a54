"""Celery tasks as a flaky network delivers them, and the service with Redis down.

Tasks are run with task.apply() (in this process, whatever the broker) as BRIEFING asks; the
broker tests point the Celery app at a port where nothing listens, then at the real Redis when
one is configured (CI) or answers locally.
"""

import os
from contextlib import contextmanager

import pytest
from django.db.utils import OperationalError
from kombu import Connection

from config.celery import app as celery_app
from inequities import services as inequities_services
from inequities import tasks as inequities_tasks
from inequities.models import Snapshot
from surveys import tasks as survey_tasks
from surveys import transactional
from surveys.models import Answer, Invitation, Response
from tests.engagement.factories import ResidentFactory
from tests.surveys.factories import TSM_ANSWERS_NO_REPAIR, InvitationFactory, transactional_survey
from tests.surveys.flow import submit, walk

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:1/0"  # nothing listens on port 1
ANSWERS = {**TSM_ANSWERS_NO_REPAIR, "COMMENTS": "Fine."}
REAL_BROKER = os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/5"


@pytest.mark.parametrize("task", [inequities_tasks.recompute, survey_tasks.invite_after_repairs], ids=lambda t: t.name)
def test_every_task_is_acknowledged_late_and_retried_with_backoff_on_database_errors(task):
    assert task.acks_late is True
    assert task.reject_on_worker_lost is True
    assert OperationalError in task.autoretry_for
    assert (task.retry_backoff, task.retry_backoff_max, task.retry_jitter, task.max_retries) == (2, 300, True, 5)


def run_as_a_worker_would(task):
    """apply(), with a failure kept in the result (as a worker does) rather than raised here."""
    saved = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False  # the retries apply() runs read it from here
    try:
        return task.apply()
    finally:
        celery_app.conf.task_eager_propagates = saved


def test_the_recompute_is_retried_when_the_database_is_away_and_then_completes(monkeypatch):
    calls = []
    real = inequities_services.recompute

    def database_away_twice(**kwargs):
        calls.append(kwargs)
        if len(calls) <= 2:
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    monkeypatch.setattr(inequities_tasks, "recompute_figures", database_away_twice)
    result = run_as_a_worker_would(inequities_tasks.recompute)
    assert result.successful()
    assert len(calls) == 3
    assert Snapshot.objects.count() == 1
    assert result.get() == Snapshot.objects.get().pk


def test_the_recompute_gives_up_after_five_retries(monkeypatch):
    calls = []

    def database_gone(**kwargs):
        calls.append(kwargs)
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(inequities_tasks, "recompute_figures", database_gone)
    result = run_as_a_worker_would(inequities_tasks.recompute)
    assert result.failed()
    assert isinstance(result.result, OperationalError)
    assert len(calls) == 6  # the first run and five retries
    assert Snapshot.objects.count() == 0


def test_the_recompute_delivered_twice_writes_one_snapshot():
    first = inequities_tasks.recompute.apply(task_id="job-1")
    again = inequities_tasks.recompute.apply(task_id="job-1")
    assert first.get() == again.get()
    assert Snapshot.objects.count() == 1
    other = inequities_tasks.recompute.apply(task_id="job-2")
    assert other.get() != first.get()
    assert Snapshot.objects.count() == 2


def test_invitations_after_repairs_delivered_twice_invite_each_resident_once(monkeypatch):
    survey = transactional_survey()
    residents = [ResidentFactory() for _ in range(3)]
    from datetime import timedelta

    from django.utils import timezone

    completed = timezone.localdate() - timedelta(days=1)
    monkeypatch.setattr(
        transactional,
        "completed_repairs",
        lambda since: [transactional.CompletedRepair(r, f"R{r.pk}", completed) for r in residents],
    )
    survey_tasks.invite_after_repairs.apply(task_id="daily")
    survey_tasks.invite_after_repairs.apply(task_id="daily")
    assert Invitation.objects.filter(survey=survey).count() == 3


# Redis down ------------------------------------------------------------------------------------


@contextmanager
def broker_at(url):
    """Point the Celery app at `url`, with tasks queued (not run in-process), for the block."""
    conf = celery_app.conf
    saved = conf.broker_url, conf.task_always_eager
    saved_environment = os.environ.get("CELERY_BROKER_URL")
    os.environ["CELERY_BROKER_URL"] = url  # Celery reads the environment before its own settings

    def reset_pools():
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    conf.broker_url, conf.task_always_eager = url, False
    reset_pools()
    try:
        yield
    finally:
        conf.broker_url, conf.task_always_eager = saved
        if saved_environment is None:
            del os.environ["CELERY_BROKER_URL"]
        else:
            os.environ["CELERY_BROKER_URL"] = saved_environment
        reset_pools()


def redis_answers(url):
    try:
        with Connection(url, connect_timeout=1) as connection:
            connection.ensure_connection(max_retries=0)
        return True
    except Exception:
        return False


def test_with_redis_down_pages_and_survey_answers_work_and_a_recompute_request_says_so(client, personas, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = CLOSED_PORT
    with broker_at(CLOSED_PORT):
        client.force_login(personas["insight_analyst"])
        asked = client.post("/insight/figures/recompute/", follow=True)
        assert asked.status_code == 200
        assert "could not be recomputed now: the job queue is not answering" in asked.content.decode()
        assert client.get("/insight/figures/").status_code == 200
        health = client.get("/healthz")
        assert (health.status_code, health.json()["status"], health.json()["broker"]) == (
            503,
            "degraded",
            "unreachable",
        )
        # A resident answers a survey from start to finish: nothing in it needs the broker.
        invitation = InvitationFactory()
        walk(client, invitation, ANSWERS)
        done = submit(client, invitation)
        assert done.status_code == 302 and done.url.endswith("/done/")
        response = Response.objects.get(survey=invitation.survey)
        assert response.is_submitted
        assert Answer.objects.filter(response=response).count() == len(ANSWERS)


@pytest.mark.skipif(not redis_answers(REAL_BROKER), reason=f"no Redis answering at {REAL_BROKER}")
@pytest.mark.serial  # counts the shared Redis queue, which a parallel test may also be writing to
def test_when_redis_is_back_the_recompute_request_is_queued(client, personas, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = REAL_BROKER
    client.force_login(personas["insight_analyst"])
    with broker_at(REAL_BROKER):
        with Connection(REAL_BROKER) as connection:
            queue = connection.default_channel.client
            before = queue.llen("celery")
            asked = client.post("/insight/figures/recompute/", follow=True)
            assert "The figures are being recomputed" in asked.content.decode()
            assert queue.llen("celery") == before + 1
            queue.rpop("celery")  # ours is the newest; no worker runs in the tests
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "broker": "ok"}


def test_a_dead_workers_task_is_looked_for_on_every_sweep_not_one_in_ten():
    """kombu scans for unacknowledged tasks only on every tenth ten-second check unless told
    otherwise: with the throttle at 1, CELERY_RESTORE_SWEEP_SECONDS alone sets the period."""
    options = celery_app.conf.broker_transport_options
    assert options["unacked_restore_throttle"] == 1
    assert options["unacked_restore_interval"] == 100
    assert options["visibility_timeout"] == 3600
