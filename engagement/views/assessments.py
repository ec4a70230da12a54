"""Equality impact assessments of how we engage, and panel shortlists."""

from datetime import date

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import spreadsheets
from core.access import page
from core.views.form_page import form_page
from engagement.audit import record_views
from engagement.forms import activities as activity_forms
from engagement.models import AuditSubject, EqualityImpactAssessment, PanelShortlist, ScrutinyPanel
from engagement.shortlist import shortlist_draw
from engagement.views.items import SPECIAL
from engagement.views.panels import NAMES, save_model_form, saved


@page("engagement.view_equalityimpactassessment")
def assessment_list(request):
    assessments = EqualityImpactAssessment.objects.all()
    return render(request, "engagement/assessments/list.html", {"assessments": assessments, "today": date.today()})


@page("engagement.view_equalityimpactassessment")
def assessment_detail(request, pk):
    assessment = get_object_or_404(EqualityImpactAssessment, pk=pk)
    return render(request, "engagement/assessments/detail.html", {"assessment": assessment})


@page("engagement.add_equalityimpactassessment")
def assessment_add(request):
    form = activity_forms.ImpactAssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assessment = save_model_form(form, recorded_by=request.user)
        if assessment:
            return saved(request, _("Assessment saved."), reverse("assessment_detail", kwargs={"pk": assessment.pk}))
    return form_page(
        request,
        form,
        title=_("Record an equality impact assessment"),
        back_url=reverse("assessment_list"),
        back_label=_("Equality impact assessments"),
    )


@page("engagement.change_equalityimpactassessment")
def assessment_edit(request, pk):
    assessment = get_object_or_404(EqualityImpactAssessment, pk=pk)
    form = activity_forms.ImpactAssessmentForm(request.POST or None, instance=assessment)
    back = reverse("assessment_detail", kwargs={"pk": assessment.pk})
    if request.method == "POST" and form.is_valid():
        if save_model_form(form):
            return saved(request, _("Assessment saved."), back)
    return form_page(request, form, title=_("Change the assessment"), back_url=back, back_label=assessment.title)


@page("engagement.draw_shortlist", NAMES)
def shortlist_start(request, pk):
    panel = get_object_or_404(ScrutinyPanel, pk=pk)
    form = activity_forms.ShortlistForm(request.POST or None, initial={"characteristics": ["age_band"], "size": 20})
    if request.method == "POST" and form.is_valid():
        shortlist = shortlist_draw(
            panel=panel,
            characteristics=form.cleaned_data["characteristics"],
            size=form.cleaned_data["size"],
            by=request.user,
            today=timezone.localdate(),
        )
        return redirect("shortlist_detail", pk=shortlist.pk)
    intro = _(
        "We choose residents at random, with more places for groups the panel is short of, so that if they "
        "join, the panel looks more like the people we serve. Nobody with a contact restriction is chosen, "
        "nor anyone already on a panel."
    )
    previous = panel.shortlists.all()[:10]
    return render(
        request,
        "engagement/panels/shortlist_start.html",
        {"form": form, "panel": panel, "intro": intro, "previous": previous},
    )


# A shortlist names residents beside the group they were drawn from (their ethnicity, disability,
# sexual orientation...): special-category data, so it needs that permission and every view and
# download is audited, one entry per resident shown.
@page("engagement.draw_shortlist", NAMES, SPECIAL)
def shortlist_detail(request, pk):
    shortlist = get_object_or_404(PanelShortlist.objects.select_related("panel", "drawn_by"), pk=pk)
    invitees = list(
        shortlist.invitees.select_related("resident__household__home").order_by(
            "group_label", "resident__last_name", "resident__first_name"
        )
    )
    download = request.GET.get("download") == "csv"
    record_views(
        user=request.user,
        residents=[invitee.resident for invitee in invitees],
        subject=AuditSubject.EQUALITY_PROFILE,
        detail=f"Panel shortlist {shortlist.pk}" + (" (CSV download)" if download else ""),
        path=request.get_full_path(),
    )
    if download:
        return _shortlist_csv(shortlist, invitees)
    return render(request, "engagement/panels/shortlist_detail.html", {"shortlist": shortlist, "invitees": invitees})


def _shortlist_csv(shortlist, invitees):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="panel-shortlist-{shortlist.pk}.csv"'
    writer = spreadsheets.writer(response)
    writer.writerow(["Name", "Address", "Postcode", "Group", "Contact by", "From their preferences"])
    for invitee in invitees:
        home = invitee.resident.household.home
        writer.writerow(
            [
                invitee.resident.full_name,
                home.address_line_1,
                home.postcode,
                invitee.group_label,
                invitee.get_channel_display(),
                "yes" if invitee.channel_from_preference else "no",
            ]
        )
    return response
