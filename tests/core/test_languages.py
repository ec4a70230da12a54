"""One language list (issue 27): languages stored as BCP 47 codes, read from codes or names,
shown by name in the reader's language."""

import pytest
from django.utils import translation

from core.languages import code_of, name_of
from engagement.forms.preferences import CommunicationPreferenceForm
from surveys.interpreter_lines import interpreter_line


@pytest.mark.parametrize("typed", ["pl", "PL", "Polish", " polish ", "Polski", "polski"])
def test_a_language_is_read_from_its_code_its_english_name_or_its_own_name(typed):
    assert code_of(typed) == "pl"


def test_site_codes_and_languages_django_does_not_know():
    assert [code_of(text) for text in ["English", "en", "Welsh", "Somali", "Farsi", "Klingon"]] == [
        "en-gb", "en-gb", "cy", "so", "fa", None,
    ]  # fmt: skip


def test_a_code_is_shown_as_its_name_in_the_readers_language():
    assert [name_of(code) for code in ["pl", "en-gb", "cy", "so", "Polish"]] == [
        "Polish", "English", "Welsh", "Somali", "Polish",
    ]  # fmt: skip
    with translation.override("pl"):
        assert name_of("pl") == "polski"
        assert name_of("en-gb") == "angielski"


def test_the_preferences_form_stores_the_code_of_the_language_typed_and_shows_its_name():
    data = {"interpreter_language": "Polish", "formats": [], "channel_1": "phone"}
    form = CommunicationPreferenceForm(data, about_self=False)
    assert form.is_valid(), form.errors
    assert form.values()["interpreter_language"] == "pl"
    refused = CommunicationPreferenceForm({"interpreter_language": "Klingon"}, about_self=False)
    assert not refused.is_valid()
    assert refused.errors["interpreter_language"] == [
        "Enter a language we know, by its English name (like Polish) or its code (pl)"
    ]


def test_the_letters_interpreter_line_follows_the_stored_code_or_an_old_stored_name():
    for stored in ["pl", "Polish"]:
        code, text, direction = interpreter_line(stored, "0300 123 4567")
        assert (code, direction) == ("pl", "ltr")
        assert "0300 123 4567" in text and "tłumacza" in text
    assert interpreter_line("ar", "0300")[0::2] == ("ar", "rtl")
    assert interpreter_line("", "0300")[0] == "en"
