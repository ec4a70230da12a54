"""The Complaint Handling Code's annual complaints performance and service improvement report: the
page, its PDF, and the administrator's self-assessment and governing body's response."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import page, public_page
from core.concurrency import StaleEdit, read_at, refuse_stale, with_revision
from core.pdf import pdf_bytes
from core.periods import last_whole_year
from core.views.form_page import form_page
from repairs.complaints_report import annual_report, published_years, years_to_choose
from repairs.forms import ComplaintsReportForm
from repairs.services import complaints_report_record

VIEW, RECORD = "repairs.view_complaintsannualreport", "repairs.change_complaintsannualreport"


def _year(request):
    """The year asked for (`?year=2025`), or the last whole reporting year; a year after it is not a report yet."""
    last = last_whole_year(timezone.localdate())
    raw = request.GET.get("year", "")
    if not raw:
        return last, last
    if not raw.isdigit() or not 2000 <= int(raw) <= last:
        raise Http404("No report for that year.")
    return int(raw), last


def _context(report):
    return {"report": report, "landlord": settings.LANDLORD_NAME}


@page(VIEW)
def complaints_report(request):
    year, last = _year(request)
    report = annual_report(year)
    context = {
        **_context(report),
        "years": years_to_choose(last),
        "can_record": request.user.has_perm(RECORD),
    }
    return render(request, "repairs/complaints_report.html", context)


@page(VIEW, html=False)
def complaints_report_pdf(request):
    year, _last = _year(request)
    html = render_to_string("repairs/complaints_report_pdf.html", _context(annual_report(year)))
    response = HttpResponse(pdf_bytes(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="complaints-annual-report-{year}-{year + 1}.pdf"'
    return response


@page(RECORD)
def complaints_report_record_page(request):
    year, _last = _year(request)
    report = annual_report(year)
    form = with_revision(ComplaintsReportForm(request.POST or None, instance=report.recorded), report.recorded)
    if request.method == "POST" and form.is_valid():
        try:
            complaints_report_record(form=form, read_at=read_at(form, report.recorded), by=request.user)
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            messages.success(request, _("The self-assessment and the governing body's response are saved."))
            return redirect(f"{reverse('repairs:complaints_report')}?year={year}")
    return form_page(
        request,
        form,
        title=_("Record the self-assessment and the governing body's response"),
        caption=report.title,
        back_url=f"{reverse('repairs:complaints_report')}?year={year}",
        back_label=_("Back to the report"),
        intro=_(
            "Write how we meet each section of the Housing Ombudsman's Complaint Handling Code, with our "
            "evidence, and the governing body's response to this year's report. Both are published with the "
            "year's figures."
        ),
    )


@public_page
def complaints_report_public(request):
    """The report published for tenants: a year whose governing body's response is recorded (the
    newest, or `?year=`); until there is one, a page that says so."""
    years = published_years(last_whole_year(timezone.localdate()))
    raw = request.GET.get("year", "")
    if raw and (not raw.isdigit() or int(raw) not in years):
        raise Http404("No published report for that year.")
    year = int(raw) if raw else next(iter(years), None)
    context = {"landlord": settings.LANDLORD_NAME, "years": years, "report": annual_report(year) if year else None}
    return render(request, "repairs/complaints_report_public.html", context)
