"""The officer's pages about one resident's equality profile, and the reviews that are due."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import household_record_or_404, page
from engagement import services
from engagement.audit import record_view, record_views
from engagement.equality import QUESTIONS
from engagement.forms.equality import LABELS, EqualityProfileForm
from engagement.models import AuditSubject, EqualityProfile, Resident
from engagement.selectors import profiles


def resident_or_404(pk, user):
    """The resident if `user` may open their household (core.access: operatives, their own jobs')."""
    return household_record_or_404(user, Resident.objects.select_related("household__home__region"), pk=pk)


@page("engagement.view_resident", "engagement.view_equalityprofile", "engagement.view_special_category")
def equality_profile(request, pk):
    resident = resident_or_404(pk, request.user)
    profile = EqualityProfile.objects.filter(resident=resident).select_related("consent_explained_by").first()
    record_view(
        user=request.user,
        resident=resident,
        subject=AuditSubject.EQUALITY_PROFILE,
        detail="Equality profile page" if profile else "Equality profile page (nothing recorded yet)",
        path=request.path,
    )
    answers = []
    if profile:
        answers = [(LABELS[name], getattr(profile, f"get_{name}_display")()) for name in QUESTIONS]
    return render(
        request,
        "engagement/resident/equality.html",
        {"resident": resident, "profile": profile, "answers": answers, "today": timezone.localdate()},
    )


@page("engagement.change_equalityprofile", "engagement.view_special_category")
def equality_profile_edit(request, pk):
    resident = resident_or_404(pk, request.user)
    profile = EqualityProfile.objects.filter(resident=resident).first() or EqualityProfile(resident=resident)
    form = EqualityProfileForm(request.POST or None, instance=profile, resident=resident)
    if request.method == "GET":
        record_view(
            user=request.user,
            resident=resident,
            subject=AuditSubject.EQUALITY_PROFILE,
            detail="Equality profile form",
            path=request.path,
        )
    if request.method == "POST" and form.is_valid():
        try:
            services.equality_profile_save(
                resident=resident,
                by=request.user,
                answers=form.answers(),
                date_of_birth=form.cleaned_data["date_of_birth"],
                consent_method=form.cleaned_data["consent_method"],
                consent_given_on=form.cleaned_data["consent_given_on"],
                path=request.path,
            )
        except ValidationError as error:
            form.add_error("consent_method", error)
        else:
            messages.success(request, _("Equality information saved."))
            return redirect("equality_profile", pk=resident.pk)
    return render(request, "engagement/resident/equality_form.html", {"resident": resident, "form": form})


@page("engagement.view_resident", "engagement.change_contactrestriction")
def reviews_due(request):
    """What the officer must look at again: restrictions and needs past review, adjustments waiting."""
    today = timezone.localdate()
    needs = None
    if profiles.can_see_needs(request.user):
        needs = list(profiles.needs_past_review(today))
        record_views(
            user=request.user,
            residents={need.resident for need in needs},
            subject=AuditSubject.SUPPORT_NEEDS,
            detail="Reviews due: support needs past their review date",
            path=request.path,
        )
    context = {
        "today": today,
        "needs": needs,
        "restrictions": list(profiles.restrictions_past_review(today)),
        "adjustments": list(profiles.adjustments_outstanding()[:200]),
    }
    return render(request, "engagement/reviews_due.html", context)
