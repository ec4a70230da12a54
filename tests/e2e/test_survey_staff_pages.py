"""Staff survey pages with real data and with errors meet the accessibility baseline."""

import re
import uuid
from datetime import date

import pytest
from playwright.sync_api import expect

from surveys import services
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import ResidentFactory
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.browser


def test_results_with_answers_and_the_entry_form_with_errors_are_accessible(open_page, personas):
    survey = tsm_survey()
    for mode, value in [("paper", "very_satisfied"), ("phone_interpreter", "dont_know"), ("bsl", "neither")]:
        services.response_enter(
            key=uuid.uuid4(),
            survey=survey,
            resident=ResidentFactory(),
            mode=mode,
            language="pl",
            received_on=date(2026, 3, 1),
            answers={"TP01": value, "TP06": value},
            entered_by=personas["housing_officer"],
        )
    page = open_page(personas["insight_analyst"], width=320, height=640)
    page.goto(f"/surveys/{survey.pk}/results/")
    assert page.get_by_role("cell", name="Polish").count() == 0  # languages are row headers
    expect(page.get_by_role("rowheader", name="Polish")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    officer = open_page(personas["housing_officer"])
    officer.goto(f"/surveys/{survey.pk}/enter/")
    officer.get_by_role("button", name="Continue").click()
    expect(officer).to_have_title(re.compile(r"^Error: "))
    then_the_accessibility_baseline_is_met(officer)


def test_the_entry_form_shows_the_person_found_before_saving(open_page, personas):
    survey = tsm_survey()
    resident = ResidentFactory(first_name="Abena", last_name="Mensah", reference="P-42")
    officer = open_page(personas["contact_centre_agent"])
    officer.goto(f"/surveys/{survey.pk}/enter/")
    officer.get_by_label("Resident reference").check()
    officer.get_by_label("The reference or number").fill("P-42")
    officer.get_by_label("Paper").check()
    officer.get_by_label("Date the answers were given").fill("3/2/2026")
    officer.get_by_role("group", name="TP01.").get_by_label("Fairly satisfied").check()
    officer.get_by_role("button", name="Continue").click()
    expect(officer.get_by_role("heading", name="Is this the right resident?")).to_be_visible()
    expect(officer.get_by_text("Abena Mensah")).to_be_visible()
    then_the_accessibility_baseline_is_met(officer)
    officer.get_by_role("button", name="Yes, save this response").click()
    expect(officer.get_by_text("saved").first).to_be_visible()
    assert survey.responses.get().resident == resident
