"""Published versions stay as answered; the same version as plain text, print, large print and phone script."""

import pytest
from django.urls import reverse

from surveys import services
from surveys.models import Question
from tests.surveys.factories import InvitationFactory, answered_response, draft_survey, tsm_survey

pytestmark = pytest.mark.django_db


def test_an_edit_makes_a_new_version_and_earlier_answers_stay_with_theirs(client, personas):
    survey = tsm_survey()
    earlier = answered_response(InvitationFactory(survey=survey))
    client.force_login(personas["administrator"])
    response = client.post(reverse("surveys:new_version", args=[survey.pk]))
    draft = survey.versions.get(number=2)
    assert response.url == reverse("surveys:draft", args=[survey.pk])
    assert survey.current_version.number == 1  # a draft is not answered until published
    Question.objects.filter(version=draft, code="TP01").update(text="Changed wording")
    services.survey_version_publish(version=draft)
    later = answered_response(InvitationFactory(survey=survey))
    assert (earlier.version.number, later.version.number) == (1, 2)
    assert earlier.answers.get(question__code="TP01").question.text.startswith("Taking everything into account")
    assert later.answers.get(question__code="TP01").question.text == "Changed wording"


def test_a_published_versions_questions_cannot_be_changed_in_the_builder(client, personas):
    survey = tsm_survey()
    client.force_login(personas["administrator"])
    page = client.get(reverse("admin:surveys_surveyversion_change", args=[survey.current_version.pk]))
    assert page.status_code == 200
    assert 'name="questions-0-text"' not in page.content.decode()


def test_the_plain_text_version_is_one_page_of_text_with_routing_in_words(client):
    survey = tsm_survey()
    response = client.get(reverse("surveys:text_version", args=[survey.pk]))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert (
        "1. Taking everything into account, how satisfied or dissatisfied are you with the service provided by Northfield Homes?"
        in text
    )
    assert "(Only for tenants of rented homes. Only answer this if you answered “Yes” to question 2.)" in text
    assert "   - Very satisfied" in text
    assert "<" not in text


def test_the_printable_form_has_a_large_print_variant(client):
    survey = tsm_survey()
    standard = client.get(reverse("surveys:print_version", args=[survey.pk])).content.decode()
    large = client.get(reverse("surveys:print_version", args=[survey.pk]) + "?size=large").content.decode()
    assert "app-printed--large" not in standard
    assert "app-printed--large" in large
    assert "Very satisfied" in large


def test_the_phone_script_says_when_not_to_offer_dont_know_and_how_to_use_an_interpreter(client, personas):
    survey = tsm_survey()
    client.force_login(personas["contact_centre_agent"])
    page = client.get(reverse("surveys:phone_script", args=[survey.pk])).content.decode()
    assert "interpreter" in page
    assert "Do not offer “don't know”; record it only if said unprompted." in page
    assert "You may offer “don't know / not applicable”." in page


def test_an_unpublished_survey_has_no_public_formats(client):
    survey = services.survey_create(
        definition={"title": "Draft", "purpose": "p", "kind": "pulse"}, questions=[], publish=False
    )
    assert client.get(reverse("surveys:text_version", args=[survey.pk])).status_code == 404


def test_a_resident_sees_open_surveys_and_where_they_are(client, personas):
    survey = tsm_survey()
    client.force_login(personas["resident"])
    page = client.get(reverse("surveys:mine")).content.decode()
    assert "Tenant satisfaction survey" in page and "Not started" in page
    assert reverse("surveys:begin", args=[survey.pk]) in page


def test_the_survey_page_offers_each_change_once(client, personas):
    """The page lists the versions, then one "Change the survey" section: one way to make a new
    version and one way to close (a broken template once repeated them thousands of times)."""
    survey = tsm_survey()
    client.force_login(personas["administrator"])
    page = client.get(reverse("surveys:detail", args=[survey.pk])).content.decode()
    assert page.count("Change the survey</h2>") == 1
    assert page.count("Make a new version to edit") == 1
    assert page.count("Close the survey") == 1
    assert page.count("How the survey was run") == 1
    assert page.count(f'action="{reverse("surveys:close", args=[survey.pk])}"') == 1


def test_each_question_with_boxes_says_how_many_to_tick_and_the_text_version_gives_our_address(client):
    survey = draft_survey()
    services.survey_version_publish(version=survey.versions.get())
    form = client.get(reverse("surveys:print_version", args=[survey.pk]) + "?size=large").content.decode()
    assert form.count("<strong>Tick all that apply.</strong>") == 1  # What help have you had?
    # yes/no, satisfaction, agreement and single choice: one box each; free text and number: none
    assert form.count("<strong>Tick one.</strong>") == 4
    text = client.get(reverse("surveys:text_version", args=[survey.pk])).content.decode()
    assert "7. What help have you had?\n   Tick all that apply.\n   - A grant\n   - Advice" in text
    assert "6. How is your home heated?\n   Tick one.\n   - Gas" in text
    assert "post it back to us at:\n   Northfield Homes\n   Northfield House, 1 Park Row, Leeds LS1 5AB" in text
    assert "Or call us on 0113 496 0000" in text
    assert "email" not in text
