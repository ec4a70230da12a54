"""Staff survey pages fill in "{landlord}" as residents' pages do (issue 27: the survey page, the
results and the builder showed it literally)."""

import pytest
from django.conf import settings
from django.urls import reverse

from surveys import services
from tests.surveys.factories import InvitationFactory, answered_response, tsm_survey

pytestmark = pytest.mark.django_db


def test_survey_results_and_builder_pages_show_the_landlords_name_not_the_placeholder(client, personas):
    survey = tsm_survey()
    answered_response(InvitationFactory(survey=survey))
    draft = services.survey_version_new(survey=survey)
    client.force_login(personas["insight_analyst"])
    for url in [
        reverse("surveys:detail", args=[survey.pk]),
        reverse("surveys:results", args=[survey.pk]),
        reverse("surveys:draft", args=[survey.pk]),
    ]:
        page = client.get(url)
        html = page.content.decode()
        assert page.status_code == 200, url
        assert "{landlord}" not in html, url
        assert f"service provided by {settings.LANDLORD_NAME}" in html, url
    assert draft.questions.filter(text__contains="{landlord}").exists()  # stored as written, filled in when shown


def test_the_invitations_page_shows_formats_and_interpreter_languages_by_name_not_code(client, personas):
    invitation = InvitationFactory(formats=["easy_read", "bsl"], interpreter_language="pl")
    client.force_login(personas["insight_analyst"])
    html = client.get(reverse("surveys:invitations", args=[invitation.survey_id])).content.decode()
    assert "Easy read, British Sign Language; interpreter: Polish" in html
    assert "easy_read" not in html
