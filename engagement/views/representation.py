"""The representation review, equality impact assessments of how we engage, and panel shortlists."""

from datetime import date

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import spreadsheets
from core.access import page
from engagement.audit import record_views
from engagement.forms import activities as activity_forms
from engagement.models import AuditSubject, EqualityImpactAssessment, PanelShortlist, ScrutinyPanel
from engagement.representation import MIN_JUDGED, UNDER_REPRESENTED_RATIO, representation_tables
from engagement.selectors import panels as panel_selectors
from engagement.selectors.representation import representation as representation_figures
from engagement.shortlist import shortlist_draw
from engagement.views.items import SPECIAL
from engagement.views.panels import NAMES, form_page, save_model_form, saved
from inequities import dashboards as snapshots
from inequities import labels
from inequities.metrics import ALL


class ReviewForm(forms.Form):
    """Which snapshot (the newest of each period, as the dashboards offer them) and which region."""

    period = forms.ChoiceField(label=gettext_lazy("Period"), required=False)
    region = forms.ChoiceField(label=gettext_lazy("Region"), required=False)

    def __init__(self, data, *, periods, regions):
        super().__init__(data)
        self.fields["period"].choices = [(value, label) for value, label, _snapshot in periods]
        self.fields["region"].choices = [(ALL, labels.region(ALL))] + [(r, labels.region(r)) for r in regions]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.form_method = "get"  # so crispy writes no CSRF token into the address
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.select("period"),
            Field.select("region"),
            Submit("show", gettext_lazy("Show"), css_class="govuk-button--secondary"),
        )

    def value(self, name, default):
        """The chosen value, or `default` when nothing (or something not on offer) was chosen."""
        if not self.is_valid() and name in self.errors:
            return default
        return self.cleaned_data.get(name) or default


@page("engagement.view_representation")
def representation(request):
    found = snapshots.periods()
    snapshot = snapshots.chosen_snapshot(request.GET.get("period"), found)
    if snapshot is None:
        return render(request, "engagement/representation.html", {"snapshot": None})
    regions = snapshots.regions_in(snapshot)
    form = ReviewForm(
        {"period": snapshots.period_value(snapshot), "region": ALL, **request.GET.dict()},
        periods=found,
        regions=regions,
    )
    region = form.value("region", ALL)
    tables = representation_tables(
        representation_figures(snapshot, region),
        suggestions=panel_selectors.outreach_suggestions(),
    )
    context = {
        "snapshot": snapshot,
        "form": form,
        "tables": tables,
        "region": None if region == ALL else labels.region(region),
        "ratio_percent": round(UNDER_REPRESENTED_RATIO * 100),
        "max_small": snapshot.max_small,
        "min_judged": MIN_JUDGED,
        "under": [(table, row) for table in tables for row in table.under_represented],
    }
    return render(request, "engagement/representation.html", context)


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
        back=reverse("assessment_list"),
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
    return form_page(request, form, title=_("Change the assessment"), back=back, back_label=assessment.title)


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
