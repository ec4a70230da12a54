"""Logging a contact, the officer's worklist actions, and the patch view."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import household_record_or_404, page
from core.language_check import active_rules, review_form
from desk.contact_logging import contact_log, follow_up_done
from desk.forms.contacts import ContactForm
from desk.models import Contact, ContactChannel, EqualityOutcome, FollowUp, Prompt
from desk.presenters import contact_page
from desk.selectors.contacts import prompts_to_offer
from desk.selectors.worklist import patch_silences
from engagement.audit import record_view, record_views
from engagement.models import AuditSubject, Resident
from repairs.selectors import repair_for


@page("desk.add_contact", "engagement.view_resident")
def contact_add(request, pk):
    resident = household_record_or_404(request.user, Resident.objects.select_related("household__home"), pk=pk)
    household = resident.household
    offered, held_back = prompts_to_offer(household=household, resident=resident, user=request.user)
    if request.method == "GET" and Prompt.EQUALITY in offered:
        _audit_equality_offer(request, resident)
    rules = active_rules()
    job = _job(request, household)
    form = ContactForm(
        request.POST or None,
        household=household,
        resident=resident,
        user=request.user,
        offered=offered,
        rules=rules,
        initial=_from_job(job),
    )
    review = None
    if request.method == "POST" and form.is_valid():
        review = review_form(form, "notes", rules)
        contact = None if review.needs_review else _log(request, form, household, review)
        if contact is not None:
            return _saved(request, contact, resident, job)
    page_context = contact_page(
        form=form, resident=resident, job=job, offered=offered, held_back=held_back, review=review
    )
    return render(request, "desk/contacts/form.html", page_context)


def _audit_equality_offer(request, resident):
    """Offering the questions shows that some are unanswered: a read of the equality profile."""
    record_view(
        user=request.user,
        resident=resident,
        subject=AuditSubject.EQUALITY_PROFILE,
        detail="Log a contact: equality questions not yet asked",
        path=request.path,
    )


def _log(request, form, household, review):
    """Save the contact and all it brings, or nothing: None (with the form's error) if it failed."""
    try:
        return contact_log(
            household=household,
            resident=form.resident(),
            by=request.user,
            occurred_at=form.occurred_at(),
            channel=form.cleaned_data["channel"],
            made_as=form.cleaned_data["made_as"],
            purpose=form.cleaned_data["purpose"],
            notes=form.cleaned_data["notes"],
            asked=form.asked(),
            answers=form.answers(),
            repair=form.new_repair(),
            need=form.new_need(),
            adjustment=form.new_adjustment(),
            follow_ups=form.follow_ups(),
            language=review,
            path=request.path,
            submission_key=form.cleaned_data.get("once"),
        )
    except (DatabaseError, ValidationError):
        # The same form sent twice at once: the other send saved it (the key's unique index).
        key = form.cleaned_data.get("once")
        if key is not None and (saved := Contact.objects.filter(submission_key=key).first()) is not None:
            saved.already_saved = True
            return saved
        form.add_error(None, _("The contact could not be saved, so nothing from this form was saved. Try again."))
        return None


def _job(request, household):
    """The repair job a contact is logged from (`?repair=`), if the user may see it and it is at
    this household's home; otherwise None."""
    pk = request.GET.get("repair", "")
    if not pk.isdigit() or not request.user.has_perm("repairs.view_repairrequest"):
        return None
    repair = repair_for(request.user, int(pk))
    return repair if repair.home_id == household.home_id else None


def _from_job(job):
    if job is None:
        return {}
    return {
        "channel": ContactChannel.REPAIR_APPOINTMENT,
        "purpose": _("Repair %(ref)s: %(kind)s") % {"ref": job.reference, "kind": job.get_category_display().lower()},
    }


def _saved(request, contact, resident, job=None):
    if getattr(contact, "already_saved", False):
        parts = [_("This contact was already saved: it was sent twice, and is kept once.")]
    else:
        parts = [_("Contact saved.")]
    repair = contact.repairs.first()
    if repair:
        parts.append(_("Repair %(ref)s recorded (%(status)s).") % {"ref": repair.reference,
                                                                   "status": repair.get_status_display().lower()})  # fmt: skip
    messages.success(request, " ".join(parts))
    if contact.equality_outcome == EqualityOutcome.ANSWERING and contact.resident_id:
        return redirect("equality_profile_edit", pk=contact.resident_id)
    can_change_preferences = request.user.has_perm("engagement.change_communicationpreference")
    if contact.preferences_still_right == "no" and contact.resident_id and can_change_preferences:
        return redirect("preferences_edit", pk=contact.resident_id)
    if job is not None:
        return redirect("repairs:detail", pk=job.pk)
    return redirect("resident_detail", pk=resident.pk)


@page("desk.change_followup", post_only=True)
def follow_up_mark_done(request, pk):
    follow_up = get_object_or_404(FollowUp, pk=pk, owner=request.user)
    if request.method == "POST":
        follow_up_done(follow_up=follow_up, on=timezone.localdate())
        messages.success(request, _("Follow-up marked as done: %(action)s") % {"action": follow_up.action})
    return redirect("home")


# Residents listed in each group on the patch page, longest silent first; the rest are a page at a
# time on the group's own page. A patch of 500 homes has about 500 residents not heard from, and
# listing (and auditing) them all on every visit cost most of the page's time at 150,000 homes.
PATCH_SHOWN = 50


@page("desk.work_a_patch", "engagement.view_resident")
def patch(request):
    """Who in my patch we have not heard from (CONTACT_NOT_HEARD_DAYS), by what tends to keep people silent.

    The page lists the first PATCH_SHOWN of each group; `?group=` lists one group page by page."""
    silences = patch_silences(request.user, request.user)
    groups = dict(silences.groups())
    group = request.GET.get("group", "")
    if group in groups:
        residents_page = Paginator(groups[group], PATCH_SHOWN).get_page(request.GET.get("page"))
        listed = list(residents_page)
        context = {"silences": silences, "group": group, "page": residents_page, "query": f"group={group}"}
        template = "desk/contacts/patch_group.html"
    else:
        listed = [r for residents in groups.values() for r in residents[:PATCH_SHOWN]]
        context = {"silences": silences, "shown_limit": PATCH_SHOWN}
        template = "desk/contacts/patch.html"
    if silences.disability is not None:
        # The grouping shows who is and is not recorded as disabled: every resident listed is a read.
        record_views(
            user=request.user,
            residents=sorted(set(listed), key=lambda r: r.pk),
            subject=AuditSubject.EQUALITY_PROFILE,
            detail=f"Patch view: no contact in {silences.not_heard_days} days, grouped by disability",
            path=request.path,
        )
    return render(request, template, context)
