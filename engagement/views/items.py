"""Adding and changing a resident's support needs, adjustments, restrictions and preferences."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import household_record_or_404, page
from core.concurrency import StaleEdit, read_at, refuse_stale, with_revision
from core.views.form_page import form_page
from engagement import services
from engagement.audit import record_view
from engagement.forms import items as item_forms
from engagement.forms.contact_details import ContactDetailsForm
from engagement.forms.preferences import CommunicationPreferenceForm
from engagement.models import (
    AuditAction,
    AuditEntry,
    AuditSubject,
    CommunicationPreference,
    ContactDetails,
    ContactRestriction,
    ReasonableAdjustment,
    SupportNeed,
)
from engagement.views.residents import resident_or_404

SPECIAL = "engagement.view_special_category"


def _form_page(request, resident, form, *, title, intro="", history=None, item=None):
    back = reverse("resident_detail", kwargs={"pk": resident.pk})
    name = resident.full_name
    return form_page(
        request,
        form,
        title=title,
        caption=name,
        back_url=back,
        back_label=name,
        intro=intro,
        template="engagement/resident/item_form.html",
        resident=resident,
        history=history,
        item=item,
    )


def _done(request, resident, message):
    messages.success(request, message)
    return redirect("resident_detail", pk=resident.pk)


def _history(subject, pk):
    """Every recorded change to one item (never the views), oldest first: the item's history."""
    return (
        AuditEntry.objects.filter(subject=subject, object_id=pk)
        .exclude(action=AuditAction.VIEWED)
        .select_related("user")
        .order_by("at", "pk")
    )


@page("engagement.add_supportneed", SPECIAL)
def support_need_add(request, pk):
    resident = resident_or_404(pk, request.user)
    form = item_forms.SupportNeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.support_need_record(resident=resident, by=request.user, path=request.path, **form.cleaned_data)
        return _done(request, resident, _("Support need added."))
    return _form_page(request, resident, form, title=_("Add a support need"))


@page("engagement.change_supportneed", SPECIAL)
def support_need_edit(request, resident_pk, pk):
    need = household_record_or_404(
        request.user,
        SupportNeed.objects.select_related("resident"),
        "resident__household",
        pk=pk,
        resident_id=resident_pk,
    )
    resident = need.resident
    fields = ["category", "description", "is_temporary", "started_on", "review_by", "ended_on", "end_reason"]
    form = item_forms.SupportNeedChangeForm(request.POST or None, initial={f: getattr(need, f) for f in fields})
    with_revision(form, need)
    if request.method == "GET":
        record_view(
            user=request.user,
            resident=resident,
            subject=AuditSubject.SUPPORT_NEEDS,
            detail=f"Support need {need.pk}",
            path=request.path,
        )
    if request.method == "POST" and form.is_valid():
        values = {name: value for name, value in form.cleaned_data.items() if name != "revision"}
        try:
            services.support_need_update(
                need=need, by=request.user, path=request.path, read_at=read_at(form, need), **values
            )
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            message = _("Support need ended. It stays in their history.") if need.ended_on else _("Support need saved.")
            return _done(request, resident, message)
    history = _history(AuditSubject.SUPPORT_NEEDS, need.pk)
    return _form_page(request, resident, form, title=_("Change a support need"), history=history, item=need)


@page("engagement.add_reasonableadjustment")
def adjustment_add(request, pk):
    resident = resident_or_404(pk, request.user)
    form = item_forms.AdjustmentRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.adjustment_request(resident=resident, by=request.user, path=request.path, **form.cleaned_data)
        return _done(request, resident, _("Reasonable adjustment request recorded."))
    return _form_page(request, resident, form, title=_("Record a request for a reasonable adjustment"))


@page("engagement.change_reasonableadjustment")
def adjustment_edit(request, resident_pk, pk):
    adjustment = household_record_or_404(
        request.user,
        ReasonableAdjustment.objects.select_related("resident"),
        "resident__household",
        pk=pk,
        resident_id=resident_pk,
    )
    resident = adjustment.resident
    form = with_revision(item_forms.AdjustmentProgressForm(request.POST or None, adjustment=adjustment), adjustment)
    if request.method == "POST" and form.is_valid():
        values = {name: value for name, value in form.cleaned_data.items() if name != "revision"}
        try:
            services.adjustment_update(
                adjustment=adjustment,
                by=request.user,
                path=request.path,
                read_at=read_at(form, adjustment),
                **values,
            )
        except StaleEdit as error:
            refuse_stale(form, error)
        except ValidationError as error:
            form.add_error("status", error)
        else:
            return _done(request, resident, _("Reasonable adjustment updated."))
    history = _history(AuditSubject.REASONABLE_ADJUSTMENT, adjustment.pk)
    return _form_page(
        request, resident, form, title=_("Update a reasonable adjustment"), history=history, item=adjustment
    )


@page("engagement.add_contactrestriction")
def restriction_add(request, pk):
    resident = resident_or_404(pk, request.user)
    form = item_forms.ContactRestrictionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.restriction_record(resident=resident, by=request.user, path=request.path, **form.cleaned_data)
        return _done(request, resident, _("Contact restriction recorded."))
    intro = _(
        "Restrict contact only when it is needed, for as short a time as possible, and tell the resident "
        "what is restricted, why, and when it will be reviewed."
    )
    return _form_page(request, resident, form, title=_("Record a contact restriction"), intro=intro)


@page("engagement.change_contactrestriction")
def restriction_edit(request, resident_pk, pk):
    restriction = household_record_or_404(
        request.user,
        ContactRestriction.objects.select_related("resident"),
        "resident__household",
        pk=pk,
        resident_id=resident_pk,
    )
    resident = restriction.resident
    fields = ["kind", "details", "reason", "decided_by", "started_on", "review_by", "resident_told_on", "ended_on"]
    form = item_forms.ContactRestrictionChangeForm(
        request.POST or None, initial={f: getattr(restriction, f) for f in fields}
    )
    with_revision(form, restriction)
    if request.method == "POST" and form.is_valid():
        values = {name: value for name, value in form.cleaned_data.items() if name != "revision"}
        try:
            services.restriction_update(
                restriction=restriction,
                by=request.user,
                path=request.path,
                read_at=read_at(form, restriction),
                **values,
            )
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            return _done(request, resident, _("Contact restriction saved."))
    history = _history(AuditSubject.CONTACT_RESTRICTION, restriction.pk)
    return _form_page(
        request, resident, form, title=_("Review or change a contact restriction"), history=history, item=restriction
    )


@page("engagement.change_communicationpreference")
def preferences_edit(request, pk):
    resident = resident_or_404(pk, request.user)
    preference = CommunicationPreference.objects.filter(resident=resident).first()
    form = with_revision(
        CommunicationPreferenceForm(request.POST or None, about_self=False, preference=preference), preference
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.preferences_save(
                resident=resident, by=request.user, read_at=form.cleaned_data.get("revision"), **form.values()
            )
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            return _done(request, resident, _("Communication preferences saved."))
    return _form_page(request, resident, form, title=_("Communication preferences"))


@page("engagement.view_resident", "engagement.change_contactdetails")
def contact_details_edit(request, pk):
    resident = resident_or_404(pk, request.user)
    details = ContactDetails.objects.filter(resident=resident).first()
    form = with_revision(ContactDetailsForm(request.POST or None, about_self=False, details=details), details)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_details_save(
                resident=resident, by=request.user, read_at=form.cleaned_data.get("revision"), **form.values()
            )
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            return _done(request, resident, _("Contact details saved."))
    intro = _("Check each detail with the resident. Saving a detail with where it came from confirms it today.")
    return _form_page(request, resident, form, title=_("Contact details"), intro=intro)
