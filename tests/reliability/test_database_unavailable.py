"""What a person sees while the database is away for a moment, on every database engine."""

import pytest
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_a_database_error_in_a_view_is_a_503_saying_try_again(client, monkeypatch):
    """On every database: what a person sees while PostgreSQL restarts (the real restart is in
    tests/reliability/test_database_faults.py and scripts/fault_postgres_restart.sh)."""
    from surveys.views import answer

    def database_away(token):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(answer, "_invitation", database_away)
    response = client.get("/surveys/answer/any-link/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Try again in a minute" in response.content.decode()


def test_a_database_error_after_the_view_is_a_503_too_and_other_errors_stay_500(monkeypatch, settings):
    """Saving the session happens after the view, outside DatabaseUnavailableMiddleware: bench/
    cluster.py saw a 500 there while the primary restarted. Django's 500 handler now answers it."""
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.test import Client

    settings.DEBUG = False
    client = Client(raise_request_exception=False)

    def session_not_saved(self, request, response):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(SessionMiddleware, "process_response", session_not_saved)
    response = client.get("/accessibility/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Try again in a minute" in response.content.decode()

    def broken(self, request, response):
        raise ValueError("a bug, not the database")

    monkeypatch.setattr(SessionMiddleware, "process_response", broken)
    response = client.get("/accessibility/")
    assert response.status_code == 500
    assert "Try again in a minute" not in response.content.decode()
