"""Inviting residents, each by their own preferred channel and format, and following the replies."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagement import spreadsheets
from engagement.access import page
from surveys import selectors, services, transactional
from surveys.choices import SurveyKind
from surveys.forms import InviteForm
from surveys.models import Invitation, Survey
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
        .order_by("resident__last_name", "resident__first_name", "pk")
    )
    page_of = Paginator(invitations, 50).get_page(request.GET.get("page"))
    lists = [
        {"name": name, "label": label, "count": selectors.send_list(survey, name).count()}
        for name, (_channels, label) in selectors.SEND_LISTS.items()
    ]
    return render(
        request,
        "surveys/invitations.html",
        {"survey": survey, "progress": selectors.invitation_progress(survey), "page": page_of, "lists": lists},
    )


@page("surveys.add_invitation", post_only=True)
@require_POST
def send_emails(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    sent = services.invitations_send_email(survey=survey)
    messages.success(request, _("%(count)s invitation emails sent.") % {"count": sent})
    return redirect("surveys:invitations", pk)


SEND_LIST_COLUMNS = [
    "resident_number",
    "name",
    "address",
    "postcode",
    "channel",
    "formats",
    "interpreter_language",
    "email",
    "link",
    "status",
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
        writer.writerow(
            [
                resident.pk,
                resident.full_name,
                home.address_line_1,
                home.postcode,
                invitation.channel,
                ";".join(invitation.formats),
                invitation.interpreter_language,
                resident.user.email if resident.user else "",
                services.invitation_link(invitation),
                selectors.invitation_status(invitation),
                invitation.repair_reference,
            ]
        )
    return response
