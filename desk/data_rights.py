"""UK GDPR rights of one resident: everything held about them (subject access), and erasure.

Every model that points at a resident must be listed in HELD_ABOUT_A_RESIDENT with what erasure
does to it; tests/security/test_data_rights.py fails for a model that is not, so a new kind of
record (contacts, for example) cannot be left out of an export or an erasure by accident.

Erasure keeps the rows that figures are counted from and removes what identifies the person:
- the resident keeps their row, household and home (repair, complaint, response and panel counts
  do not change) but loses their name, date of birth, landlord reference and sign-in;
- special-category records (equality profile, support needs) and contact details (communication
  preferences, email address and phone numbers) are deleted: the person then counts as "not recorded" in equality breakdowns, which
  is true, rather than as a group they can no longer be identified in;
- other records keep their dates, statuses and choices and lose their free text (a complaint's
  summary, an adjustment's request, a restriction's reasons), which is where identifying and
  health details are written;
- survey responses keep their choice answers (satisfaction figures already reported do not move)
  and lose free-text answers; the invitation link stops working;
- the audit of who looked at the record is kept (it is append-only) and an "erased" entry is added.
- a file uploaded for import and not yet confirmed with a row naming them (by their reference) is
  deleted whole; until then, or until IMPORT_BATCH_RETENTION_DAYS deletes it, subject access shows
  those rows (core/imports/batches.py).
"""

import json
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from django.utils import timezone

from core.imports import batches
from desk.models import ContactCorrection
from engagement.audit import record_change
from engagement.models import AuditAction, AuditSubject, Resident

ERASED_FIRST_NAME = "Erased"
ERASED_LAST_NAME = "resident"


@dataclass(frozen=True)
class Held:
    label: str  # "app_label.ModelName"
    title: str  # the section heading in the export
    on_erasure: str  # "delete", "blank" (free-text fields below), "keep"
    blank: tuple = ()
    extra: dict = field(default_factory=dict)


HELD_ABOUT_A_RESIDENT = [
    Held("engagement.EqualityProfile", "Equality information", "delete"),
    Held("engagement.SupportNeed", "Support needs", "delete"),
    Held("engagement.CommunicationPreference", "Communication preferences", "delete"),
    Held("engagement.ContactDetails", "Your email address and phone numbers", "delete"),
    Held("engagement.ReasonableAdjustment", "Reasonable adjustments", "blank", ("request", "decline_reason")),
    Held("engagement.ContactRestriction", "Contact restrictions", "blank", ("details", "reason")),
    Held("desk.Contact", "Contacts with you", "blank", ("notes", "purpose", "warmth_referral")),
    Held("engagement.PanelMembership", "Scrutiny panel memberships", "keep"),
    Held("engagement.ShortlistInvitee", "Panel shortlists you were drawn for", "keep"),
    Held("engagement.EngagementActivity", "Engagement activities you took part in", "keep"),
    Held("surveys.Invitation", "Survey invitations", "keep"),
    Held("surveys.Response", "Survey responses", "keep"),
    Held("surveys.SetAsideDraft", "Survey answers started online, replaced by answers given another way", "delete"),
    Held("repairs.Complaint", "Complaints", "blank", ("summary", "lesson_learnt")),
    Held("repairs.RepairRequest", "Repairs you reported", "keep"),
    Held("engagement.AuditEntry", "Who has looked at your sensitive information", "keep"),
]
HELD_BY_LABEL = {held.label: held for held in HELD_ABOUT_A_RESIDENT}


def relations_to_resident():
    """(model label, field name) for every field in the project that points at a resident."""
    found = []
    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            if model_field.is_relation and model_field.concrete and model_field.related_model is Resident:
                found.append((model._meta.label, model_field.name))
    return sorted(found)


def _rows(resident, label):
    model = apps.get_model(label)
    names = [name for model_label, name in relations_to_resident() if model_label == label]
    query = models.Q()
    for name in names:
        query |= models.Q(**{name: resident})
    return model._default_manager.filter(query).distinct().order_by("pk")


def _value(obj, model_field):
    if model_field.choices:
        return str(getattr(obj, f"get_{model_field.name}_display")())
    value = getattr(obj, model_field.name)
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _record(obj):
    record = {}
    for model_field in obj._meta.concrete_fields:
        if model_field.related_model is Resident or model_field.name in {"token_nonce", "token_hash", "key"}:
            continue
        if model_field.is_relation and model_field.related_model._meta.label == "auth.User":
            user = getattr(obj, model_field.name)
            record[str(model_field.verbose_name)] = user.get_full_name() or user.username if user else None
            continue
        record[str(model_field.verbose_name)] = _value(obj, model_field)
    return record


def _answers(response):
    return {
        answer.question.code: {"question": answer.question.text_in("en-gb"), "answer": answer.value}
        for answer in response.answers.select_related("question").order_by("question__position", "pk")
    }


def subject_access(resident):
    """Everything held about one resident, as plain data (the JSON export and the page both use it)."""
    resident = Resident.objects.select_related("household__home", "user").get(pk=resident.pk)
    home = resident.household.home
    user = resident.user
    sections = [
        {"title": "About you", "records": [_record(resident)]},
        {
            "title": "Your home and tenancy",
            "records": [_record(resident.household), _record(home)],
        },
    ]
    if user is not None:
        sections.append(
            {
                "title": "Your sign-in account",
                "records": [
                    {
                        "username": user.username,
                        "email": user.email,
                        "joined": user.date_joined.isoformat(),
                        "last signed in": user.last_login.isoformat() if user.last_login else None,
                    }
                ],
            }
        )
    for held in HELD_ABOUT_A_RESIDENT:
        records = []
        for obj in _rows(resident, held.label):
            record = _record(obj)
            if held.label == "surveys.Response":
                record["answers"] = _answers(obj)
            if held.label == "desk.Contact":
                record["corrections"] = [_record(correction) for correction in obj.corrections.all()]
            records.append(record)
        sections.append({"title": held.title, "records": records})
    sections.append({"title": UNCONFIRMED_IMPORTS, "records": _unconfirmed_import_rows(resident)})
    return {
        "resident_id": resident.pk,
        "produced_at": timezone.now().isoformat(),
        "sections": sections,
    }


UNCONFIRMED_IMPORTS = "Files uploaded for import and not yet confirmed"


def _unconfirmed_import_rows(resident):
    """Rows naming the resident (by their reference) in files uploaded for import and not yet
    confirmed: held until confirmed or deleted after IMPORT_BATCH_RETENTION_DAYS."""
    return [
        {"file": batch.file_name, "uploaded": batch.uploaded_at.isoformat(), "line": line, **row}
        for batch, line, row in batches.rows_naming("resident_reference", resident.reference)
    ]


def subject_access_json(resident):
    return json.dumps(subject_access(resident), indent=2, ensure_ascii=False, default=str)


def _free_text_question(answer):
    return not answer.question.has_choices


@transaction.atomic
def erase_resident(*, resident, by, reason, path=""):
    """Anonymise one resident on request (see the module docstring for what is kept). Idempotent."""
    resident = Resident.objects.select_for_update().get(pk=resident.pk)
    changed = {}
    for held in HELD_ABOUT_A_RESIDENT:
        rows = _rows(resident, held.label)
        if held.on_erasure == "delete":
            changed[held.label] = rows.count()
            for obj in rows:
                obj.delete()
        elif held.on_erasure == "blank":
            if held.label == "desk.Contact":
                # Corrections keep the contact's earlier words: they are erased with the contact's.
                ContactCorrection.objects.filter(contact__in=rows).update(old_value="", new_value="")
            changed[held.label] = rows.update(**dict.fromkeys(held.blank, ""))
    responses = _rows(resident, "surveys.Response")
    blanked_answers = 0
    for response in responses.prefetch_related("answers__question"):
        for answer in response.answers.all():
            if _free_text_question(answer) and answer.value:
                answer.value = ""
                answer.save(update_fields=["value"])
                blanked_answers += 1
    changed["free-text survey answers"] = blanked_answers
    _rows(resident, "surveys.Invitation").update(expires_at=timezone.now())
    # Files uploaded for import and not confirmed that name them go whole (they can be uploaded again).
    changed["unconfirmed import files"] = batches.delete_batches_naming("resident_reference", resident.reference)
    user = resident.user
    if user is not None:
        user.username = f"erased-{resident.pk}"
        user.email = ""
        user.first_name = user.last_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
    resident.first_name = ERASED_FIRST_NAME
    resident.last_name = ERASED_LAST_NAME
    resident.date_of_birth = None
    resident.reference = None
    resident.user = None
    resident.save()
    record_change(
        user=by,
        resident=resident,
        subject=AuditSubject.WHOLE_RECORD,
        action=AuditAction.ERASED,
        fields=[f"reason: {reason}"[:120], *(f"{label} {count}" for label, count in changed.items() if count)],
        path=path,
    )
    return changed
