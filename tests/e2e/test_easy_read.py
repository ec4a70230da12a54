"""A resident who asked for easy read answers a survey that has it (issue 27): each question page
shows the easy-read sentences as the question (its accessible name), the answers are found by their
labels, and every page meets the accessibility baseline."""

import pytest
from playwright.sync_api import expect

from surveys import services
from surveys.models import Invitation, Response
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import reachable_resident
from tests.surveys.factories import draft_survey, with_easy_read

pytestmark = pytest.mark.browser


@pytest.fixture
def easy_read_invitation(transactional_db):
    survey = with_easy_read(draft_survey())
    services.survey_version_publish(version=survey.versions.get())
    resident = reachable_resident(channels=["email"], formats=["easy_read"])
    services.invitations_create(survey=survey, residents=[resident])
    return Invitation.objects.get(survey=survey, resident=resident)


def test_a_resident_who_asked_for_easy_read_answers_every_question_in_easy_read(open_page, easy_read_invitation):
    invitation = easy_read_invitation
    page = open_page()
    page.goto(f"/surveys/answer/{invitation.token}/")
    page.get_by_role("button", name="Start now").click()

    answers = [
        ("Is your home warm enough? Tick yes or no.", "radio", "No"),
        ("What would make your home warmer? Write it in the box.", "textbox", "A new boiler"),
        ("Think about your heating. Are you happy with it?", "radio", "Fairly satisfied"),
        ("Is your heating easy to use?", "radio", "Agree"),
        ("Some rooms may be cold. How many rooms are cold?", "textbox", "2"),
        ("What heats your home?", "radio", "Gas"),
        ("Have you had help with heating? Tick all the help you had.", "checkbox", "Advice"),
    ]
    for question, kind, answer in answers:
        asked = (
            page.get_by_role("group", name=question)
            if kind != "textbox"
            else page.get_by_role("textbox", name=question)
        )
        expect(asked, question).to_be_visible()
        then_the_accessibility_baseline_is_met(page)
        if kind == "textbox":
            asked.fill(answer)
        else:
            page.get_by_label(answer, exact=True).check()
        page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Check your answers before sending them")).to_be_visible()
    expect(page.get_by_text("Some rooms may be cold. How many rooms are cold?", exact=True)).to_be_visible()
    assert page.get_by_text("How many rooms are cold?", exact=True).count() == 0  # not the standard wording
    then_the_accessibility_baseline_is_met(page)
    page.get_by_role("button", name="Send answers").click()
    response = Response.objects.get(invitation=invitation)
    assert response.is_submitted
    assert {a.question.code: a.value for a in response.answers.select_related("question")} == {
        "WARM": "no",
        "EXTRA": "A new boiler",
        "RATING": "fairly_satisfied",
        "AGREE": "agree",
        "ROOMS": "2",
        "FUEL": "gas",
        "HELP": "advice",
    }
