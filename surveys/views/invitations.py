"""Inviting residents, each by their own preferred channel and format, and following the replies."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import spreadsheets
from core.access import page
from engagement.audit import record_view
from engagement.contact_details import shown
from engagement.models import AuditSubject, Resident
from surveys import selectors, sending, services, transactional
from surveys.choices import SurveyKind
from surveys.forms import InviteForm, InviteResidentForm
from surveys.models import Invitation, PrintBatch, Survey
from surveys.print_pack import pack_write
from surveys.sampling import population, stratified_sample


@page("surveys.add_invitation")
def invite(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    form = InviteForm(request.POST or None, transactional=survey.kind == SurveyKind.TRANSACTIONAL)
    if request.method == "POST" and form.is_valid():
        who = form.cleaned_data["who"]
        repairs = None
        if who == "all":
            residents = list(population(survey))
        elif who == "sample":
            residents = stratified_sample(population(survey), form.cleaned_data["sample_size"], seed=survey.pk)
        else:
            since = date.today() - timedelta(days=form.cleaned_data["days"])
            completed = list(transactional.completed_repairs(since))
            residents = [repair.resident for repair in completed]
            repairs = {r.resident.pk: (r.repair_reference, r.completed_on) for r in completed}
        created = services.invitations_create(survey=survey, residents=residents, repairs=repairs)
        messages.success(request, _("%(count)s residents invited.") % {"count": len(created)})
        return redirect("surveys:invitations", pk)
    return render(request, "surveys/invite.html", {"survey": survey, "form": form})


@page("surveys.view_invitation")
def invitation_list(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    invitations = (
        Invitation.objects.filter(survey=survey)
        .select_related("resident__household__home", "response")
        .prefetch_related("deliveries")
        .order_by("resident__last_name", "resident__first_name", "pk")
    )
    page_of = Paginator(invitations, 50).get_page(request.GET.get("page"))
    progress = selectors.invitation_progress(survey)
    invited = {row["channel"]: row["invited"] for row in progress}
    lists = [
        {"name": name, "label": label, "count": sum(invited.get(channel, 0) for channel in channels)}
        for name, (channels, label) in selectors.SEND_LISTS.items()
    ]
    context = {
        "survey": survey,
        "progress": progress,
        "deliveries": selectors.delivery_counts(survey),
        "page": page_of,
        "lists": lists,
        "batches": survey.print_batches.all()[:20],
    }
    return render(request, "surveys/invitations.html", context)


@page("surveys.add_invitation", post_only=True)
@require_POST
def print_batch_posted(request, pk, batch_pk):
    batch = get_object_or_404(PrintBatch, pk=batch_pk, survey_id=pk)
    posted = sending.print_batch_mark_posted(batch=batch, by=request.user)
    if posted:
        messages.success(request, _("%(count)s letters marked posted.") % {"count": posted})
    else:
        messages.info(request, _("That print pack was already marked posted."))
    return redirect("surveys:invitations", pk)


@page("surveys.add_invitation", post_only=True)
@require_POST
def send_invitations(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    for line in sending.describe(sending.invitations_queue(survey=survey)):
        messages.info(request, line)
    return redirect("surveys:invitations", pk)


# Laying out letters takes about a quarter of a second each: the button makes a pack of at most
# this many (the next ones by postcode) so the page answers in seconds; a whole mailing at once is
# `manage.py print_pack`.
PRINT_PACK_BUTTON_LETTERS = 50


@page("surveys.add_invitation", post_only=True, html=False)
@require_POST
def print_pack(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    if survey.current_version is None:
        raise Http404("This survey has not been published.")
    response = HttpResponse(content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="survey-{pk}-print-pack.pdf"'
    pack_write(survey=survey, target=response, limit=PRINT_PACK_BUTTON_LETTERS, by=request.user)
    return response


SEND_LIST_COLUMNS = [
    "resident_number",
    "name",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "channel",
    "formats",
    "interpreter_language",
    "email",
    "mobile_phone",
    "landline_phone",
    "best_time",
    "status",
    "delivery",
    "repair_reference",
]


@page("surveys.view_invitation", html=False)
def send_list_csv(request, pk, name):
    survey = get_object_or_404(Survey, pk=pk)
    if name not in selectors.SEND_LISTS:
        raise Http404("No such send list.")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{pk}-{name}.csv"'
    writer = spreadsheets.writer(response)
    writer.writerow(SEND_LIST_COLUMNS)
    for invitation in selectors.send_list(survey, name):
        resident, home = invitation.resident, invitation.resident.household.home
        details = getattr(resident, "contact_details", None)
        writer.writerow(
            [
                resident.pk,
                resident.full_name,
                home.address_line_1,
                home.address_line_2,
                home.town,
                home.postcode,
                invitation.channel,
                ";".join(invitation.formats),
                invitation.interpreter_language,
                details.email if details else "",
                shown(details.mobile_phone) if details else "",
                shown(details.landline_phone) if details else "",
                selectors.best_time(invitation),
                selectors.invitation_status(invitation),
                selectors.delivery_status(invitation),
                invitation.repair_reference,
            ]
        )
    return response


@page("surveys.view_invitation", "surveys.view_survey_link", post_only=True)
@require_POST
def invitation_link(request, pk, invitation_pk):
    """One resident's link, for the member of staff helping them start: audited, and never once
    they have sent their answers (the link then shows only that they were sent)."""
    invitation = get_object_or_404(Invitation.objects.select_related("resident", "survey"), pk=invitation_pk, survey=pk)
    response = selectors.response_for(invitation)
    if response is not None and response.is_submitted:
        messages.error(
            request,
            _("%(name)s has sent their answers, so their link is not shown.") % {"name": invitation.resident.full_name},
        )
        return redirect("surveys:invitations", pk)
    record_view(
        user=request.user,
        resident=invitation.resident,
        subject=AuditSubject.SURVEY_LINK,
        detail=f"Link to survey {pk}, to help them start",
        path=request.path,
    )
    context = {"invitation": invitation, "survey": invitation.survey, "link": services.invitation_link(invitation)}
    return render(request, "surveys/invitation_link.html", context)


@page("surveys.invite_resident", "engagement.view_resident")
def invite_resident(request, resident_pk):
    """The officer or agent with a resident invites them to one open survey, by their preference."""
    resident = get_object_or_404(Resident.objects.select_related("household__home"), pk=resident_pk)
    form = InviteResidentForm(request.POST or None, surveys=selectors.surveys_to_invite_to())
    if request.method == "POST" and form.is_valid():
        survey = form.cleaned_data["survey"]
        created = services.invitations_create(survey=survey, residents=[resident])
        invitation = Invitation.objects.filter(survey=survey, resident=resident, repair_reference="").first()
        if invitation is None:
            messages.error(request, _("They cannot be invited: a contact restriction rules out every way."))
        else:
            sending.invitations_queue(survey=survey, invitations=[invitation])
            words = _("Invited by %(channel)s.") if created else _("Already invited, by %(channel)s.")
            messages.success(request, words % {"channel": invitation.get_channel_display().lower()})
        return redirect("resident_detail", pk=resident.pk)
    return render(request, "surveys/invite_resident.html", {"resident": resident, "form": form})
