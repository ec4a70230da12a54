"""An analyst builds a three-question survey with one routed question in the browser, gives it a
Polish translation through a PO file, previews and publishes it; a resident answers it in Polish by
keyboard with JavaScript off; the results count the answers. Every builder page meets the baseline."""

import polib
import pytest
from playwright.sync_api import expect

from core.roles import INSIGHT_ANALYST
from surveys.models import Response, Survey
from tests.core.factories import UserFactory
from tests.e2e.conftest import tab_until_focused, then_the_accessibility_baseline_is_met
from tests.surveys.factories import InvitationFactory

pytestmark = pytest.mark.browser


def tab_to_role(page, role, name, limit=40):
    """Press Tab until this control has focus."""
    tab_until_focused(page, page.get_by_role(role, name=name, exact=True), repr(name), limit)


def add_question(page, survey, *, code, text, kind, choices="", asked_if=("", "")):
    page.goto(f"/surveys/{survey.pk}/draft/questions/add/")
    then_the_accessibility_baseline_is_met(page)
    page.get_by_label("Code", exact=True).fill(code)
    page.get_by_label("Question", exact=True).fill(text)
    page.get_by_label(kind, exact=True).check()
    if choices:
        page.get_by_label("Choices (for single and multiple choice)").fill(choices)
    page.get_by_label("Ask only if question (code)").fill(asked_if[0])
    page.get_by_label("was answered").fill(asked_if[1])
    page.get_by_role("button", name="Save question").click()
    expect(page.get_by_text(f"Question {code} added.")).to_be_visible()


def test_build_translate_publish_and_answer_a_survey(open_page, transactional_db, tmp_path):
    analyst = UserFactory(username="ana", role=INSIGHT_ANALYST)
    page = open_page(user=analyst)
    page.goto("/surveys/")
    page.get_by_role("link", name="Create a survey of any kind").click()
    then_the_accessibility_baseline_is_met(page)
    page.get_by_role("button", name="Create survey").click()  # nothing filled in: errors, in words
    expect(page.get_by_text("Enter a title").first).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    page.get_by_label("Title").fill("Keeping warm")
    page.get_by_label("Why you are asking").fill("We want to know who struggles to keep warm.")
    page.get_by_label("Pulse survey (about 5 minutes, one focus)").check()
    page.get_by_label("Minutes it takes to answer").fill("2")
    page.get_by_role("button", name="Create survey").click()
    then_the_accessibility_baseline_is_met(page)
    survey = Survey.objects.get(title="Keeping warm")

    add_question(page, survey, code="WARM", text="Is your home warm enough?", kind="Yes or no")
    add_question(page, survey, code="WHY", text="What makes it hard?", kind="Free text", asked_if=("WARM", "no"))
    add_question(
        page, survey, code="FUEL", text="How is your home heated?", kind="Single choice", choices="Gas\nElectric"
    )
    # Routing that points backwards is refused in words.
    page.get_by_role("link", name="Change WARM").click()
    then_the_accessibility_baseline_is_met(page)
    page.get_by_label("Ask only if question (code)").fill("FUEL")
    page.get_by_label("was answered").fill("gas")
    page.get_by_role("button", name="Save question").click()
    expect(page.get_by_text("a question can only depend on an earlier question").first).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    page.get_by_role("link", name="Back to the draft").click()
    then_the_accessibility_baseline_is_met(page)

    page.get_by_role("link", name="Translations and how complete each language is").click()
    then_the_accessibility_baseline_is_met(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PO file (Polski)").click()
    po = polib.pofile(download.value.path().read_text(encoding="utf-8"))
    for entry in po:
        entry.msgstr = {"Yes": "Tak", "No": "Nie"}.get(entry.msgid, "PL " + entry.msgid)
    translated = tmp_path / "pl.po"
    po.save(str(translated))
    page.get_by_label("Language", exact=True).select_option("pl")
    page.get_by_label("Translated PO file").set_input_files(str(translated))
    page.get_by_role("button", name="Upload translations").click()
    expect(page.get_by_text("9 translations kept.")).to_be_visible()
    expect(page.get_by_role("row", name="Polski 9 of 9 Yes")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)

    page.get_by_role("link", name="Back to the draft").click()
    page.get_by_role("link", name="Online", exact=True).click()
    then_the_accessibility_baseline_is_met(page)
    page.get_by_role("link", name="Back to the draft").click()
    for name in ["Printed form", "Large print", "Phone script"]:
        page.get_by_role("link", name=name, exact=True).click()
        then_the_accessibility_baseline_is_met(page)
        page.go_back()
    page.get_by_role("button", name="Publish version 1").click()
    expect(page.get_by_text("Version 1 published.")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)

    # A resident answers in Polish, by keyboard, with JavaScript off.
    invitation = InvitationFactory(survey=survey)
    resident = open_page(javascript=False)
    resident.goto(f"/surveys/answer/{invitation.token}/")
    tab_to_role(resident, "link", "Polski")
    with resident.expect_navigation():
        resident.keyboard.press("Enter")
    expect(resident.get_by_role("heading", name="PL Keeping warm")).to_be_visible()
    tab_to_role(resident, "button", "Zacznij teraz")  # the interface is in Polish too ("Start now")
    with resident.expect_navigation():
        resident.keyboard.press("Enter")
    expect(resident.get_by_role("heading", name="PL Is your home warm enough?")).to_be_visible()
    tab_to_role(resident, "radio", "Tak")
    resident.keyboard.press("ArrowDown")  # Nie: the routed question follows
    resident.keyboard.press("Tab")
    with resident.expect_navigation():
        resident.keyboard.press("Enter")
    tab_to_role(resident, "textbox", "PL What makes it hard?")
    resident.keyboard.type("Dear to heat")
    resident.keyboard.press("Tab")
    with resident.expect_navigation():
        resident.keyboard.press("Enter")
    tab_to_role(resident, "radio", "PL Gas")
    resident.keyboard.press("Space")
    resident.keyboard.press("Tab")
    with resident.expect_navigation():
        resident.keyboard.press("Enter")
    expect(resident.get_by_role("heading", name="Sprawdź odpowiedzi przed wysłaniem")).to_be_visible()
    tab_to_role(resident, "button", "Wyślij odpowiedzi")
    with resident.expect_navigation():
        resident.keyboard.press("Enter")
    expect(resident.get_by_role("heading", name="Odpowiedzi wysłane")).to_be_visible()

    response = Response.objects.get(survey=survey)
    assert response.language == "pl"
    assert {a.question.code: a.value for a in response.answers.select_related("question")} == {
        "WARM": "no",
        "WHY": "Dear to heat",
        "FUEL": "gas",
    }
    page.goto(f"/surveys/{survey.pk}/results/")
    expect(page.get_by_text("1 response sent.")).to_be_visible()
    expect(page.get_by_role("row", name="No 1 100.0%")).to_be_visible()
    expect(page.get_by_role("row", name="Gas 1 100.0%")).to_be_visible()
    expect(page.get_by_text("What makes it hard?: 1 written answer")).to_be_visible()
