"""Logging a contact, with everything it leads to, in one transaction.

A contact may raise a repair (or record one fixed there and then), open a support need or a
reasonable adjustment, and set follow-up actions. Either all of it is saved or none of it is.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from core.concurrency import save_unless_changed
from core.models import LanguageSource
from desk.models import (
    Contact,
    ContactChannel,
    ContactCorrection,
    ContactPrompt,
    ContactRole,
    EqualityOutcome,
    FollowUp,
    Prompt,
)
from engagement import services
from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY, QUESTIONS, ConsentMethod
from engagement.models import EqualityProfile
from repairs import services as repair_services
from repairs.models import Channel as RepairChannel


@dataclass(frozen=True)
class NewRepair:
    category: str
    description: str
    priority: str = "routine"
    fixed_at_visit: bool = False
    hazard: str = ""  # a repairs Hazard: damp and mould or emergency starts Awaab's Law clocks


@dataclass(frozen=True)
class NewNeed:
    category: str
    description: str
    review_by: date | None = None


@dataclass(frozen=True)
class NewAdjustment:
    request: str
    requested_by: str


@dataclass(frozen=True)
class NewFollowUp:
    action: str
    owner: object
    due_on: date


def repair_channel(channel, made_as):
    """How the repair was reported, in the repairs service's words."""
    if channel == ContactChannel.PHONE:
        return RepairChannel.PHONE
    if channel in (ContactChannel.EMAIL, ContactChannel.LETTER):
        return RepairChannel.ONLINE
    if channel in (ContactChannel.HOME_VISIT, ContactChannel.REPAIR_APPOINTMENT, ContactChannel.SIGN_UP):
        return RepairChannel.OPERATIVE if made_as == ContactRole.REPAIRS_OPERATIVE else RepairChannel.VISIT
    return RepairChannel.IN_PERSON


@transaction.atomic
def contact_log(
    *,
    household,
    resident,
    by,
    occurred_at,
    channel,
    made_as,
    purpose,
    notes="",
    asked=(),
    answers=None,
    repair=None,
    need=None,
    adjustment=None,
    follow_ups=(),
    language=None,
    path="",
    submission_key=None,
):
    """Save one contact and all it led to. `asked` is the set of prompts asked; every other prompt
    is recorded as not asked. `language` is the notes' LanguageReview, recorded with the contact.

    `submission_key` names one filling-in of the form: sent again (a double click, or a second try
    after the service asked to try again, when the first had in fact been saved), the contact
    already saved under it is returned with `already_saved` set, and nothing is saved twice. Two
    sends at the same moment meet at the key's unique index: the second waits for the first and
    then finds it."""
    if submission_key is not None:
        saved = Contact.objects.filter(submission_key=submission_key).first()
        if saved is not None:
            saved.already_saved = True
            return saved
    contact = Contact.objects.create(
        submission_key=submission_key,
        household=household,
        resident=resident,
        occurred_at=occurred_at,
        channel=channel,
        made_by=by,
        made_as=made_as,
        purpose=purpose,
        notes=notes,
        **(answers or {}),
    )
    ContactPrompt.objects.bulk_create(
        ContactPrompt(contact=contact, prompt=prompt, asked=prompt in set(asked)) for prompt in Prompt
    )
    if repair is not None:
        contact.repairs.add(_raise_repair(repair, household=household, resident=resident, by=by, contact=contact))
    day = timezone.localdate(occurred_at)
    if need is not None:
        contact.support_needs.add(
            services.support_need_record(
                resident=resident,
                by=by,
                category=need.category,
                description=need.description,
                started_on=day,
                review_by=need.review_by,
                path=path,
            )
        )
    if adjustment is not None:
        contact.adjustments.add(
            services.adjustment_request(
                resident=resident,
                by=by,
                request=adjustment.request,
                requested_on=day,
                requested_by=adjustment.requested_by,
                path=path,
            )
        )
    for follow_up in follow_ups:
        FollowUp.objects.create(
            contact=contact, action=follow_up.action, owner=follow_up.owner, due_on=follow_up.due_on
        )
    if contact.equality_outcome == EqualityOutcome.PREFER_NOT and resident is not None:
        _record_prefer_not_to_say(resident, by=by, channel=channel, day=day, path=path)
    if language is not None:
        language.record(source=LanguageSource.CONTACT_NOTES, by=by, contact=contact)
    return contact


def _raise_repair(repair, *, household, resident, by, contact):
    channel = repair_channel(contact.channel, contact.made_as)
    if repair.fixed_at_visit:
        return repair_services.repair_fixed_at_visit(
            home=household.home,
            category=repair.category,
            description=repair.description,
            fixed_by=by,
            fixed_at=contact.occurred_at,
            channel=channel,
            reported_by=resident,
        )
    return repair_services.repair_raise(
        home=household.home,
        category=repair.category,
        description=repair.description,
        priority=repair.priority,
        channel=channel,
        raised_by=by,
        reported_by=resident,
        reported_at=contact.occurred_at,  # so the Awaab's Law clocks start when the hazard was seen
        hazard=repair.hazard,
    )


def _record_prefer_not_to_say(resident, *, by, channel, day, path):
    """The resident was offered the equality questions and chose not to answer: every question
    not yet asked becomes "prefer not to say", which the dashboards count apart from "not asked"."""
    profile = EqualityProfile.objects.filter(resident=resident).first()
    answers = {name: PREFER_NOT_TO_SAY for name in QUESTIONS if profile is None or getattr(profile, name) == NOT_ASKED}
    if not answers:
        return
    method = ConsentMethod.PHONE if channel == ContactChannel.PHONE else ConsentMethod.IN_PERSON
    services.equality_profile_save(
        resident=resident,
        by=by,
        answers=answers,
        date_of_birth=resident.date_of_birth,
        consent_method=profile.consent_method if profile and profile.consent_method else method,
        consent_given_on=profile.consent_given_on if profile and profile.consent_given_on else day,
        path=path,
    )


@transaction.atomic
def follow_up_done(*, follow_up, on):
    follow_up.done_on = on
    follow_up.save(update_fields=["done_on"])
    return follow_up


CORRECTABLE_FIELDS = ("purpose", "notes")


def may_correct(user, contact):
    """The contact's author, or a manager (who holds `correct_any_contact`)."""
    return contact.made_by_id == user.pk or user.has_perm("desk.correct_any_contact")


@transaction.atomic
def contact_correct(*, contact, by, changes, reason, read_at=None):
    """Change a contact's words. Each changed field gets a correction row keeping the old text.
    `read_at`: the revision the page was read at; a correction made from a page opened before
    another correction raises StaleEdit and saves nothing (core/concurrency.py)."""
    corrections = []
    for field, value in changes.items():
        if field not in CORRECTABLE_FIELDS or getattr(contact, field) == value:
            continue
        corrections.append(
            ContactCorrection(
                contact=contact, field=field, old_value=getattr(contact, field), new_value=value, reason=reason,
                corrected_by=by,
            )
        )  # fmt: skip
        setattr(contact, field, value)
    if corrections:
        save_unless_changed(contact, read_at, [correction.field for correction in corrections])
        ContactCorrection.objects.bulk_create(corrections)
    return corrections


def may_change_follow_up(user, follow_up):
    """Its owner, whoever logged the contact, or a manager."""
    return (
        follow_up.owner_id == user.pk
        or follow_up.contact.made_by_id == user.pk
        or user.has_perm("desk.correct_any_contact")
    )


@transaction.atomic
def follow_up_change(*, follow_up, action, owner, due_on, read_at=None):
    follow_up.action, follow_up.owner, follow_up.due_on = action, owner, due_on
    save_unless_changed(follow_up, read_at, ["action", "owner", "due_on"])
    return follow_up
