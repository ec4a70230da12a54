"""The administrator's page for the Regulator's TSM return: the fields left blank, and downloads."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.access import page
from surveys import tsm_return

# The return is the administrator's: it holds exact counts, however small, for the Regulator only.
RETURN_PERMISSION = "surveys.change_surveyapproach"


def _year(value, today):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if year in tsm_return.years(today) else None


@page(RETURN_PERMISSION)
def tsm_return_page(request):
    today = timezone.localdate()
    year = _year(request.GET.get("year"), today) or tsm_return.latest_year_with_answers(today)
    rows = tsm_return.values(year)
    blank = tsm_return.blanks(rows)
    start, end = tsm_return.reporting_year(year)
    return render(
        request,
        "surveys/tsm_return.html",
        {
            "year": year,
            "start": start,
            "end": end,
            "years": tsm_return.years(today),
            "fields": len(rows),
            "filled": len(rows) - len(blank),
            "blank": [(tsm_return.sheet_name(year, row.field.table), row) for row in blank],
            "blank_count": len(blank),
        },
    )


@page(RETURN_PERMISSION, html=False)
def tsm_return_download(request, year, extension):
    if _year(year, timezone.localdate()) is None or extension not in ("xlsx", "csv"):
        raise Http404
    rows = tsm_return.values(year)
    if extension == "xlsx":
        response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        tsm_return.write_xlsx(year, rows, response)
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        tsm_return.write_csv(year, rows, response)
    response["Content-Disposition"] = f'attachment; filename="tsm-return-{year}.{extension}"'
    return response
