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
