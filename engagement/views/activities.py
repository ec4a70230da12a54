"""Engagement activities designed to include, and who took part in them."""

from django.db import transaction
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import page
from core.views.form_page import form_page
from engagement import selectors
from engagement.forms import activities as activity_forms
from engagement.models import DIMENSIONS, AnonymousCount, EngagementActivity, Resident
from engagement.selectors import panels as panel_selectors
from engagement.selectors.equality import GROUPED_QUESTIONS
from engagement.views.panels import NAMES, save_model_form, saved


@page("engagement.view_engagementactivity")
def activity_list(request):
    activities = panel_selectors.activities_in()
    return render(request, "engagement/activities/list.html", {"activities": activities})


@page("engagement.add_engagementactivity")
def activity_add(request):
    form = activity_forms.ActivityForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        activity = save_model_form(form, recorded_by=request.user)
        if activity:
            return saved(request, _("Activity recorded."), reverse("activity_detail", kwargs={"pk": activity.pk}))
    return form_page(
        request,
        form,
        title=_("Record an engagement activity"),
        back_url=reverse("activity_list"),
        back_label=_("Activities"),
    )


@page("engagement.view_engagementactivity", NAMES)
def activity_detail(request, pk):
    activity = get_object_or_404(EngagementActivity.objects.select_related("region"), pk=pk)
    context = {
        "activity": activity,
        "participants": activity.participants.select_related("household__home").order_by("last_name", "first_name"),
        "counts": _counts_by_question(activity),
    }
    return render(request, "engagement/activities/detail.html", context)


def _counts_by_question(activity):
    """[(question label, [(answer label, count)])] of the anonymous counts recorded."""
    recorded = {(c.dimension, c.group): c.count for c in activity.anonymous_counts.all()}
    result = []
    for dimension, label in DIMENSIONS:
        rows = [
            (group_label, recorded[(dimension, code)])
            for code, group_label in GROUPED_QUESTIONS[dimension].choices
            if (dimension, code) in recorded
        ]
        if rows:
            result.append((label, rows))
    return result


@page("engagement.change_engagementactivity")
def activity_edit(request, pk):
    activity = get_object_or_404(EngagementActivity, pk=pk)
    form = activity_forms.ActivityForm(request.POST or None, instance=activity)
    back = reverse("activity_detail", kwargs={"pk": activity.pk})
    if request.method == "POST" and form.is_valid():
        if save_model_form(form):
            return saved(request, _("Activity saved."), back)
    return form_page(request, form, title=_("Change an activity"), back_url=back, back_label=activity.title)


@page("engagement.change_engagementactivity", NAMES)
def activity_participants(request, pk):
    """Name the residents who took part and agreed to be named: find them, add them, or remove them."""
    activity = get_object_or_404(EngagementActivity, pk=pk)
    if request.method == "POST":
        resident = get_object_or_404(Resident, pk=request.POST.get("resident"))
        if request.POST.get("remove"):
            activity.participants.remove(resident)
            message = _("%(name)s removed.") % {"name": resident.full_name}
        else:
            activity.participants.add(resident)
            message = _("%(name)s added as a named participant.") % {"name": resident.full_name}
        return saved(request, message, reverse("activity_participants", kwargs={"pk": activity.pk}))
    search = activity_forms.ParticipantSearchForm(request.GET or None)
    found = None
    if search.is_valid() and search.cleaned_data["q"]:
        found = list(selectors.residents_matching(search.cleaned_data["q"]))
    context = {
        "activity": activity,
        "search": search,
        "found": found,
        "participants": activity.participants.order_by("last_name", "first_name"),
    }
    return render(request, "engagement/activities/participants.html", context)


@page("engagement.change_engagementactivity")
def activity_headcount(request, pk):
    activity = get_object_or_404(EngagementActivity, pk=pk)
    form = activity_forms.AnonymousCountsForm(request.POST or None, activity=activity)
    back = (
        reverse("activity_detail", kwargs={"pk": activity.pk})
        if request.user.has_perm(NAMES)
        else reverse("activity_list")
    )
    if request.method == "POST" and form.is_valid():
        _replace_counts(activity, form.counts())
        return saved(request, _("What people told us about themselves is saved."), back)
    intro = _(
        "%(headcount)s people took part without being named. Enter how many gave each answer, if they chose to "
        "tell you. Anyone you do not count under an answer is counted as not asked."
    ) % {"headcount": activity.headcount}
    return form_page(
        request,
        form,
        title=_("Who took part, without names"),
        back_url=back,
        back_label=activity.title,
        caption=activity.title,
        intro=intro,
    )


@transaction.atomic
def _replace_counts(activity, counts):
    activity.anonymous_counts.all().delete()
    AnonymousCount.objects.bulk_create(
        AnonymousCount(activity=activity, dimension=dimension, group=group, count=count)
        for (dimension, group), count in counts.items()
    )
