"""A survey's text goes to a translator as a PO file per language and comes back; residents are
offered the survey in a language only when its text is complete in it."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from surveys import services, translations
from tests.surveys import flow
from tests.surveys.factories import InvitationFactory, draft_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def builder(client, personas):
    client.force_login(personas["administrator"])
    return client


def download(client, survey, language):
    response = client.get(reverse("surveys:translation_file", args=[survey.pk, language]))
    assert response["Content-Disposition"].endswith(f'-{language}.po"')
    return polib.pofile(response.content.decode())


def upload(client, survey, language, po):
    po_file = SimpleUploadedFile("survey.po", str(po).encode(), content_type="text/x-gettext-translation")
    return client.post(reverse("surveys:translations", args=[survey.pk]), {"language": language, "po_file": po_file})


def translate_all(po, prefix="PL "):
    for entry in po:
        entry.msgstr = prefix + entry.msgid


def test_the_po_file_has_the_english_a_note_for_each_entry_and_nothing_translated_yet(builder):
    survey = draft_survey()
    po = download(builder, survey, "pl")
    contexts = [entry.msgctxt for entry in po]
    assert contexts[:4] == ["survey.title", "survey.purpose", "WARM.text", "WARM.choice.yes"]
    assert len(po) == 25
    warm = po.find("Is your home warm enough?", msgctxt="WARM.text")
    assert warm.comment == "The text of question 1 (WARM)."
    assert po.percent_translated() == 0


def test_a_filled_in_file_is_kept_and_the_builder_shows_completeness(builder):
    survey = draft_survey()
    po = download(builder, survey, "pl")
    translate_all(po)
    po[5].msgstr = ""  # one left for later
    response = upload(builder, survey, "pl", po)
    assert response.url == reverse("surveys:translations", args=[survey.pk])
    survey.refresh_from_db()
    version = survey.versions.get()
    assert translations.completeness(survey, version, "pl") == (24, 25)
    assert version.questions.get(code="WARM").text_in("pl") == "PL Is your home warm enough?"
    page = builder.get(reverse("surveys:translations", args=[survey.pk])).content.decode()
    assert "24 of 25" in page
    assert translations.complete_languages(survey, version) == []


def test_a_file_for_changed_english_or_another_survey_is_refused_in_words(builder):
    survey = draft_survey()
    po = download(builder, survey, "pl")
    translate_all(po)
    survey.versions.get().questions.filter(code="WARM").update(text="Is your home warm?")
    page = upload(builder, survey, "pl", po).content.decode()
    assert "The English of WARM.text has changed since this file was made." in page
    assert translations.completeness(survey, survey.versions.get(), "pl")[0] == 0
    not_po = SimpleUploadedFile("survey.po", b"\xff\xfe not text")
    page = builder.post(reverse("surveys:translations", args=[survey.pk]), {"language": "pl", "po_file": not_po})
    assert "The file must be saved as UTF-8 text" in page.content.decode()


def test_a_survey_is_offered_in_a_language_only_when_complete_and_urdu_reads_right_to_left(
    client, builder, monkeypatch
):
    # Both catalogues must be complete: the survey's text here, and the interface's, which the
    # project ships for Polish only; Urdu's is taken as complete to show the right-to-left layout.
    from core import catalogue

    assert not catalogue.is_complete("ur")
    monkeypatch.setattr(catalogue, "is_complete", lambda code: code in ("pl", "ur"))
    survey = draft_survey()
    for language in ["pl", "ur"]:
        po = download(builder, survey, language)
        translate_all(po, prefix=f"{language.upper()} ")
        if language == "pl":
            po[3].msgstr = ""
        upload(builder, survey, language, po)
    services.survey_version_publish(version=survey.versions.get())
    invitation = InvitationFactory(survey=survey)
    client.logout()
    start = client.get(flow.start_url(invitation.token)).content.decode()
    assert 'href="?language=ur" lang="ur" hreflang="ur">اردو</a>' in start
    assert "?language=pl" not in start  # one answer label is still missing in Polish
    in_urdu = client.get(flow.start_url(invitation.token) + "?language=ur").content.decode()
    assert 'lang="ur" dir="rtl"' in in_urdu
    assert "UR Heating" in in_urdu
    page = client.get(flow.start_url(invitation.token) + "?language=ur")
    client.post(flow.start_url(invitation.token), {"key": str(page.context["key"]), "survey_language": "ur"})
    question = client.get(flow.question_url(invitation.token, "WARM")).content.decode()
    assert "UR Is your home warm enough?" in question
    assert 'lang="ur" dir="rtl"' in question
    # A language the survey is not complete in falls back to English.
    other = InvitationFactory(survey=survey)
    page = client.get(flow.start_url(other.token))
    client.post(flow.start_url(other.token), {"key": str(page.context["key"]), "survey_language": "pl"})
    assert "Is your home warm enough?" in client.get(flow.question_url(other.token, "WARM")).content.decode()


@pytest.mark.parametrize("kind", ["system file", "the project's own PO file", "relative path"])
def test_an_upload_whose_content_is_a_server_path_is_refused_and_the_file_never_opened(builder, monkeypatch, kind):
    """Issue 24, item 5: polib.pofile takes a path or text. The upload is text: a path in it is
    refused with a form error, and no file is opened (an existence oracle, and a way round the size limit)."""
    from pathlib import Path

    own = Path(__file__).resolve().parents[2] / "locale" / "cy" / "LC_MESSAGES" / "django.po"
    assert own.is_file()
    content = {"system file": "/etc/passwd", "the project's own PO file": str(own), "relative path": "manage.py"}[kind]
    opened = []
    monkeypatch.setattr(polib, "open", lambda *a, **k: opened.append(a) or open(*a, **k), raising=False)
    monkeypatch.setattr(polib.io, "open", lambda *a, **k: opened.append(a) or open(*a, **k))
    survey = draft_survey()
    upload_file = SimpleUploadedFile("survey.po", content.encode())

    page = builder.post(reverse("surveys:translations", args=[survey.pk]), {"language": "pl", "po_file": upload_file})

    assert page.status_code == 200
    assert "This is not a PO file: it has no msgid lines." in page.content.decode()
    assert opened == []
    assert translations.completeness(survey, survey.versions.get(), "pl")[0] == 0


def test_po_text_is_parsed_as_text_even_when_a_file_of_that_name_exists(tmp_path, monkeypatch):
    """The parse never asks polib to read a path: the same text as a file's name parses as text."""
    monkeypatch.chdir(tmp_path)
    text = 'msgid "A"\nmsgstr "B"\n'
    (tmp_path / text).write_text('msgid "X"\nmsgstr "Y"\n')  # polib.pofile(text) would read this file
    po = translations.po_parse(text)
    assert [(entry.msgid, entry.msgstr) for entry in po] == [("A", "B")]
    with pytest.raises(translations.BadTranslationFile, match=r"line 3"):
        translations.po_parse('msgid "A"\nmsgstr "B"\nnonsense\n')


def test_the_upload_size_limit_holds(builder):
    survey = draft_survey()
    big = SimpleUploadedFile("survey.po", b'msgid "A"\nmsgstr "B"\n' + b"#" * 2_000_001)
    page = builder.post(reverse("surveys:translations", args=[survey.pk]), {"language": "pl", "po_file": big})
    assert "The file must be smaller than 2 MB" in page.content.decode()


def test_changing_a_questions_english_makes_its_translations_fuzzy_and_the_language_no_longer_offered(client, builder):
    """Issue 27: after an edit in a new version Polish stayed at 25 of 25 and was still offered."""
    from surveys import building

    survey = draft_survey()
    po = download(builder, survey, "pl")
    translate_all(po)
    upload(builder, survey, "pl", po)
    survey.refresh_from_db()
    services.survey_version_publish(version=survey.versions.get())
    assert "pl" in dict(translations.complete_languages(survey, survey.current_version))

    draft = services.survey_version_new(survey=survey)
    warm = draft.questions.get(code="WARM")
    building.question_update(question=warm, fields={"text": "Is your home warm enough in winter?"})
    warm.refresh_from_db()
    assert warm.translations["pl"]["fuzzy"] == {"text": "Is your home warm enough?"}
    assert warm.translations["pl"]["text"] == "PL Is your home warm enough?"  # kept, for the translator
    assert translations.completeness(survey, draft, "pl") == (24, 25)
    assert "pl" not in dict(translations.complete_languages(survey, draft))

    # The PO file says it as gettext does, and the builder shows what changed.
    item = download(builder, survey, "pl").find("Is your home warm enough in winter?", msgctxt="WARM.text")
    assert item.fuzzy and item.previous_msgid == "Is your home warm enough?"
    assert item.msgstr == "PL Is your home warm enough?"
    page = builder.get(reverse("surveys:translations", args=[survey.pk])).content.decode()
    assert "Changed since it was translated" in page
    assert "<del>Is your home warm enough?</del>" in page
    assert "<ins>Is your home warm enough in winter?</ins>" in page
    assert "24 of 25" in page

    # Published so, the Polish residents are offered English only.
    services.survey_version_publish(version=draft)
    invitation = InvitationFactory(survey=survey)
    client.logout()
    assert "?language=pl" not in client.get(flow.start_url(invitation.token)).content.decode()

    # A second edit keeps the English the translation was made for; changing it back clears the mark.
    other = services.survey_version_new(survey=survey)
    warm = other.questions.get(code="WARM")
    building.question_update(question=warm, fields={"text": "Is your home warm in winter?"})
    assert warm.translations["pl"]["fuzzy"] == {"text": "Is your home warm enough?"}
    building.question_update(question=warm, fields={"text": "Is your home warm enough?"})
    assert "fuzzy" not in warm.translations["pl"]
    assert translations.completeness(survey, other, "pl") == (25, 25)


def test_uploading_the_reviewed_translation_clears_the_fuzzy_mark(builder):
    from surveys import building

    survey = draft_survey()
    po = download(builder, survey, "pl")
    translate_all(po)
    upload(builder, survey, "pl", po)
    survey.refresh_from_db()
    version = survey.versions.get()
    building.question_update(
        question=version.questions.get(code="FUEL"),
        fields={"choices": [["gas", "Mains gas"], ["electric", "Electric"]]},
    )
    assert translations.completeness(survey, version, "pl") == (24, 25)
    po = download(builder, survey, "pl")
    gas = po.find("Mains gas", msgctxt="FUEL.choice.gas")
    assert gas.fuzzy and gas.previous_msgid == "Gas"
    gas.msgstr, gas.flags = "PL Mains gas", []
    upload(builder, survey, "pl", po)
    assert translations.completeness(survey, version, "pl") == (25, 25)
    assert builder.get(reverse("surveys:translations", args=[survey.pk])).context["changed"] == []


def test_the_printable_and_plain_text_versions_come_in_the_language_the_start_page_was_in(client):
    from tests.surveys.factories import translate_survey

    survey = draft_survey()
    services.survey_version_publish(version=survey.versions.get())
    translate_survey(survey, "pl", {"Heating": "Ogrzewanie"})
    invitation = InvitationFactory(survey=survey)
    start = client.get(flow.start_url(invitation.token) + "?language=pl").content.decode()
    printed_url = reverse("surveys:print_version", args=[survey.pk]) + "?language=pl"
    assert f'href="{printed_url}"' in start
    printed = client.get(printed_url).content.decode()
    assert '<html lang="pl" class="govuk-template">' in printed
    assert "Ogrzewanie" in printed and "PL Is your home warm enough?" in printed
    text = client.get(reverse("surveys:text_version", args=[survey.pk]) + "?language=pl").content.decode()
    assert "PL Is your home warm enough?" in text
    # A language the survey is not offered in gives the English.
    welsh = client.get(reverse("surveys:print_version", args=[survey.pk]) + "?language=cy").content.decode()
    assert '<html lang="en-gb" class="govuk-template">' in welsh and "Is your home warm enough?" in welsh
