"""Results of one survey: who answered and how, the full distributions, the TSMs by the rules."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from core import spreadsheets
from core.access import page
from engagement.audit import record_views
from engagement.models import AuditSubject
from surveys import exports, selectors, tsm
from surveys.choices import SurveyKind, Tenure
from surveys.models import Survey


@page("surveys.view_response")
def survey_results(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    context = {
        "survey": survey,
        "counts": selectors.response_counts(survey),
        "progress": selectors.invitation_progress(survey),
        "distribution": selectors.distribution(survey),
        "tsm": tsm.tsm_results(survey) if survey.kind == SurveyKind.TSM else None,
        "tsm_source": tsm.SOURCE,
        "leasehold_homes": tsm.homes_by_tenure()[Tenure.LEASEHOLD] if survey.kind == SurveyKind.TSM else 0,
    }
    return render(request, "surveys/results.html", context)


def _csv_response(filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@page("surveys.view_response", html=False)
def tsm_csv(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    response = _csv_response(f"survey-{pk}-tsm-results.csv")
    tsm.write_csv(tsm.tsm_results(survey), response)
    return response


@page("surveys.view_response", html=False)
def responses_csv(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    response = _csv_response(f"survey-{pk}-responses.csv")
    identified = request.user.has_perm("engagement.view_special_category")
    residents = exports.write_responses(survey, spreadsheets.writer(response), identified=identified)
    record_views(
        user=request.user,
        residents=residents,
        subject=AuditSubject.SURVEY_ANSWERS,
        detail=f"Responses to survey {survey.pk} (CSV download, {'named' if identified else 'without resident numbers'})",
        path=request.get_full_path(),
    )
    return response
