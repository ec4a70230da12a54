"""Routing: residents are asked only what the TSM rules ask of them."""

import pytest

from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.surveys.factories import TSM_ANSWERS_NO_REPAIR, InvitationFactory
from tests.surveys.flow import check_url, question_url, start, walk

pytestmark = pytest.mark.django_db

EVERY_ANSWER = {
    **TSM_ANSWERS_NO_REPAIR,
    "TP02": "fairly_satisfied",
    "TP03": "neither",
    "TP09": "very_dissatisfied",
    "TP10": "fairly_satisfied",
    "COMMENTS": "",
}


def invitation_for(scheme="general_needs", communal=False):
    home = HomeFactory(scheme_type=scheme, has_communal_areas=communal)
    return InvitationFactory(resident=ResidentFactory(household=HouseholdFactory(home=home)))


def test_a_resident_with_no_repair_in_12_months_is_never_asked_tp02_or_tp03(client):
    invitation = invitation_for()
    shown = walk(client, invitation, EVERY_ANSWER)
    assert shown[:3] == ["TP01", "REPAIR_12M", "TP04"]
    assert "TP02" not in shown and "TP03" not in shown
    # Typing the address of TP02 does not show it either: the resident is sent on to where they are.
    response = client.get(question_url(invitation.token, "TP02"))
    assert response.status_code == 302 and response.url == check_url(invitation.token)
    page = client.get(check_url(invitation.token)).content.decode()
    assert "overall repairs service" not in page


def test_a_resident_with_a_repair_is_asked_tp02_and_tp03_next(client):
    invitation = invitation_for()
    shown = walk(client, invitation, {**EVERY_ANSWER, "REPAIR_12M": "yes"})
    assert shown[:5] == ["TP01", "REPAIR_12M", "TP02", "TP03", "TP04"]


def test_complaint_filter_routes_tp09_and_communal_areas_route_tp10(client):
    invitation = invitation_for(communal=True)
    shown = walk(client, invitation, {**EVERY_ANSWER, "COMPLAINT_12M": "yes"})
    assert shown[shown.index("COMPLAINT_12M") + 1 : shown.index("COMPLAINT_12M") + 3] == ["TP09", "TP10"]
    assert "TP10" not in walk(client, invitation_for(communal=False), EVERY_ANSWER)


def test_shared_owners_are_not_asked_the_rented_home_measures(client):
    shown = walk(client, invitation_for("shared_ownership"), EVERY_ANSWER)
    assert shown[:2] == ["TP01", "TP05"]
    assert not {"REPAIR_12M", "TP02", "TP03", "TP04"} & set(shown)


def test_changing_the_filter_answer_to_yes_asks_the_new_questions_then_returns_to_check(client):
    invitation = invitation_for()
    walk(client, invitation, EVERY_ANSWER)
    key = str(invitation.survey.responses.get().key)
    changed = client.post(question_url(invitation.token, "REPAIR_12M") + "?change=1", {"key": key, "answer": "yes"})
    assert changed.url == question_url(invitation.token, "TP02")


def test_a_question_page_without_a_started_response_goes_to_the_start_page(client):
    invitation = invitation_for()
    response = client.get(question_url(invitation.token, "TP01"))
    assert response.url == f"/surveys/answer/{invitation.token}/"
    start(client, invitation.token)
    assert client.get(question_url(invitation.token, "TP01")).status_code == 200
