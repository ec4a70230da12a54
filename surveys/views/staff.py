"""Staff pages: the survey list, one survey, and keying in paper and phone responses."""

import uuid

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import page
from surveys import builtin, services
from surveys.forms import StaffEntryForm
from surveys.models import Survey

BUILTIN = {
    "tsm": (builtin.TSM_SURVEY, builtin.TSM_QUESTIONS),
    "transactional": (builtin.TRANSACTIONAL_SURVEY, builtin.TRANSACTIONAL_QUESTIONS),
}


@page("surveys.view_survey")
def survey_list(request):
    surveys = Survey.objects.annotate(
        submitted=Count("responses", filter=Q(responses__submitted_at__isnull=False))
    ).prefetch_related("versions")
    return render(request, "surveys/index.html", {"surveys": surveys})


@page("surveys.add_survey", post_only=True)
@require_POST
def create_builtin(request):
    definition, questions = BUILTIN.get(request.POST.get("which"), BUILTIN["tsm"])
    survey = services.survey_create(definition=definition, questions=questions)
    messages.success(request, _("Survey created and published."))
    return redirect("surveys:detail", survey.pk)


@page("surveys.view_survey")
def survey_detail(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    versions = survey.versions.order_by("-number").prefetch_related("questions")
    return render(
        request,
        "surveys/detail.html",
        {
            "survey": survey,
            "versions": versions,
            "current": survey.current_version,
            "draft": next((version for version in versions if not version.is_published), None),
        },
    )


@page("surveys.add_response")
def enter_response(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    version = survey.current_version
    if version is None or survey.closed_at is not None:
        messages.info(request, _("This survey is not open, so responses cannot be entered."))
        return redirect("surveys:detail", pk)
    form = StaffEntryForm(request.POST or None, version=version, initial={"key": uuid.uuid4()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("confirmed_resident") != str(data["resident"].pk):
            # Show who the key found before anything is saved: a wrong key must not go unnoticed.
            context = {
                "survey": survey,
                "version": version,
                "form": form,
                "found": data["resident"],
                "repair": data["repair_reference"],
            }
            return render(request, "surveys/enter.html", context)
        try:
            response, created = services.response_enter(
                key=data["key"],
                survey=survey,
                resident=data["resident"],
                mode=data["mode"],
                language=data["language"],
                received_on=data["received_on"],
                answers=form.answers(),
                entered_by=request.user,
                repair_reference=data["repair_reference"],
            )
        except services.AlreadyResponded as refused:
            form.add_error("resident_key", str(refused))
        else:
            if created and response.set_aside_drafts.exists():
                messages.success(
                    request,
                    _(
                        "Response %(number)s saved. The resident had started answering online but not sent it: "
                        "those answers are kept aside and not counted."
                    )
                    % {"number": response.pk},
                )
            elif created:
                messages.success(request, _("Response %(number)s saved.") % {"number": response.pk})
            else:
                messages.info(request, _("Response %(number)s was already saved.") % {"number": response.pk})
            return redirect("surveys:enter", pk)
    return render(request, "surveys/enter.html", {"survey": survey, "version": version, "form": form})
