"""A resident can see and change their answers until the survey closes: still one response, with a
record of what changed and when. The progress line counts only questions that will be asked."""

import pytest
from django.urls import reverse

from surveys import services
from surveys.models import AnswerChange, Response
from surveys.selectors import distribution
from tests.surveys import flow
from tests.surveys.factories import TSM_ANSWERS_NO_REPAIR, InvitationFactory, answered_response

pytestmark = pytest.mark.django_db


def test_opening_the_link_after_sending_shows_the_answers_with_change_links(client):
    invitation = InvitationFactory()
    flow.sent_from(client, invitation)
    page = client.get(flow.start_url(invitation.token), follow=True)
    html = page.content.decode()
    assert page.redirect_chain[-1][0] == flow.check_url(invitation.token)
    assert "Your answers" in html
    assert "Fairly satisfied" in html
    assert html.count(">Change<") == 16  # 15 answered and one optional question left blank
    assert "Not answered" in html
    assert flow.question_url(invitation.token, "TP01") + "?change=1" in html


def test_a_change_after_sending_is_kept_on_the_same_response_with_a_record(client):
    invitation = InvitationFactory()
    sent = flow.sent_from(client, invitation)
    key = str(sent.key)
    after_change = client.post(
        flow.question_url(invitation.token, "TP01") + "?change=1", {"key": key, "answer": "very_dissatisfied"}
    )
    assert after_change.url == flow.check_url(invitation.token)
    assert Response.objects.filter(survey=invitation.survey, resident=invitation.resident).count() == 1
    response = Response.objects.get(pk=sent.pk)
    assert response.submitted_at == sent.submitted_at
    assert response.answers.get(question__code="TP01").value == "very_dissatisfied"
    change = AnswerChange.objects.get(response=response)
    assert (change.question.code, change.old_value, change.new_value) == (
        "TP01",
        "fairly_satisfied",
        "very_dissatisfied",
    )
    assert change.changed_at >= sent.submitted_at
    # Giving the same answer again is not a change.
    client.post(flow.question_url(invitation.token, "TP01") + "?change=1", {"key": key, "answer": "very_dissatisfied"})
    assert AnswerChange.objects.filter(response=response).count() == 1


def test_a_change_that_opens_new_questions_asks_them_then_returns_to_the_answers(client):
    invitation = InvitationFactory()
    sent = flow.sent_from(client, invitation)
    key = str(sent.key)
    to_tp02 = client.post(
        flow.question_url(invitation.token, "REPAIR_12M") + "?change=1", {"key": key, "answer": "yes"}
    )
    assert to_tp02.url == flow.question_url(invitation.token, "TP02")
    to_tp03 = client.post(flow.question_url(invitation.token, "TP02"), {"key": key, "answer": "fairly_satisfied"})
    assert to_tp03.url == flow.question_url(invitation.token, "TP03")
    back = client.post(flow.question_url(invitation.token, "TP03"), {"key": key, "answer": "neither"})
    assert back.url == flow.check_url(invitation.token)
    changes = list(AnswerChange.objects.filter(response=sent).values_list("question__code", "old_value", "new_value"))
    assert changes == [("REPAIR_12M", "no", "yes"), ("TP02", "", "fairly_satisfied"), ("TP03", "", "neither")]
    # Back to "no": TP02 and TP03 are no longer asked, and their answers are dropped, with a record.
    client.post(flow.question_url(invitation.token, "REPAIR_12M") + "?change=1", {"key": key, "answer": "no"})
    assert not sent.answers.filter(question__code__in=["TP02", "TP03"]).exists()
    assert AnswerChange.objects.filter(response=sent, new_value="").count() == 2


def test_no_change_once_the_survey_closes(client):
    invitation = InvitationFactory()
    sent = answered_response(invitation)
    services.survey_close(survey=invitation.survey)
    page = client.get(flow.start_url(invitation.token))
    assert page.status_code == 410
    refused = client.post(flow.question_url(invitation.token, "TP01"), {"key": str(sent.key), "answer": "neither"})
    assert refused.status_code == 410
    assert sent.answers.get(question__code="TP01").value == "fairly_satisfied"


def test_the_confirmation_links_to_the_answers(client):
    invitation = InvitationFactory()
    flow.sent_from(client, invitation)
    html = client.get(reverse("surveys:answer_done", args=[invitation.token])).content.decode()
    assert f'href="{flow.check_url(invitation.token)}">See or change your answers' in html


def _progress(client, invitation, code):
    page = client.get(flow.question_url(invitation.token, code))
    return page.context["number"], page.context["count"], page.context["more_may_follow"]


def test_progress_counts_only_the_questions_that_will_be_asked(client):
    invitation = InvitationFactory()
    flow.start(client, invitation.token)
    # Rented home, no communal areas: 16 questions are certain; TP02, TP03 and TP09 hang on answers.
    assert _progress(client, invitation, "TP01") == (1, 16, True)
    flow.answer(client, invitation, "TP01", "fairly_satisfied")
    flow.answer(client, invitation, "REPAIR_12M", "no")
    assert _progress(client, invitation, "TP04") == (3, 16, True)
    for code in ["TP04", "TP05", "TP06", "TP07", "TP08"]:
        flow.answer(client, invitation, code, TSM_ANSWERS_NO_REPAIR[code])
    flow.answer(client, invitation, "COMPLAINT_12M", "yes")
    # The complaint question is settled: TP09 is now certain, and nothing else depends on an answer.
    assert _progress(client, invitation, "TP09") == (9, 17, False)
    page = client.get(flow.question_url(invitation.token, "TP09")).content.decode()
    assert "question 9 of 17" in page
    assert "Some questions depend on your earlier answers" not in page


def test_the_progress_line_says_some_questions_depend_on_earlier_answers(client):
    invitation = InvitationFactory()
    flow.start(client, invitation.token)
    page = client.get(flow.question_url(invitation.token, "TP01")).content.decode()
    assert "question 1 of 16" in page
    assert "Some questions depend on your earlier answers, so the number of questions may change." in page


def test_a_written_answer_with_semicolons_is_shown_whole_on_your_answers(client):
    """Issue 27: written answers were split at ";" as if they were several choices."""
    invitation = InvitationFactory()
    written = "The lift is broken; the stairs are dark; nobody came"
    flow.sent_from(client, invitation, {**TSM_ANSWERS_NO_REPAIR, "COMMENTS": written})
    page = client.get(flow.check_url(invitation.token))
    comments = [row["answers"] for row in page.context["rows"] if "lift" in str(row["answers"])]
    assert comments == [[written]]
    assert written in page.content.decode()
    # The results count it as one written answer, not three.
    free = {table["question"].code: table["total"] for table in distribution(invitation.survey) if table["free"]}
    assert free["COMMENTS"] == 1
