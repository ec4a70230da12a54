"""Writes to residents' profiles. Each keeps the audit in the same transaction as the change."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.concurrency import save_unless_changed
from engagement import contact_details
from engagement.audit import record_change
from engagement.equality import NOT_ASKED, ConsentMethod
from engagement.models import (
    AdjustmentStatus,
    AuditAction,
    AuditSubject,
    CommunicationPreference,
    ContactDetails,
    ContactRestriction,
    EqualityProfile,
    ReasonableAdjustment,
    SupportNeed,
)
from engagement.models.adjustments import NEXT_STATUSES

EQUALITY_FIELDS = (
    "ethnicity",
    "disability",
    "sex",
    "gender_identity",
    "sexual_orientation",
    "religion",
    "main_language",
    "interpreter_needed",
    "age_declined",
)
SELF_EXPLAINED = {ConsentMethod.ONLINE, ConsentMethod.PAPER}


def _apply(instance, values):
    """Set `values` on `instance`; return the names of the fields whose value really changed."""
    changed = []
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


@transaction.atomic
def equality_profile_save(*, resident, by, answers, date_of_birth, consent_method="", consent_given_on=None, path=""):
    """Save a resident's equality answers, with the consent that allows us to keep them."""
    unknown = set(answers) - set(EQUALITY_FIELDS)
    if unknown:
        raise ValueError(f"Not equality questions: {sorted(unknown)}")
    profile, created = EqualityProfile.objects.select_for_update().get_or_create(resident=resident)
    changed = _apply(profile, answers)
    if consent_method:
        consent = {"consent_method": consent_method, "consent_given_on": consent_given_on or timezone.localdate()}
        consent["consent_explained_by"] = None if consent_method in SELF_EXPLAINED else by
        changed += _apply(profile, consent)
    if _has_answers(profile) and not profile.consent_method:
        raise ValidationError("Record how the purpose was explained before saving answers.")
    if resident.date_of_birth != date_of_birth:
        resident.date_of_birth = date_of_birth
        resident.save(update_fields=["date_of_birth"])
        changed.append("date_of_birth")
    if changed or created:
        profile.updated_by = by
        profile.save()
        record_change(
            user=by,
            resident=resident,
            subject=AuditSubject.EQUALITY_PROFILE,
            action=AuditAction.ADDED if created else AuditAction.CHANGED,
            object_id=profile.pk,
            fields=changed,
            path=path,
        )
    return profile


def _has_answers(profile):
    return (
        profile.main_language != ""
        or profile.age_declined
        or any(
            getattr(profile, name) != NOT_ASKED
            for name in EQUALITY_FIELDS
            if name not in ("main_language", "age_declined")
        )
    )


@transaction.atomic
def support_need_record(
    *, resident, by, category, description, started_on, is_temporary=False, review_by=None, path=""
):
    need = SupportNeed.objects.create(
        resident=resident,
        category=category,
        description=description,
        is_temporary=is_temporary,
        started_on=started_on,
        review_by=review_by,
        recorded_by=by,
    )
    record_change(
        user=by,
        resident=resident,
        subject=AuditSubject.SUPPORT_NEEDS,
        action=AuditAction.ADDED,
        object_id=need.pk,
        fields=["category", "description", "started_on"],
        path=path,
    )
    return need


@transaction.atomic
def support_need_update(*, need, by, path="", read_at=None, **values):
    """Change a need, or end it (set `ended_on`). The need is kept either way: that is its history.
    `read_at`: the revision the page was read at; StaleEdit if someone saved since (core/concurrency.py)."""
    was_current = need.is_current
    changed = _apply(need, values)
    if not changed:
        return need
    save_unless_changed(need, read_at, changed)
    ended = was_current and not need.is_current
    record_change(
        user=by,
        resident=need.resident,
        subject=AuditSubject.SUPPORT_NEEDS,
        action=AuditAction.ENDED if ended else AuditAction.CHANGED,
        object_id=need.pk,
        fields=changed,
        path=path,
    )
    return need


@transaction.atomic
def adjustment_request(*, resident, by, request, requested_on, requested_by, review_by=None, path=""):
    adjustment = ReasonableAdjustment.objects.create(
        resident=resident,
        request=request,
        requested_on=requested_on,
        requested_by=requested_by,
        review_by=review_by,
        recorded_by=by,
    )
    record_change(
        user=by,
        resident=resident,
        subject=AuditSubject.REASONABLE_ADJUSTMENT,
        action=AuditAction.ADDED,
        object_id=adjustment.pk,
        fields=["request", "requested_on", "requested_by"],
        path=path,
    )
    return adjustment


STEP_DATES = {
    AdjustmentStatus.AGREED: "agreed_on",
    AdjustmentStatus.IN_PLACE: "in_place_on",
    AdjustmentStatus.DECLINED: "declined_on",
}


@transaction.atomic
def adjustment_update(
    *, adjustment, by, status, step_on=None, decline_reason="", review_by=None, path="", read_at=None
):
    """Move an adjustment on (requested → agreed → in place, or declined with a reason)."""
    if read_at is not None and read_at != adjustment.revision:
        # Moved on since the page was read: the status rules below would judge a stale step.
        save_unless_changed(adjustment, read_at, ["status", "review_by", "decline_reason"])
    values = {"review_by": review_by}
    if status != adjustment.status:
        if status not in NEXT_STATUSES[adjustment.status]:
            raise ValidationError(
                f"An adjustment that is {adjustment.get_status_display().lower()} cannot become "
                f"{AdjustmentStatus(status).label.lower()}."
            )
        step_on = step_on or timezone.localdate()
        values["status"] = status
        values[STEP_DATES[status]] = step_on
        if status == AdjustmentStatus.IN_PLACE and adjustment.agreed_on is None:
            values["agreed_on"] = step_on
    if status == AdjustmentStatus.DECLINED:
        if not decline_reason.strip():
            raise ValidationError("Enter the reason given to the resident for declining it.")
        values["decline_reason"] = decline_reason
    changed = _apply(adjustment, values)
    if changed:
        save_unless_changed(adjustment, read_at, changed)
        record_change(
            user=by,
            resident=adjustment.resident,
            subject=AuditSubject.REASONABLE_ADJUSTMENT,
            action=AuditAction.CHANGED,
            object_id=adjustment.pk,
            fields=changed,
            path=path,
        )
    return adjustment


@transaction.atomic
def restriction_record(
    *, resident, by, kind, details, reason, decided_by, started_on, review_by, resident_told_on=None, path=""
):
    if review_by is None:
        raise ValidationError("Enter the date by which the restriction must be reviewed.")
    restriction = ContactRestriction.objects.create(
        resident=resident,
        kind=kind,
        details=details,
        reason=reason,
        decided_by=decided_by,
        started_on=started_on,
        review_by=review_by,
        resident_told_on=resident_told_on,
        recorded_by=by,
    )
    record_change(
        user=by,
        resident=resident,
        subject=AuditSubject.CONTACT_RESTRICTION,
        action=AuditAction.ADDED,
        object_id=restriction.pk,
        fields=["kind", "details", "reason", "decided_by", "started_on", "review_by"],
        path=path,
    )
    return restriction


@transaction.atomic
def restriction_update(*, restriction, by, path="", read_at=None, **values):
    if values.get("review_by", restriction.review_by) is None:
        raise ValidationError("Enter the date by which the restriction must be reviewed.")
    was_current = restriction.is_current
    changed = _apply(restriction, values)
    if changed:
        save_unless_changed(restriction, read_at, changed)
        record_change(
            user=by,
            resident=restriction.resident,
            subject=AuditSubject.CONTACT_RESTRICTION,
            action=AuditAction.ENDED if was_current and not restriction.is_current else AuditAction.CHANGED,
            object_id=restriction.pk,
            fields=changed,
            path=path,
        )
    return restriction


@transaction.atomic
def preferences_save(*, resident, by, read_at=None, **values):
    """Save how a resident wants to hear from us (by an officer, or by the resident themselves).
    `read_at`: the revision the page was read at (0 when there were none); StaleEdit if changed since."""
    preference, _created = CommunicationPreference.objects.get_or_create(resident=resident)
    _apply(preference, values)
    preference.updated_by = by
    save_unless_changed(preference, read_at, [*values, "updated_by"])
    return preference


@transaction.atomic
def patch_assign(*, officer, homes):
    """Put `homes` (a queryset) in `officer`'s patch; returns how many homes moved."""
    return homes.exclude(housing_officer=officer).update(housing_officer=officer)


# Numbers are stored in E.164; a refused save shows them as people write them.
CONTACT_DETAILS_SHOWN = {"mobile_phone": contact_details.shown, "landline_phone": contact_details.shown}


def contact_details_save(*, resident, by, read_at=None, **values):
    """Save a resident's email, mobile and landline (checked by ContactDetailsForm), by staff or themselves.

    `read_at`: the revision the form was read at (0 when there were no details yet). A save from a
    page opened before someone else's save raises StaleEdit and changes nothing: a stale staff page
    must not put back an old number and mark it confirmed today (issue 24 item 3)."""
    details, _created = ContactDetails.objects.get_or_create(resident=resident)
    _apply(details, values)
    details.updated_by = by
    save_unless_changed(details, read_at, [*values, "updated_by"], shown=CONTACT_DETAILS_SHOWN)
    return details
