"""Personal links are unguessable, single-respondent and expiring; missing translations show English."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from surveys import services
from surveys.models import Question, Response
from tests.surveys.factories import InvitationFactory, tsm_survey
from tests.surveys.flow import answer, question_url, start, start_url

pytestmark = pytest.mark.django_db


def test_links_carry_256_random_bits_and_are_all_different():
    tokens = {InvitationFactory(survey=tsm_survey()).token for _ in range(3)}
    survey = tsm_survey()
    tokens |= {InvitationFactory(survey=survey).token for _ in range(20)}
    assert len(tokens) == 23
    assert all(len(token) == 43 for token in tokens)  # an HMAC-SHA256 of a random nonce: 32 bytes, base64url


def test_an_unknown_link_is_not_found(client):
    assert client.get(start_url("not-a-real-token")).status_code == 404


def test_an_expired_link_says_so_and_cannot_start_a_response(client):
    invitation = InvitationFactory(expires_at=timezone.now() - timedelta(minutes=1))
    page = client.get(start_url(invitation.token))
    assert page.status_code == 410
    assert "This link has expired" in page.content.decode()
    assert client.post(start_url(invitation.token), {"key": ""}).status_code == 410
    assert not Response.objects.exists()


def test_a_closed_survey_takes_no_more_answers(client):
    invitation = InvitationFactory()
    start(client, invitation.token)
    invitation.survey.closed_at = timezone.now()
    invitation.survey.save()
    assert answer(client, invitation, "TP01", "neither").status_code == 410


def test_a_link_opens_only_its_own_residents_response(client):
    mine, theirs = InvitationFactory(), InvitationFactory(survey=tsm_survey())
    start(client, mine.token)
    start(client, theirs.token)
    answer(client, theirs, "TP01", "very_dissatisfied")
    page = client.get(question_url(mine.token, "TP01"))
    assert page.context["form"]["answer"].value() is None
    assert Response.objects.get(invitation=mine).resident == mine.resident


def test_links_expire_after_the_configured_number_of_days():
    survey = tsm_survey()
    [invitation] = services.invitations_create(survey=survey, residents=[InvitationFactory().resident])
    expected = timezone.now() + timedelta(days=settings.SURVEY_LINK_DAYS)
    assert abs((invitation.expires_at - expected).total_seconds()) < 60


@pytest.fixture
def partly_welsh():
    """TP01 translated into Welsh with one answer label missing; REPAIR_12M not translated at all."""
    survey = tsm_survey()
    survey.translations = {"cy": {"title": "Arolwg bodlonrwydd tenantiaid", "purpose": ""}}
    survey.save()
    question = Question.objects.get(version__survey=survey, code="TP01")
    question.translations = {
        "cy": {
            "text": "Ar y cyfan, pa mor fodlon neu anfodlon ydych chi â'r gwasanaeth gan {landlord}?",
            "choices": {"very_satisfied": "Bodlon iawn", "fairly_satisfied": "  "},
        }
    }
    question.save()
    return InvitationFactory(survey=survey)


def test_a_survey_partly_in_welsh_is_not_offered_in_welsh_and_reads_wholly_in_english(client, partly_welsh):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"  # Welsh is not offered: the cookie is ignored
    invitation = partly_welsh
    start_page = client.get(start_url(invitation.token)).content.decode()
    assert "Arolwg bodlonrwydd tenantiaid" not in start_page
    assert "Cymraeg" not in start_page
    assert "?language=cy" not in client.get(start_url(invitation.token) + "?language=cy").content.decode()
    start(client, invitation.token)
    page = client.get(question_url(invitation.token, "TP01"))
    labels = dict(page.context["form"].fields["answer"].choices)
    assert "Ar y cyfan" not in page.content.decode()
    assert labels["very_satisfied"] == "Very satisfied"
    assert Response.objects.get().language == "en-gb"


def test_a_blank_translation_falls_back_to_the_english_never_a_blank(partly_welsh):
    question = Question.objects.get(version__survey=partly_welsh.survey, code="TP01")
    labels = dict(question.choices_in("cy"))
    assert labels["very_satisfied"] == "Bodlon iawn"
    assert labels["fairly_satisfied"] == "Fairly satisfied"
    assert partly_welsh.survey.purpose_in("cy").startswith("Every year we ask residents")
