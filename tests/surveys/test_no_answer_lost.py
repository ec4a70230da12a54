"""Double submit, the back button, coming back later and two tabs: one response, every answer."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from core.roles import RESIDENT
from surveys import services
from surveys.models import Answer, Response
from tests.core.factories import UserFactory
from tests.engagement.factories import ResidentFactory
from tests.surveys.factories import TSM_ANSWERS_NO_REPAIR, InvitationFactory, tsm_survey
from tests.surveys.flow import answer, check_url, question_url, response_of, start, start_url, submit, walk

pytestmark = pytest.mark.django_db

ANSWERS = {**TSM_ANSWERS_NO_REPAIR, "COMMENTS": "The caretaker is great."}


def stored(invitation):
    response = response_of(invitation)
    return {a.question.code: a.value for a in response.answers.select_related("question")}


def assert_one_complete_response(invitation, answers=ANSWERS):
    assert Response.objects.filter(survey=invitation.survey).count() == 1
    assert response_of(invitation).is_submitted
    assert stored(invitation) == answers


def test_submitting_twice_keeps_one_response_and_the_first_submission_time(client):
    invitation = InvitationFactory()
    walk(client, invitation, ANSWERS)
    first = submit(client, invitation)
    submitted_at = response_of(invitation).submitted_at
    second = submit(client, invitation)
    assert first.url == second.url == f"/surveys/answer/{invitation.token}/done/"
    assert response_of(invitation).submitted_at == submitted_at
    assert_one_complete_response(invitation)


def test_sending_the_same_answer_page_twice_stores_one_answer(client):
    invitation = InvitationFactory()
    start(client, invitation.token)
    answer(client, invitation, "TP01", "very_satisfied")
    answer(client, invitation, "TP01", "very_satisfied")
    assert Answer.objects.filter(response__survey=invitation.survey, question__code="TP01").count() == 1


def test_going_back_shows_the_saved_answer_and_a_changed_answer_replaces_it(client):
    invitation = InvitationFactory()
    start(client, invitation.token)
    answer(client, invitation, "TP01", "very_satisfied")
    answer(client, invitation, "REPAIR_12M", "no")
    back = client.get(question_url(invitation.token, "TP04"))
    assert back.context["back"] == question_url(invitation.token, "REPAIR_12M")
    page = client.get(question_url(invitation.token, "TP01"))
    assert page.context["form"]["answer"].value() == "very_satisfied"
    answer(client, invitation, "TP01", "fairly_dissatisfied")
    walk(client, invitation, {**ANSWERS, "TP01": "fairly_dissatisfied"})
    submit(client, invitation)
    assert_one_complete_response(invitation, {**ANSWERS, "TP01": "fairly_dissatisfied"})


def test_coming_back_later_without_the_session_carries_on_from_the_first_unanswered_question():
    invitation = InvitationFactory()
    first_visit = Client()
    start(first_visit, invitation.token)
    for code in ["TP01", "REPAIR_12M", "TP04"]:
        answer(first_visit, invitation, code, ANSWERS[code])
    later = Client()  # a new browser: no cookies, no session
    page = later.get(start_url(invitation.token))
    assert "You have already started" in page.content.decode()
    resumed = later.post(start_url(invitation.token), {"key": str(page.context["key"])})
    assert resumed.url == question_url(invitation.token, "TP05")
    walk(later, invitation, ANSWERS)
    submit(later, invitation)
    assert_one_complete_response(invitation)


def test_a_signed_in_resident_whose_session_times_out_keeps_their_answers(client):
    survey = tsm_survey()
    user = UserFactory()
    resident = ResidentFactory(user=user)
    user.groups.add(Group.objects.get(name=RESIDENT.name))
    client.force_login(user)
    begin = client.get(f"/surveys/{survey.pk}/begin/")
    first = client.post(f"/surveys/{survey.pk}/begin/", {"key": str(begin.context["key"])})
    invitation = survey.invitations.get(resident=resident)
    assert first.url == question_url(invitation.token, "TP01")
    answer(client, invitation, "TP01", "neither")
    client.logout()  # the session times out
    client.force_login(user)
    again = client.post(f"/surveys/{survey.pk}/begin/", {"key": str(begin.context["key"])})
    assert again.url == question_url(invitation.token, "REPAIR_12M")
    assert stored(invitation) == {"TP01": "neither"}


def test_two_tabs_share_one_response_and_a_late_answer_from_the_other_tab_is_kept():
    invitation = InvitationFactory()
    tab_one, tab_two = Client(), Client()
    # Both tabs open the start page (each with its own key) and press Start now. They are tabs of
    # one browser, so they share its cookies (and session).
    start(tab_one, invitation.token)
    tab_two.cookies = tab_one.cookies
    start(tab_two, invitation.token)
    assert Response.objects.filter(survey=invitation.survey).count() == 1
    answer(tab_one, invitation, "TP01", "fairly_satisfied")
    answer(tab_two, invitation, "REPAIR_12M", "no")
    walk(tab_one, invitation, ANSWERS)
    submit(tab_one, invitation)
    # The second tab, still open on an earlier page, changes an answer and sends again.
    answer(tab_two, invitation, "TP05", "very_satisfied")
    assert submit(tab_two, invitation).url.endswith("/done/")
    assert_one_complete_response(invitation, {**ANSWERS, "TP05": "very_satisfied"})


def test_starting_twice_at_the_service_level_returns_the_same_response():
    invitation = InvitationFactory()
    one = services.response_start(invitation=invitation, key=None, language="en-gb")
    two = services.response_start(invitation=invitation, key=None, language="en-gb")
    assert one.pk == two.pk


def test_an_answer_page_sent_with_another_responses_key_is_refused_and_not_stored(client):
    mine, theirs = InvitationFactory(), InvitationFactory()
    start(client, mine.token)
    start(client, theirs.token)
    wrong_key = str(response_of(theirs).key)
    refused = client.post(question_url(mine.token, "TP01"), {"key": wrong_key, "answer": "very_satisfied"})
    assert refused.status_code == 404
    assert Answer.objects.count() == 0


def test_an_unanswered_question_shows_the_error_and_keeps_the_others(client):
    invitation = InvitationFactory()
    start(client, invitation.token)
    answer(client, invitation, "TP01", "neither")
    page = client.post(question_url(invitation.token, "REPAIR_12M"), {"key": str(response_of(invitation).key)})
    html = page.content.decode()
    assert page.status_code == 200
    assert "<title>Error: " in html
    assert "Select yes or no" in html
    assert stored(invitation) == {"TP01": "neither"}


def test_check_page_with_a_missing_answer_sends_the_resident_to_it(client):
    invitation = InvitationFactory()
    start(client, invitation.token)
    answer(client, invitation, "TP01", "neither")
    assert client.get(check_url(invitation.token)).url == question_url(invitation.token, "REPAIR_12M")
    assert submit(client, invitation).url == question_url(invitation.token, "REPAIR_12M")
    assert not response_of(invitation).is_submitted
