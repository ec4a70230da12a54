"""No page promises a format we cannot make (issue 27): easy read exists only for a survey whose every
question has its easy read, so the site-wide accessibility statement does not promise it, and the
letter and the invitation email name it only for such a survey (test_print_pack.py,
test_sending_email.py, test_easy_read.py)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_accessibility_statement_does_not_promise_easy_read(client):
    statement = client.get(reverse("accessibility")).content.decode()
    assert "You can answer our surveys on paper, in large print, in plain text, or by phone" in statement
    assert "easy read" not in statement.lower()
