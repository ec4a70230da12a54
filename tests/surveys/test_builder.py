"""The survey builder: any kind of survey, every question type, routing refused in words, the
Regulator's wording locked, publish, close and reopen; published versions never change."""

import pytest
from django.urls import reverse

from surveys import services
from surveys.models import Question, Survey, SurveyApproach, SurveyVersion
from tests.surveys.factories import InvitationFactory, answered_response, draft_survey, tsm_survey

pytestmark = pytest.mark.django_db

DRAFT_ANSWERS = {"WARM": "yes", "RATING": "neither", "AGREE": "agree", "ROOMS": "2", "FUEL": "gas", "HELP": "advice"}
QUESTION = {
    "code": "NEW",
    "text": "Anything else?",
    "hint": "",
    "kind": "free_text",
    "choices": "",
    "required": "on",
    "asked_if_code": "",
    "asked_if_answer": "",
    "asked_of": "everyone",
}


def add(client, survey, **changes):
    return client.post(reverse("surveys:question_new", args=[survey.pk]), {**QUESTION, **changes})


@pytest.fixture
def builder(client, personas):
    client.force_login(personas["insight_analyst"])
    return client


@pytest.mark.parametrize("kind", ["tsm", "transactional", "pulse", "consultation"])
def test_a_survey_of_any_kind_starts_as_a_draft(builder, kind):
    response = builder.post(
        reverse("surveys:new"), {"title": "Ask", "purpose": "Why we ask", "kind": kind, "minutes_to_complete": "5"}
    )
    survey = Survey.objects.get(title="Ask")
    assert response.url == reverse("surveys:draft", args=[survey.pk])
    version = survey.versions.get()
    assert (version.number, version.is_published, survey.kind) == (1, False, kind)
    expected = {"tsm": 20, "transactional": 5, "pulse": 0, "consultation": 0}[kind]
    assert version.questions.count() == expected
    assert builder.get(reverse("surveys:draft", args=[survey.pk])).status_code == 200


@pytest.mark.parametrize(
    ("kind", "choices", "stored"),
    [
        ("single_choice", "Gas\nElectric heating", [["gas", "Gas"], ["electric_heating", "Electric heating"]]),
        ("multiple_choice", "A grant\nAdvice", [["a_grant", "A grant"], ["advice", "Advice"]]),
        ("satisfaction", "", "fixed"),
        ("agreement", "", "fixed"),
        ("yes_no", "", [["yes", "Yes"], ["no", "No"]]),
        ("number", "", []),
        ("free_text", "ignored", []),
    ],
)
def test_every_question_type_can_be_added(builder, kind, choices, stored):
    survey = draft_survey()
    response = add(builder, survey, kind=kind, choices=choices, offer_dont_know="on")
    assert response.status_code == 302
    question = Question.objects.get(version__survey=survey, code="NEW")
    assert (question.kind, question.position, question.offer_dont_know) == (kind, 8, True)
    if stored == "fixed":
        assert len(question.choices) == 5
    else:
        assert question.choices == stored


def test_a_choice_question_needs_two_choices(builder):
    page = add(builder, draft_survey(), kind="single_choice", choices="Only one")
    assert "Enter at least two choices, one a line" in page.content.decode()


def test_routing_on_an_earlier_answer_is_kept(builder):
    survey = draft_survey()
    add(builder, survey, asked_if_code="FUEL", asked_if_answer="gas")
    question = Question.objects.get(version__survey=survey, code="NEW")
    assert (question.asked_if_code, question.asked_if_answer) == ("FUEL", "gas")


def test_routing_on_its_own_answer_is_refused(builder):
    page = add(builder, draft_survey(), asked_if_code="NEW", asked_if_answer="yes")
    assert "A question cannot depend on its own answer." in page.content.decode()
    assert not Question.objects.filter(code="NEW").exists()


def test_routing_on_a_missing_question_is_refused(builder):
    page = add(builder, draft_survey(), asked_if_code="NOPE", asked_if_answer="yes")
    assert "There is no question NOPE in this survey." in page.content.decode()


def test_routing_on_a_later_question_is_refused(builder):
    survey = draft_survey()
    warm = Question.objects.get(version__survey=survey, code="WARM")
    page = builder.post(
        reverse("surveys:question_edit", args=[survey.pk, "WARM"]),
        {**QUESTION, "code": "WARM", "kind": "yes_no", "asked_if_code": "FUEL", "asked_if_answer": "gas"},
    )
    assert (
        "Question FUEL comes after this one: a question can only depend on an earlier question."
        in page.content.decode()
    )
    warm.refresh_from_db()
    assert warm.asked_if_code == ""


def test_routing_on_an_answer_the_question_does_not_have_is_refused(builder):
    page = add(builder, draft_survey(), asked_if_code="WARM", asked_if_answer="maybe")
    assert "WARM has no answer “maybe”. Its answers are: yes, no." in page.content.decode()


def test_moving_a_question_above_the_one_it_depends_on_is_refused(builder):
    survey = draft_survey()
    response = builder.post(
        reverse("surveys:question_move", args=[survey.pk, "EXTRA"]), {"direction": "up"}, follow=True
    )
    assert "That move would break the routing. EXTRA: Question WARM comes after this one" in response.content.decode()
    assert list(survey.versions.get().questions.values_list("code", flat=True)[:2]) == ["WARM", "EXTRA"]


def test_moving_a_question_down_reorders_the_draft(builder):
    survey = draft_survey()
    builder.post(reverse("surveys:question_move", args=[survey.pk, "RATING"]), {"direction": "down"})
    codes = list(survey.versions.get().questions.values_list("code", "position"))
    assert codes[2:4] == [("AGREE", 3), ("RATING", 4)]


def test_removing_a_question_others_depend_on_is_refused_and_others_are_removed(builder):
    survey = draft_survey()
    refused = builder.post(reverse("surveys:question_remove", args=[survey.pk, "WARM"]), follow=True)
    assert "WARM cannot be removed while other questions are asked only after an answer to it (EXTRA)" in (
        refused.content.decode()
    )
    builder.post(reverse("surveys:question_remove", args=[survey.pk, "RATING"]))
    positions = list(survey.versions.get().questions.values_list("code", "position"))
    assert positions == [("WARM", 1), ("EXTRA", 2), ("AGREE", 3), ("ROOMS", 4), ("FUEL", 5), ("HELP", 6)]


def test_the_regulators_questions_are_locked_and_extra_questions_go_around_them(builder):
    builder.post(
        reverse("surveys:new"), {"title": "TSM 2026", "purpose": "Why", "kind": "tsm", "minutes_to_complete": "10"}
    )
    survey = Survey.objects.get(title="TSM 2026")
    tp01 = Question.objects.get(version__survey=survey, code="TP01")
    edit = builder.get(reverse("surveys:question_edit", args=[survey.pk, "TP01"]))
    assert edit.url == reverse("surveys:draft", args=[survey.pk])
    builder.post(reverse("surveys:question_edit", args=[survey.pk, "TP01"]), {**QUESTION, "code": "TP01"})
    removed = builder.post(reverse("surveys:question_remove", args=[survey.pk, "REPAIR_12M"]), follow=True)
    assert "REPAIR_12M uses the Regulator&#x27;s wording, so it cannot be changed or removed." in (
        removed.content.decode()
    )
    tp01.refresh_from_db()
    assert tp01.text.startswith("Taking everything into account")
    add(builder, survey, code="HEATING", text="Is your home warm enough?")
    builder.post(reverse("surveys:question_move", args=[survey.pk, "HEATING"]), {"direction": "up"})
    assert Question.objects.get(version__survey=survey, code="HEATING").position == 20


def test_publish_then_edit_makes_a_new_version_and_the_published_one_is_read_only(builder):
    survey = draft_survey()
    builder.post(reverse("surveys:publish", args=[survey.pk]))
    first = survey.versions.get(number=1)
    assert first.is_published
    assert builder.get(reverse("surveys:draft", args=[survey.pk])).status_code == 404
    assert add(builder, survey).status_code == 404
    answered = answered_response(InvitationFactory(survey=survey), answers=DRAFT_ANSWERS)
    builder.post(reverse("surveys:new_version", args=[survey.pk]))
    builder.post(reverse("surveys:question_remove", args=[survey.pk, "HELP"]))
    builder.post(reverse("surveys:publish", args=[survey.pk]))
    assert survey.current_version.number == 2
    assert first.questions.filter(code="HELP").exists()
    assert answered.version == first
    assert not survey.versions.get(number=2).questions.filter(code="HELP").exists()


def test_an_empty_draft_cannot_be_published(builder):
    builder.post(
        reverse("surveys:new"), {"title": "Empty", "purpose": "Why", "kind": "pulse", "minutes_to_complete": "2"}
    )
    survey = Survey.objects.get(title="Empty")
    page = builder.post(reverse("surveys:publish", args=[survey.pk]), follow=True)
    assert "Add at least one question before publishing." in page.content.decode()
    assert survey.current_version is None


def test_a_survey_with_no_version_gets_an_empty_draft_instead_of_an_error(builder):
    survey = Survey.objects.create(title="Made in the admin", purpose="Why", kind="consultation")
    response = builder.post(reverse("surveys:new_version", args=[survey.pk]))
    assert response.url == reverse("surveys:draft", args=[survey.pk])
    assert list(survey.versions.values_list("number", "published_at")) == [(1, None)]
    # Asking again while that draft is unpublished gives the same draft, not another one.
    builder.post(reverse("surveys:new_version", args=[survey.pk]))
    assert survey.versions.count() == 1


def test_close_and_reopen(builder):
    survey = tsm_survey()
    builder.post(reverse("surveys:close", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.closed_at is not None and not survey.is_open
    builder.post(reverse("surveys:reopen", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.is_open


def test_every_preview_format_shows_the_draft(builder):
    survey = draft_survey()
    online = builder.get(reverse("surveys:preview", args=[survey.pk, "online"])).content.decode()
    assert "Is your home warm enough?" in online and "Continue" not in online
    text = builder.get(reverse("surveys:preview", args=[survey.pk, "text"])).content.decode()
    assert "2. What would help most?" in text
    assert "Only answer this if you answered “No” to question 1." in text
    printed = builder.get(reverse("surveys:preview", args=[survey.pk, "print"])).content.decode()
    large = builder.get(reverse("surveys:preview", args=[survey.pk, "large-print"])).content.decode()
    phone = builder.get(reverse("surveys:preview", args=[survey.pk, "phone"])).content.decode()
    assert "app-printed--large" in large and "app-printed--large" not in printed
    assert "This is a draft, not yet published." in phone


@pytest.mark.parametrize("role", ["housing_officer", "contact_centre_agent", "panel_member", "resident"])
def test_only_administrators_and_analysts_build_surveys(client, personas, role):
    survey = draft_survey()
    client.force_login(personas[role])
    assert client.get(reverse("surveys:draft", args=[survey.pk])).status_code == 403
    assert add(client, survey).status_code == 403
    assert client.post(reverse("surveys:close", args=[survey.pk])).status_code == 403


def test_the_admin_adds_a_version_with_the_next_number(client, personas):
    survey = tsm_survey()
    client.force_login(personas["administrator"])
    client.post(reverse("admin:surveys_surveyversion_add"), {"survey": survey.pk})
    assert list(SurveyVersion.objects.filter(survey=survey).values_list("number", flat=True)) == [1, 2]
    services.survey_version_new(survey=survey)
    assert survey.versions.count() == 2  # the draft is reused


def test_how_the_survey_was_run_is_recorded_for_the_published_results(builder):
    survey = tsm_survey()
    page = builder.post(reverse("surveys:approach", args=[survey.pk]), {"sample_method": "random", "weighting": ""})
    assert "Enter who ran the survey" in page.content.decode()
    builder.post(
        reverse("surveys:approach", args=[survey.pk]),
        {"sample_method": "stratified", "run_by": "Acme Research", "weighting": "By age and tenure"},
    )
    assert (survey.approach.sample_method, survey.approach.run_by) == ("stratified", "Acme Research")
    assert (survey.approach.excluded_rented, survey.approach.weight_by, survey.approach.revision) == (0, [], 0)


def test_the_summary_of_approach_saves_only_over_what_the_page_was_opened_on(builder):
    survey = tsm_survey()
    url = reverse("surveys:approach", args=[survey.pk])
    fields = {"sample_method": "census", "run_by": "In house", "weighting": "None", "revision": "0"}
    builder.post(url, fields)
    builder.post(
        url,
        {
            **fields,
            "contractor_name": "Acme Research",
            "weight_by": ["region", "age_band"],
            "excluded_rented": "12",
            "exclusion_reasons": "Bereaved in the month before fieldwork",
            "shortfall_reason": "Fieldwork was cut short by the floods",
            "revision": "0",
        },
    )
    approach = SurveyApproach.objects.get(survey=survey)
    assert (approach.contractor_name, approach.weight_by, approach.excluded_rented, approach.revision) == (
        "Acme Research",
        ["age_band", "region"],
        12,
        1,
    )
    # A second person's page, opened at revision 0, is refused and told what is saved now.
    page = builder.post(url, {**fields, "contractor_name": "Other Ltd", "revision": "0"})
    html = page.content.decode()
    assert "Someone else changed this record since you opened this page" in html
    assert "External contractor is now saved as: Acme Research" in html
    assert SurveyApproach.objects.get(survey=survey).contractor_name == "Acme Research"
