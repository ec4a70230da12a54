"""A contact after it was logged: its page, corrections that keep the original, follow-ups, patches."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import household_record_or_404, page
from core.concurrency import StaleEdit, read_at, refuse_stale, with_revision
from core.views.form_page import form_page
from desk.contact_logging import contact_correct, follow_up_change, may_change_follow_up, may_correct
from desk.forms.contact_records import AsbCaseForm, ContactCorrectionForm, FollowUpForm, PatchAssignForm
from desk.models import Contact, ContactChannel, FollowUp
from desk.selectors.worklist import homes_for_patch
from engagement import services
from repairs.models import AsbChannel
from repairs.services.asb import asb_case_open

# How a contact's channel is recorded on an anti-social behaviour case.
ASB_CHANNELS = {
    ContactChannel.PHONE: AsbChannel.PHONE,
    ContactChannel.EMAIL: AsbChannel.EMAIL,
    ContactChannel.LETTER: AsbChannel.LETTER,
    ContactChannel.HOME_VISIT: AsbChannel.IN_PERSON,
    ContactChannel.DROP_IN: AsbChannel.IN_PERSON,
    ContactChannel.COMMUNITY_EVENT: AsbChannel.IN_PERSON,
    ContactChannel.REPAIR_APPOINTMENT: AsbChannel.IN_PERSON,
    ContactChannel.SIGN_UP: AsbChannel.IN_PERSON,
}


def _contact(pk, user):
    contacts = Contact.objects.select_related("household__home", "resident", "made_by").prefetch_related(
        "prompts", "repairs", "asb_cases", "follow_ups__owner", "corrections__corrected_by"
    )
    return household_record_or_404(user, contacts, pk=pk)


@page("desk.view_contact", "engagement.view_resident")
def contact_detail(request, pk):
    """The contact, its follow-ups and its corrections. Its author or a manager corrects it here."""
    contact = _contact(pk, request.user)
    can_correct = may_correct(request.user, contact)
    if request.method == "POST" and not can_correct:
        raise PermissionDenied
    initial = {"purpose": contact.purpose, "notes": contact.notes}
    form = with_revision(ContactCorrectionForm(request.POST or None, initial=initial), contact) if can_correct else None
    if request.method == "POST" and form.is_valid():
        try:
            changed = contact_correct(
                contact=contact,
                by=request.user,
                changes=form.changes(),
                reason=form.cleaned_data["reason"],
                read_at=read_at(form, contact),
            )
        except StaleEdit as error:
            refuse_stale(form, error)
            contact = _contact(pk, request.user)  # the page shows the contact as it is now
        else:
            messages.success(request, _("Contact corrected.") if changed else _("Nothing was changed."))
            return redirect("contact_detail", pk=contact.pk)
    context = {
        "contact": contact,
        "form": form,
        "follow_ups": [(f, may_change_follow_up(request.user, f)) for f in contact.follow_ups.all()],
        "can_open_asb_case": request.user.has_perm("repairs.add_asbcase"),
    }
    return render(request, "desk/contacts/detail.html", context)


@page("desk.view_contact", "repairs.add_asbcase")
def asb_case_add(request, pk):
    """Open an anti-social behaviour case from a logged contact: the home is the contact's, and the
    channel is the contact's."""
    contact = _contact(pk, request.user)
    initial = {"opened_on": timezone.localdate(contact.occurred_at), "summary": contact.notes or contact.purpose}
    form = AsbCaseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        case = asb_case_open(
            home=contact.household.home,
            opened_on=form.cleaned_data["opened_on"],
            involves_hate_incident=form.cleaned_data["involves_hate_incident"],
            channel=ASB_CHANNELS.get(contact.channel, AsbChannel.OTHER),
            summary=form.cleaned_data["summary"],
            opened_by=request.user,
        )
        contact.asb_cases.add(case)
        messages.success(request, _("Anti-social behaviour case %(reference)s opened.") % {"reference": case.reference})
        return redirect("contact_detail", pk=contact.pk)
    back = reverse("contact_detail", args=[contact.pk])
    return form_page(request, form, title=_("Open an anti-social behaviour case"), caption=str(contact), back_url=back)


@page("desk.view_contact", "desk.change_followup")
def follow_up_edit(request, pk):
    follow_up = get_object_or_404(FollowUp.objects.select_related("contact", "owner"), pk=pk)
    if not may_change_follow_up(request.user, follow_up):
        raise PermissionDenied
    initial = {"action": follow_up.action, "owner": follow_up.owner, "due_on": follow_up.due_on}
    form = with_revision(FollowUpForm(request.POST or None, initial=initial), follow_up)
    if request.method == "POST" and form.is_valid():
        values = {name: value for name, value in form.cleaned_data.items() if name != "revision"}
        try:
            follow_up_change(follow_up=follow_up, read_at=read_at(form, follow_up), **values)
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            messages.success(request, _("Follow-up saved: %(action)s") % {"action": follow_up.action})
            return redirect("contact_detail", pk=follow_up.contact_id)
    back = reverse("contact_detail", args=[follow_up.contact_id])
    return form_page(request, form, title=_("Change the follow-up"), caption=str(follow_up.contact), back_url=back)


@page("desk.assign_patches")
def patch_assign(request):
    form = PatchAssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        references = form.references()
        homes = homes_for_patch(references=references, postcode_area=form.cleaned_data["postcode_area"])
        unknown = sorted(set(references) - set(homes.values_list("property_reference", flat=True)))
        if unknown:
            form.add_error(
                "property_references", _("No home has the reference %(refs)s") % {"refs": ", ".join(unknown)}
            )
        elif not homes.exists():
            form.add_error("postcode_area", _("No home has a postcode in that area"))
        else:
            officer = form.cleaned_data["officer"]
            moved = services.patch_assign(officer=officer, homes=homes)
            messages.success(request, _("%(count)s homes moved to %(name)s's patch (%(total)s named).") % {
                "count": moved, "name": officer.get_full_name() or officer.username, "total": homes.count()})  # fmt: skip
            return redirect("patch_assign")
    intro = _("A patch is the homes an officer looks after: their worklist and patch view cover them.")
    return form_page(request, form, title=_("Assign homes to a patch"), intro=intro)
