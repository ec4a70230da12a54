"""The same survey version as plain text, as a printable (or large-print) form, and as a phone script."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation

from core.access import page, public_page
from surveys import translations
from surveys.models import Survey
from surveys.presenters import PrintedSurvey, plain_text


def _published(pk):
    survey = get_object_or_404(Survey, pk=pk)
    version = survey.current_version
    if version is None:
        raise Http404("This survey has not been published.")
    return survey, version


def _language(request, survey, version):
    """?language= when the survey is offered in it (the start page's links carry the resident's),
    else the site's language."""
    asked = request.GET.get("language", "")
    return asked if asked in dict(translations.complete_languages(survey, version)) else translation.get_language()


@public_page(html=False)
def text_version(request, pk):
    survey, version = _published(pk)
    language = _language(request, survey, version)
    with translation.override(language):
        text = plain_text(survey, version, language)
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@public_page
def print_version(request, pk):
    survey, version = _published(pk)
    large = request.GET.get("size") == "large"
    language = _language(request, survey, version)
    with translation.override(language):
        printed = PrintedSurvey(survey, version, language)
        return render(request, "surveys/print.html", {"printed": printed, "large": large, "survey": survey})


@page("surveys.view_survey")
def phone_script(request, pk):
    survey, version = _published(pk)
    printed = PrintedSurvey(survey, version, translation.get_language())
    return render(request, "surveys/phone_script.html", {"printed": printed, "survey": survey})
