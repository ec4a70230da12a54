"""Easy read (issue 27): the builder writes an easy-read wording for each question; once every
question has one, a resident who asked for easy read gets it online and in the print pack (one
question a page, large type), and the letter names easy read. Until then nothing offers it."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from surveys import easy_read, services
from surveys.models import Invitation, Question
from surveys.print_pack import pack_write, questionnaire_html
from tests.engagement.factories import reachable_resident
from tests.surveys.factories import EASY, draft_survey, with_easy_read
from tests.surveys.flow import answer, check_url, question_url, response_of, start

pytestmark = pytest.mark.django_db


def form_data(question, **changes):
    """The builder's question form as the page fills it for `question`, with `changes`."""
    data = {
        "code": question.code,
        "text": question.text,
        "hint": question.hint,
        "kind": question.kind,
        "choices": "\n".join(label for _value, label in question.choices)
        if question.kind in ("single_choice", "multiple_choice")
        else "",
        "asked_if_code": question.asked_if_code,
        "asked_if_answer": question.asked_if_answer,
        "asked_of": question.asked_of,
        "easy_read": question.easy_read,
        "required": "on",
    }
    return {**data, **changes}


def edit(client, question, **changes):
    url = reverse("surveys:question_edit", args=[question.version.survey_id, question.code])
    return client.post(url, form_data(question, **changes), follow=True)


@pytest.fixture
def builder(client, personas):
    client.force_login(personas["insight_analyst"])
    return client


def test_the_builder_writes_easy_read_for_each_question_and_it_is_offered_once_every_question_has_one(builder):
    survey = draft_survey()
    version = survey.versions.get()
    draft_url = reverse("surveys:draft", args=[survey.pk])
    preview = reverse("surveys:preview", args=[survey.pk, "easy-read"])

    long = "We would like to know if your home is warm enough for you and your family in the winter months."
    refused = edit(builder, Question.objects.get(version=version, code="WARM"), easy_read=long)
    assert "Keep each sentence to 15 words or fewer. This one has 20" in refused.content.decode()
    assert Question.objects.get(version=version, code="WARM").easy_read == ""

    for code in ["WARM", "EXTRA", "RATING", "AGREE", "ROOMS", "FUEL"]:
        page = edit(builder, Question.objects.get(version=version, code=code), easy_read=EASY[code])
        assert page.redirect_chain[-1][0] == draft_url, code
    draft = builder.get(draft_url).content.decode()
    assert "6 of 7 questions have an easy read." in draft
    assert "Easy read is offered to residents only once every question has one" in draft
    assert preview not in draft and builder.get(preview).status_code == 404
    assert not easy_read.has_easy_read(version)

    edit(builder, Question.objects.get(version=version, code="HELP"), easy_read=EASY["HELP"])
    draft = builder.get(draft_url).content.decode()
    assert "7 of 7 questions have an easy read." in draft
    assert "Easy read: Is your home warm enough? Tick yes or no." in draft
    assert preview in draft
    pdf = builder.get(preview)
    assert pdf["Content-Type"] == "application/pdf"
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf.content)).pages]
    assert len(pages) == 8  # what to do, then one question a page
    assert pages[1].startswith("Question 1 Is your home warm enough? Tick yes or no.")
    assert "Have you had help with heating? Tick all the help you had. Tick all that apply." in pages[7]
    assert easy_read.has_easy_read(version)


def test_a_changed_question_leaves_its_easy_read_needing_a_check_until_the_builder_ticks_it_still_fits(builder):
    survey = with_easy_read(draft_survey())
    version = survey.versions.get()
    draft_url = reverse("surveys:draft", args=[survey.pk])
    assert easy_read.has_easy_read(version)

    edit(builder, Question.objects.get(version=version, code="ROOMS"), text="How many of your rooms are cold?")
    rooms = Question.objects.get(version=version, code="ROOMS")
    assert easy_read.needs_check(rooms) and not easy_read.has_easy_read(version)
    draft = builder.get(draft_url).content.decode()
    assert "Easy read needs checking: the question changed" in draft
    assert "6 of 7 questions have an easy read." in draft
    page = builder.get(reverse("surveys:question_edit", args=[survey.pk, "ROOMS"])).content.decode()
    assert "The easy read still says what the question asks" in page

    edit(builder, rooms, easy_read_still_fits="on")
    assert easy_read.is_current(Question.objects.get(version=version, code="ROOMS"))
    assert "7 of 7 questions have an easy read." in builder.get(draft_url).content.decode()
    # Changing the question and its easy read together keeps the easy read current.
    edit(
        builder,
        Question.objects.get(version=version, code="FUEL"),
        text="What fuel heats your home?",
        easy_read="What fuel heats your home?",
    )
    assert easy_read.is_current(Question.objects.get(version=version, code="FUEL"))


def _published_invitation(survey, formats):
    services.survey_version_publish(version=survey.versions.get())
    resident = reachable_resident(channels=["letter"], formats=formats)
    services.invitations_create(survey=survey, residents=[resident])
    return Invitation.objects.get(survey=survey, resident=resident)


def _question_page(client, invitation, code):
    start(client, invitation.token)
    return client.get(question_url(invitation.token, code)).content.decode()


def test_a_resident_who_asked_for_easy_read_answers_in_easy_read_and_others_see_the_question(client):
    survey = with_easy_read(draft_survey())
    easy = _published_invitation(survey, ["easy_read"])
    assert easy.formats == ["easy_read"]
    page = _question_page(client, easy, "ROOMS")
    assert "Some rooms may be cold.<br>How many rooms are cold?" in page
    assert "How many rooms are cold?</h1>" not in page.replace("\n", "")
    answer(client, easy, "ROOMS", "2")
    assert response_of(easy).answers.get(question__code="ROOMS").value == "2"
    for code, value in {"WARM": "no", "EXTRA": "A new boiler", "RATING": "fairly_satisfied", "AGREE": "agree"}.items():
        answer(client, easy, code, value)
    answer(client, easy, "FUEL", "gas")
    answer(client, easy, "HELP", ["grant"])
    check = client.get(check_url(easy.token)).content.decode()
    assert "Some rooms may be cold. How many rooms are cold?" in check  # checked in the words they answered

    other_client = Client()
    plain = reachable_resident(channels=["letter"])
    services.invitations_create(survey=survey, residents=[plain])
    other = _question_page(other_client, Invitation.objects.get(survey=survey, resident=plain), "ROOMS")
    assert "How many rooms are cold?" in other and "Some rooms may be cold." not in other


def test_without_easy_read_on_every_question_a_resident_who_asked_for_it_sees_the_question(client):
    survey = with_easy_read(draft_survey())
    Question.objects.filter(version__survey=survey, code="HELP").update(easy_read="")
    easy = _published_invitation(survey, ["easy_read"])
    page = _question_page(client, easy, "ROOMS")
    assert "How many rooms are cold?" in page and "Some rooms may be cold." not in page


def test_the_print_pack_gives_the_easy_read_questionnaire_to_whoever_asked_for_it_and_its_letter_offers_it(
    tmp_path,
):
    import pdfua

    survey = with_easy_read(draft_survey())
    easy = _published_invitation(survey, ["easy_read"])
    plain = reachable_resident(channels=["letter"])
    services.invitations_create(survey=survey, residents=[plain])
    target = io.BytesIO()
    assert pack_write(survey=survey, target=target) == 2
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(target.getvalue())).pages]
    starts = [n for n, text in enumerate(pages) if "Dear " in text]
    assert len(starts) == 2
    by_name = {
        name: pages[start : ([*starts[1:], len(pages)])[i]]
        for i, start in enumerate(starts)
        for name in (easy.resident.full_name, plain.full_name)
        if name in pages[start]
    }
    easy_pages, plain_pages = by_name[easy.resident.full_name], by_name[plain.full_name]
    assert "This is the easy read version of our questions." in easy_pages[1]
    assert len(easy_pages) == 1 + 1 + 7  # the letter, what to do, one question a page
    assert [page.split(" ")[:2] for page in easy_pages[2:]] == [["Question", str(n)] for n in range(1, 8)]
    assert "Some rooms may be cold. How many rooms are cold?" in easy_pages[6]
    assert not any("easy read version" in page for page in plain_pages)
    assert "How many rooms are cold?" in " ".join(plain_pages)
    for letter in (easy_pages[0], plain_pages[0]):  # the survey has easy read: each letter offers it
        assert "in large print, easy read, Braille" in letter
    (tmp_path / "pack.pdf").write_bytes(target.getvalue())
    report = pdfua.validate(str(tmp_path / "pack.pdf"))
    assert [(finding.rule_id, finding.message) for finding in report.findings] == []


def test_the_easy_read_questionnaire_is_in_large_type_and_its_wording_is_checked():
    survey = with_easy_read(draft_survey())
    html = questionnaire_html(survey, survey.versions.get(), "en-gb", large=True, easy=True)
    assert '<section class="questionnaire easy-read">' in html
    assert html.count('<section class="easy-question">') == 7
    assert ".easy-read { font-size: 18pt;" in html
    assert easy_read.wording_problem("Short. Also short.\nA third one?") is None
    assert easy_read.sentences("One. Two?\nThree!") == ["One.", "Two?", "Three!"]
    assert "This one has 16" in easy_read.wording_problem(" ".join(["word"] * 16))


def test_the_invitation_email_names_easy_read_only_when_the_survey_has_it():
    from surveys.messages import compose
    from surveys.models import Delivery

    survey = draft_survey()
    services.survey_version_publish(version=survey.versions.get())
    resident = reachable_resident(channels=["email"], details={"email": "ada@example.org"})
    services.invitations_create(survey=survey, residents=[resident])
    delivery = Delivery.objects.create(invitation=Invitation.objects.get(resident=resident), channel="email")
    before = compose(delivery, "https://example.org/x")
    assert "large print, Braille" in before.text and "easy read" not in before.text + before.html

    with_easy_read(survey)
    after = compose(delivery, "https://example.org/x")
    assert "in large print, easy read, Braille" in after.text and "in large print, easy read, Braille" in after.html
    assert not easy_read.offered(survey, "pl")  # easy read is English only
