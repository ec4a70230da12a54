"""Scrutiny panel pages. Panel members read their panel's meetings, reviews and recommendations;
only staff see who is on a panel (every page that names a resident needs engagement.view_resident)."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import page, public_page
from core.concurrency import StaleEdit, read_at, refuse_stale, save_unless_changed, with_revision
from core.views.form_page import form_page
from engagement import selectors
from engagement.forms import ResidentSearchForm
from engagement.forms import panels as panel_forms
from engagement.models import PanelMeeting, PanelMembership, Recommendation, Resident, ScrutinyPanel, ScrutinyReview
from engagement.selectors import panels as panel_selectors

NAMES = "engagement.view_resident"


def saved(request, message, url):
    messages.success(request, message)
    return redirect(url)


def save_model_form(form, read_at=None, **extra):
    """Save a ModelForm, turning the model's own validation (clean) into form errors. With `read_at`
    (the revision the page was read at), a save from a page opened before someone else's save is
    refused and the form shows what is saved now (core/concurrency.py)."""
    instance = form.save(commit=False)
    for name, value in extra.items():
        setattr(instance, name, value)
    try:
        instance.full_clean()
    except ValidationError as error:
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
        return None
    try:
        save_unless_changed(instance, read_at, [name for name in form.fields if name != "revision"])
    except StaleEdit as error:
        refuse_stale(form, error)
        return None
    form.save_m2m()
    return instance


@page("engagement.view_scrutinypanel")
def panel_list(request):
    panels = panel_selectors.panels_for(request.user, timezone.localdate())
    return render(request, "engagement/panels/panel_list.html", {"panels": panels})


@page("engagement.add_scrutinypanel")
def panel_add(request):
    form = panel_forms.ScrutinyPanelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        panel = form.save()
        return saved(request, _("Panel added."), reverse("panel_detail", kwargs={"pk": panel.pk}))
    return form_page(
        request, form, title=_("Add a scrutiny panel"), back_url=reverse("panel_list"), back_label=_("Panels")
    )


@page("engagement.view_scrutinypanel")
def panel_detail(request, pk):
    today = timezone.localdate()
    panel = panel_selectors.panel_for(request.user, today, pk)
    context = {
        "panel": panel,
        "member_count": panel_selectors.current_members(panel, today).count(),
        "meetings": panel_selectors.meetings_with_attendance(panel),
        "reviews": panel.reviews.all(),
    }
    return render(request, "engagement/panels/panel_detail.html", context)


@page("engagement.view_panelmembership", NAMES)
def panel_members(request, pk):
    panel = get_object_or_404(ScrutinyPanel, pk=pk)
    today = timezone.localdate()
    memberships = panel.memberships.select_related("resident__household__home").order_by(
        "ended_on", "resident__last_name", "resident__first_name"
    )
    current = [m for m in memberships if m.is_current_on(today)]
    past = [m for m in memberships if not m.is_current_on(today)]
    return render(request, "engagement/panels/members.html", {"panel": panel, "current": current, "past": past})


@page("engagement.add_panelmembership", NAMES)
def panel_member_add(request, pk):
    """Find the resident, then record their role and the date they joined."""
    panel = get_object_or_404(ScrutinyPanel, pk=pk)
    back = reverse("panel_members", kwargs={"pk": panel.pk})
    resident_pk = request.GET.get("resident") or request.POST.get("resident")
    if not resident_pk:
        search = ResidentSearchForm(request.GET or None)
        found = None
        if search.is_valid() and search.cleaned_data["q"]:
            found = list(selectors.residents_matching(search.cleaned_data["q"]))
        context = {"panel": panel, "search": search, "found": found, "back": back}
        return render(request, "engagement/panels/member_find.html", context)
    resident = get_object_or_404(Resident, pk=resident_pk)
    form = panel_forms.MembershipForm(request.POST or None, initial={"started_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        if save_model_form(form, panel=panel, resident=resident):
            return saved(request, _("%(name)s added to the panel.") % {"name": resident.full_name}, back)
    return render(
        request,
        "engagement/panels/member_form.html",
        {"form": form, "panel": panel, "resident": resident, "back": back},
    )


@page("engagement.change_panelmembership", NAMES)
def panel_member_edit(request, pk, member_pk):
    membership = get_object_or_404(
        PanelMembership.objects.select_related("resident", "panel"), pk=member_pk, panel_id=pk
    )
    back = reverse("panel_members", kwargs={"pk": pk})
    form = with_revision(panel_forms.MembershipForm(request.POST or None, instance=membership), membership)
    if request.method == "POST" and form.is_valid():
        if save_model_form(form, read_at(form, membership)):
            return saved(request, _("Membership saved."), back)
    return render(
        request,
        "engagement/panels/member_form.html",
        {"form": form, "panel": membership.panel, "resident": membership.resident, "back": back},
    )


@page("engagement.add_panelmeeting", NAMES)
def meeting_add(request, pk):
    panel = get_object_or_404(ScrutinyPanel, pk=pk)
    form = panel_forms.MeetingForm(request.POST or None, panel=panel)
    back = reverse("panel_detail", kwargs={"pk": panel.pk})
    if request.method == "POST" and form.is_valid():
        meeting = save_model_form(form, panel=panel)
        if meeting:
            return saved(request, _("Meeting recorded."), reverse("meeting_detail", kwargs={"pk": meeting.pk}))
    return form_page(
        request, form, title=_("Record a meeting"), back_url=back, back_label=panel.name, caption=panel.name
    )


@page("engagement.view_panelmeeting")
def meeting_detail(request, pk):
    meeting = panel_selectors.meeting_for(request.user, timezone.localdate(), pk)
    context = {"meeting": meeting, "attended": meeting.attendees.count()}
    return render(request, "engagement/panels/meeting_detail.html", context)


@page("engagement.change_panelmeeting", NAMES)
def meeting_edit(request, pk):
    meeting = get_object_or_404(PanelMeeting.objects.select_related("panel"), pk=pk)
    form = with_revision(panel_forms.MeetingForm(request.POST or None, instance=meeting, panel=meeting.panel), meeting)
    back = reverse("meeting_detail", kwargs={"pk": meeting.pk})
    if request.method == "POST" and form.is_valid():
        if save_model_form(form, read_at(form, meeting)):
            return saved(request, _("Meeting saved."), back)
    return form_page(
        request, form, title=_("Change a meeting"), back_url=back, back_label=_("Meeting"), caption=meeting.panel.name
    )


@page("engagement.add_scrutinyreview")
def review_add(request, pk):
    panel = get_object_or_404(ScrutinyPanel, pk=pk)
    form = panel_forms.ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        review = save_model_form(form, panel=panel)
        if review:
            return saved(request, _("Review added."), reverse("review_detail", kwargs={"pk": review.pk}))
    back = reverse("panel_detail", kwargs={"pk": panel.pk})
    return form_page(request, form, title=_("Start a scrutiny review"), back_url=back, back_label=panel.name)


@page("engagement.view_scrutinyreview")
def review_detail(request, pk):
    review = panel_selectors.review_for(request.user, timezone.localdate(), pk)
    recommendations = list(review.recommendations.select_related("updated_by", "drafted_from__written_by"))
    for recommendation in recommendations:
        drafted = getattr(recommendation, "drafted_from", None)
        recommendation.drafted_by = panel_selectors.drafter(drafted, request.user) if drafted else None
    context = {
        "review": review,
        "evidence": [(item, _opens_for(request.user, item.path)) for item in review.evidence.all()],
        "recommendations": recommendations,
        "panel_writing": panel_selectors.panel_writing(review, request.user),
    }
    return render(request, "engagement/panels/review_detail.html", context)


def _opens_for(user, path):
    """Whether `path` is a page of this service that `user` may open: evidence is a link only then,
    never one to a missing page or to a page they are refused (issue 27)."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return False
    access = getattr(match.func, "access", None)
    return access is not None and not access.post_only and access.allows(user)


@page("engagement.add_panelwriting")
def review_write(request, pk):
    """A panel member writes for a review of their own panel: a finding, a recommendation or a comment."""
    review = panel_selectors.review_for(request.user, timezone.localdate(), pk)
    form = panel_forms.PanelWritingForm(request.POST or None, review=review)
    back = reverse("review_detail", kwargs={"pk": review.pk})
    if request.method == "POST" and form.is_valid():
        if save_model_form(form, review=review, written_by=request.user):
            return saved(request, _("Saved. The panel and staff can read it on the review."), back)
    intro = _("Write in your own words. It is kept with your name and the date, and staff see it on the review.")
    return form_page(
        request, form, title=_("Write for the review"), back_url=back, back_label=review.topic, intro=intro
    )


@page("engagement.add_panelwriting")
def writing_edit(request, pk):
    """A panel member changes their own draft, until the panel adopts it."""
    writing = panel_selectors.own_draft(request.user, timezone.localdate(), pk)
    review = writing.review
    form = panel_forms.PanelWritingForm(request.POST or None, instance=writing, review=review)
    back = reverse("review_detail", kwargs={"pk": review.pk})
    if request.method == "POST" and form.is_valid():
        if save_model_form(form, changed_at=timezone.now()):
            return saved(request, _("Your changes are saved."), back)
    return form_page(request, form, title=_("Change what you wrote"), back=back, back_label=review.topic)


@page("engagement.add_panelwriting")
def writing_withdraw(request, pk):
    """A panel member withdraws their own draft: it is no longer shown on the review."""
    writing = panel_selectors.own_draft(request.user, timezone.localdate(), pk)
    back = reverse("review_detail", kwargs={"pk": writing.review_id})
    if request.method == "POST":
        writing.withdrawn_at = timezone.now()
        writing.save(update_fields=["withdrawn_at"])
        return saved(request, _("Withdrawn. It is no longer shown on the review."), back)
    return render(
        request,
        "engagement/panels/writing_confirm.html",
        {
            "writing": writing,
            "back": back,
            "title": _("Withdraw what you wrote?"),
            "intro": _("It will no longer be shown on the review. You cannot undo this."),
            "button": _("Withdraw it"),
            "button_class": "govuk-button--warning",
        },
    )


@page("engagement.add_recommendation")
def writing_adopt(request, pk):
    """The panel adopts a member's draft as one of its recommendations: the landlord must then answer
    it like any other, and the member who drafted it is credited."""
    writing = panel_selectors.adoptable_draft(pk)
    back = reverse("review_detail", kwargs={"pk": writing.review_id})
    if request.method == "POST":
        with transaction.atomic():
            recommendation = Recommendation.objects.create(
                review=writing.review, text=writing.text, updated_by=request.user
            )
            writing.adopted_as = recommendation
            writing.save(update_fields=["adopted_as"])
        return saved(
            request, _("Adopted. It is now one of the panel's recommendations, waiting for our response."), back
        )
    writing.author = panel_selectors.author(writing, request.user)
    return render(
        request,
        "engagement/panels/writing_confirm.html",
        {
            "writing": writing,
            "back": back,
            "title": _("Adopt this draft as a recommendation?"),
            "intro": _(
                "It becomes one of the panel's recommendations, credited to the member who drafted it, and needs "
                "our response like any other."
            ),
            "button": _("Adopt as a recommendation"),
            "button_class": "",
        },
    )


def _review(pk):
    return get_object_or_404(ScrutinyReview.objects.select_related("panel"), pk=pk)


@page("engagement.change_scrutinyreview")
def review_edit(request, pk):
    review = _review(pk)
    form = with_revision(panel_forms.ReviewForm(request.POST or None, instance=review), review)
    back = reverse("review_detail", kwargs={"pk": review.pk})
    if request.method == "POST" and form.is_valid():
        if save_model_form(form, read_at(form, review)):
            return saved(request, _("Review saved."), back)
    return form_page(request, form, title=_("Change the review"), back_url=back, back_label=review.topic)


@page("engagement.add_reviewevidence")
def evidence_add(request, pk):
    review = _review(pk)
    form = panel_forms.EvidenceForm(request.POST or None)
    back = reverse("review_detail", kwargs={"pk": review.pk})
    if request.method == "POST" and form.is_valid():
        if save_model_form(form, review=review):
            return saved(request, _("Evidence added."), back)
    intro = _("Link to a page of figures in this service that the panel looked at, such as a dashboard.")
    return form_page(
        request,
        form,
        title=_("Add evidence"),
        back_url=back,
        back_label=review.topic,
        caption=review.topic,
        intro=intro,
    )


@page("engagement.add_recommendation")
def recommendation_add(request, pk):
    review = _review(pk)
    form = panel_forms.RecommendationForm(request.POST or None)
    back = reverse("review_detail", kwargs={"pk": review.pk})
    if request.method == "POST" and form.is_valid():
        if save_model_form(form, review=review, updated_by=request.user):
            return saved(request, _("Recommendation added."), back)
    return form_page(
        request, form, title=_("Add a recommendation"), back_url=back, back_label=review.topic, caption=review.topic
    )


@page("engagement.change_recommendation")
def recommendation_response(request, pk):
    recommendation = get_object_or_404(Recommendation.objects.select_related("review"), pk=pk)
    initial = {} if recommendation.responded_on else {"responded_on": timezone.localdate()}
    form = with_revision(
        panel_forms.ResponseForm(request.POST or None, instance=recommendation, initial=initial), recommendation
    )
    back = reverse("review_detail", kwargs={"pk": recommendation.review_id})
    if request.method == "POST" and form.is_valid():
        if save_model_form(form, read_at(form, recommendation), updated_by=request.user):
            return saved(request, _("Response saved. It now shows on the “You said, we did” page."), back)
    return render(
        request,
        "engagement/panels/response_form.html",
        {"form": form, "recommendation": recommendation, "back": back},
    )


@public_page
def you_said_we_did(request):
    return render(
        request, "engagement/panels/you_said_we_did.html", {"recommendations": panel_selectors.you_said_we_did()}
    )
