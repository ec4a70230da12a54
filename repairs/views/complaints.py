"""Pages for staff who log and answer complaints under the Complaint Handling Code."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import page
from core.concurrency import StaleEdit, read_at, refuse_stale, save_form_unless_changed, with_revision
from core.language_check import active_rules, add_language_check, review_form
from core.models import LanguageSource
from core.views.form_page import form_page
from repairs import selectors, services
from repairs.forms import (
    AllegationForm,
    ComplaintCategoriesForm,
    ComplaintCloseForm,
    ComplaintEscalateForm,
    ComplaintFilterForm,
    ComplaintRaiseForm,
    ComplaintStageForm,
    HomeLookupForm,
)
from repairs.presenters import clock_rows
from repairs.services.complaints import closing_problems


@page("repairs.view_complaint")
def complaint_list(request):
    form = ComplaintFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    complaints = selectors.complaints_filtered(status=filters.get("status", ""), category=filters.get("category", ""))
    complaints_page = Paginator(complaints, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "repairs/complaint_list.html", {"form": form, "page": complaints_page, "query": query.urlencode()}
    )


@page("repairs.add_complaint")
def complaint_raise(request):
    lookup = HomeLookupForm(request.GET or None)
    if not lookup.is_valid():
        return form_page(
            request,
            lookup,
            title=_("Log a complaint"),
            caption=_("Complaints"),
            intro=_("Which home does the resident live in?"),
            get=True,
        )
    home = lookup.cleaned_data["home"]
    household = home.current_household()
    if household is None:
        lookup.add_error("home", _("No one lives at %(home)s at the moment") % {"home": home})
        return form_page(request, lookup, title=_("Log a complaint"), caption=_("Complaints"), get=True)
    form = ComplaintRaiseForm(request.POST or None, household=household)
    if request.method == "POST" and form.is_valid():
        complaint = services.complaint_raise(raised_by=request.user, **form.cleaned_data)
        messages.success(request, _("Complaint %(ref)s logged at stage 1.") % {"ref": complaint.reference})
        return redirect("repairs:complaint", pk=complaint.pk)
    return form_page(
        request, form, title=_("Log a complaint"), caption=str(home), back_url=reverse("repairs:complaint_raise")
    )


@page("repairs.view_complaint")
def complaint_detail(request, pk):
    complaint = selectors.complaint_for(pk)
    stages = [(stage, clock_rows(stage.clocks())) for stage in complaint.stages.all()]
    context = {
        "complaint": complaint,
        "stages": stages,
        "allegation": getattr(complaint, "allegation", None),
        "can_change": request.user.has_perm("repairs.change_complaint"),
        "closing_problems": closing_problems(complaint, complaint.closed_on) if complaint.is_open else [],
    }
    return render(request, "repairs/complaint_detail.html", context)


@page("repairs.change_complaint")
def complaint_categories(request, pk):
    complaint = selectors.complaint_for(pk)
    form = ComplaintCategoriesForm(request.POST or None, initial={"categories": complaint.category_codes()})
    with_revision(form, complaint)
    if request.method == "POST" and form.is_valid():
        try:
            change = services.complaint_categories_correct(
                complaint=complaint, categories=form.cleaned_data["categories"], by=request.user,
                reason=form.cleaned_data["reason"], read_at=read_at(form, complaint),
            )  # fmt: skip
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            messages.success(
                request, _("What the complaint is about was corrected.") if change else _("Nothing was changed.")
            )
            return redirect("repairs:complaint", pk=pk)
    back = reverse("repairs:complaint", args=[pk])
    return form_page(
        request, form, title=_("Correct what the complaint is about"), caption=complaint.reference, back_url=back
    )


@page("repairs.change_complaint")
def complaint_stage(request, pk):
    complaint = selectors.complaint_for(pk)
    stage = complaint.current_stage()
    rules = active_rules()
    form = with_revision(ComplaintStageForm(request.POST or None, instance=stage), stage)
    add_language_check(form, "remedy", rules)
    review = None
    if request.method == "POST" and form.is_valid():
        # The respectful-language check on the response: it advises once, then saves either way.
        review = review_form(form, "remedy", rules)
        if not review.needs_review:
            try:
                with transaction.atomic():
                    stage = save_form_unless_changed(form, read_at(form, stage))
                    review.record(source=LanguageSource.COMPLAINT_RESPONSE, by=request.user, complaint_stage=stage)
            except StaleEdit as error:
                refuse_stale(form, error)
            else:
                messages.success(request, _("Stage %(number)s saved.") % {"number": stage.number})
                return redirect("repairs:complaint", pk=pk)
    title = _("Stage %(number)s: acknowledgement and decision") % {"number": stage.number}
    return form_page(
        request,
        form,
        title=title,
        caption=complaint.reference,
        back_url=reverse("repairs:complaint", args=[pk]),
        language_check="remedy",
        language_findings=review.findings if review and review.needs_review else [],
    )


@page("repairs.change_complaint")
def complaint_escalate(request, pk):
    complaint = selectors.complaint_for(pk)
    form = ComplaintEscalateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.complaint_escalate(complaint=complaint, received_on=form.cleaned_data["received_on"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Complaint %(ref)s is now at stage 2.") % {"ref": complaint.reference})
            return redirect("repairs:complaint", pk=pk)
    return form_page(
        request,
        form,
        title=_("Escalate to stage 2"),
        caption=complaint.reference,
        back_url=reverse("repairs:complaint", args=[pk]),
    )


@page("repairs.change_complaint")
def complaint_allegation(request, pk):
    complaint = selectors.complaint_for(pk)
    allegation = getattr(complaint, "allegation", None)
    if allegation is None:
        return redirect("repairs:complaint", pk=pk)
    form = with_revision(AllegationForm(request.POST or None, instance=allegation), allegation)
    if request.method == "POST" and form.is_valid():
        try:
            save_form_unless_changed(form, read_at(form, allegation))
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            messages.success(request, _("The allegation of discrimination is saved."))
            return redirect("repairs:complaint", pk=pk)
    return form_page(request, form, title=_("The allegation of discrimination"), caption=complaint.reference,
                     intro=_("Acknowledge the allegation itself, investigate it, and record what you found."),
                     back_url=reverse("repairs:complaint", args=[pk]))  # fmt: skip


@page("repairs.change_complaint")
def complaint_close(request, pk):
    complaint = selectors.complaint_for(pk)
    form = ComplaintCloseForm(request.POST or None, initial={"lesson_learnt": complaint.lesson_learnt})
    with_revision(form, complaint)
    if request.method == "POST" and form.is_valid():
        values = {name: value for name, value in form.cleaned_data.items() if name != "revision"}
        try:
            services.complaint_close(complaint=complaint, read_at=read_at(form, complaint), **values)
        except StaleEdit as error:
            refuse_stale(form, error)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Complaint %(ref)s is closed.") % {"ref": complaint.reference})
            return redirect("repairs:complaint", pk=pk)
    return form_page(
        request,
        form,
        title=_("Close the complaint"),
        caption=complaint.reference,
        back_url=reverse("repairs:complaint", args=[pk]),
    )
