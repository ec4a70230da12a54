"""A signed-in resident's own communication preferences and equality answers. There is no resident id in the URL: a
resident can only ever reach their own."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import page
from core.concurrency import StaleEdit, refuse_stale, with_revision
from engagement import services
from engagement.audit import record_view
from engagement.equality import ConsentMethod
from engagement.forms.contact_details import ContactDetailsForm
from engagement.forms.equality import OwnEqualityForm
from engagement.forms.preferences import CommunicationPreferenceForm
from engagement.models import AuditSubject, CommunicationPreference, ContactDetails, EqualityProfile, Resident


def _own_resident(request):
    resident = Resident.objects.filter(user=request.user).first()
    if resident is None:
        raise Http404("This account is not linked to a resident.")
    return resident


@page("engagement.manage_own_preferences")
def my_preferences(request):
    resident = _own_resident(request)
    preference = CommunicationPreference.objects.filter(resident=resident).first()
    form = with_revision(
        CommunicationPreferenceForm(request.POST or None, about_self=True, preference=preference), preference
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.preferences_save(
                resident=resident, by=request.user, read_at=form.cleaned_data.get("revision"), **form.values()
            )
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            messages.success(request, _("Thank you. We have saved how you would like us to contact you."))
            return redirect("my_preferences")
    return render(request, "engagement/my_preferences.html", {"form": form, "resident": resident})


@page("engagement.answer_own_equality_questions")
def my_equality(request):
    """The resident gives or changes their own equality answers, with the same explanation and consent."""
    resident = _own_resident(request)
    profile = EqualityProfile.objects.filter(resident=resident).first()
    if request.method == "GET":
        record_view(user=request.user, resident=resident, subject=AuditSubject.EQUALITY_PROFILE,
                    detail="The resident's own account: their equality answers", path=request.path)  # fmt: skip
    form = OwnEqualityForm(request.POST or None, resident=resident, profile=profile)
    if request.method == "POST" and form.is_valid():
        services.equality_profile_save(
            resident=resident,
            by=request.user,
            answers=form.answers(),
            date_of_birth=form.birth_date(),
            consent_method=ConsentMethod.ONLINE,
            consent_given_on=timezone.localdate(),
            path=request.path,
        )
        messages.success(request, _("Thank you. We have saved your answers."))
        return redirect("my_equality")
    return render(request, "engagement/my_equality.html", {"form": form, "resident": resident, "profile": profile})


@page("engagement.manage_own_preferences")
def my_contact_details(request):
    resident = _own_resident(request)
    details = ContactDetails.objects.filter(resident=resident).first()
    form = with_revision(ContactDetailsForm(request.POST or None, about_self=True, details=details), details)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_details_save(
                resident=resident, by=request.user, read_at=form.cleaned_data.get("revision"), **form.values()
            )
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            messages.success(request, _("Thank you. We have saved your contact details."))
            return redirect("my_contact_details")
    return render(request, "engagement/my_contact_details.html", {"form": form, "resident": resident})
