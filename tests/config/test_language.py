from django.urls import reverse


def test_only_complete_languages_are_offered_so_there_is_no_switch_today(client, db):
    page = client.get("/accessibility/").content.decode()
    assert '<html lang="en-gb" class="govuk-template">' in page
    assert "Cymraeg" not in page
    assert 'action="/i18n/setlang/"' not in page


def test_a_right_to_left_language_is_laid_out_right_to_left(client, db, settings):
    settings.LANGUAGES = [("en-gb", "English"), ("ur", "اردو")]
    client.post(reverse("set_language"), {"language": "ur", "next": "/accessibility/"})
    page = client.get("/accessibility/").content.decode()
    assert '<html lang="ur" dir="rtl" class="govuk-template">' in page
    # Each language is named in its own language.
    assert (
        '<button type="submit" name="language" value="en-gb" lang="en-gb" class="app-link-button">British English</button>'
        in page
    )
    assert '<span class="govuk-body-s govuk-!-margin-bottom-0 govuk-!-font-weight-bold" lang="ur">اردو</span>' in page
