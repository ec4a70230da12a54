"""One response per person, whatever the route (issue 27), in a real browser: a resident starts
online and never sends it, then returns the paper form; staff enter it by the reference printed on
it. One response counts, with mode paper, and the resident's link says their answers arrived."""

import pytest
from playwright.sync_api import expect

from surveys.models import Response, SetAsideDraft
from surveys.references import questionnaire_reference
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import ResidentFactory
from tests.surveys.factories import InvitationFactory, tsm_survey

pytestmark = pytest.mark.browser


def test_a_resident_starts_online_then_their_paper_form_is_entered_by_its_printed_reference(open_page, personas):
    survey = tsm_survey()
    invitation = InvitationFactory(survey=survey, resident=ResidentFactory(first_name="Abena", last_name="Mensah"))
    resident = open_page()
    resident.goto(f"/surveys/answer/{invitation.token}/")
    resident.get_by_role("button", name="Start now").click()
    resident.get_by_role("group").get_by_label("Very dissatisfied").check()
    resident.get_by_role("button", name="Continue").click()
    resident.wait_for_url("**/REPAIR_12M/")  # one answer kept online, and the survey never sent

    officer = open_page(personas["contact_centre_agent"])
    officer.goto(f"/surveys/{survey.pk}/enter/")
    officer.get_by_label("Questionnaire reference").check()
    # Typed as a person reads it off the paper: lower case, spaces round the dashes.
    officer.get_by_label("The reference or number").fill(
        questionnaire_reference(invitation).lower().replace("-", " - ")
    )
    officer.get_by_label("Paper").check()
    officer.get_by_label("Date the answers were given").fill("3/2/2026")
    officer.get_by_role("group", name="TP01.").get_by_label("Fairly satisfied").check()
    officer.get_by_role("button", name="Continue").click()
    expect(officer.get_by_role("heading", name="Is this the right resident?")).to_be_visible()
    expect(officer.get_by_text("Abena Mensah")).to_be_visible()
    then_the_accessibility_baseline_is_met(officer)
    officer.get_by_role("button", name="Yes, save this response").click()
    expect(officer.get_by_text("those answers are kept aside and not counted")).to_be_visible()
    then_the_accessibility_baseline_is_met(officer)

    counted = Response.objects.get(survey=survey)
    assert (counted.mode, counted.is_submitted, counted.answers.get().value) == ("paper", True, "fairly_satisfied")
    assert SetAsideDraft.objects.get().answers == {"TP01": "very_dissatisfied"}

    resident.goto(f"/surveys/answer/{invitation.token}/")
    expect(resident.get_by_role("heading", name="We already have your answers")).to_be_visible()
    expect(resident.get_by_text("Your answers reached us on a paper form on 3 February 2026")).to_be_visible()
    assert resident.get_by_role("button", name="Start now").count() == 0
    then_the_accessibility_baseline_is_met(resident)
    assert Response.objects.filter(survey=survey).count() == 1
