"""No page promises a format we cannot make: no survey has an easy-read version, so nothing offers one
(issue 27). The letter and the invitation email are checked where they are made
(test_print_pack.py, test_sending_email.py)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_accessibility_statement_does_not_promise_easy_read(client):
    statement = client.get(reverse("accessibility")).content.decode()
    assert "You can answer our surveys on paper, in large print, in plain text, or by phone" in statement
    assert "easy read" not in statement.lower()
