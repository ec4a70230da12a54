"""Pages anyone can open without signing in: the Tenant Satisfaction Measures published for tenants."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render

from core import spreadsheets
from core.access import public_page
from surveys import peers, tenant_results, tsm


@public_page
def tenant_satisfaction(request):
    survey, previous = tenant_results.latest_and_previous()
    context = {
        "survey": survey,
        "previous": previous,
        "source": tsm.SOURCE,
        "min_answers": settings.INEQUITIES_MIN_DENOMINATOR,
    }
    if survey is not None:
        rows = tenant_results.perception_rows(survey, previous)
        management = tenant_results.management_rows(survey)
        profile = peers.our_profile()
        comparisons = tenant_results.peer_rows(rows, management, profile)
        context |= {
            "rows": rows,
            "management": management,
            "comparisons": comparisons,
            "peers": profile.describe(),
            "period": tenant_results.period_of(survey),
            "approach": tenant_results.summary_of_approach(survey),
        }
    return render(request, "surveys/tenant_satisfaction.html", context)


@public_page(html=False)
def tenant_satisfaction_csv(request):
    survey, previous = tenant_results.latest_and_previous()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tenant-satisfaction-measures.csv"'
    writer = spreadsheets.writer(response)
    writer.writerow(tenant_results.CSV_COLUMNS)
    if survey is not None:
        writer.writerows(tenant_results.csv_rows(survey, previous))
    return response
