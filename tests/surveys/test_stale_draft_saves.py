"""A survey draft's question edited in two tabs keeps the first edit (issue 24 item 3)."""

import pytest
from django.urls import reverse

from surveys.models import Question
from tests.stale import assert_refused, revision_on
from tests.surveys.factories import draft_survey

pytestmark = pytest.mark.django_db

ROOMS = {
    "code": "ROOMS",
    "hint": "",
    "kind": "free_text",
    "choices": "",
    "required": "on",
    "asked_if_code": "",
    "asked_if_answer": "",
    "asked_of": "everyone",
}


def test_a_stale_save_of_a_draft_question_is_refused(client, personas):
    survey = draft_survey()
    client.force_login(personas["insight_analyst"])
    url = reverse("surveys:question_edit", args=[survey.pk, "ROOMS"])
    question = Question.objects.get(version__survey=survey, code="ROOMS")
    ROOMS["kind"] = question.kind
    first_tab, second_tab = revision_on(client.get(url)), revision_on(client.get(url))
    first = client.post(url, {**ROOMS, "revision": first_tab, "text": "How many bedrooms does your home have?"})
    assert first.status_code == 302, first.context["form"].errors
    second = client.post(url, {**ROOMS, "revision": second_tab, "text": "How many rooms?"})
    html = assert_refused(second, "is now saved as: How many bedrooms does your home have?")
    assert "How many rooms?" in html
    assert Question.objects.get(pk=question.pk).text == "How many bedrooms does your home have?"
