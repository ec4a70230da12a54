"""Reads for logging contacts: which prompts to offer, and a household's recent contacts."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from desk.models import Contact, ContactPrompt, Prompt
from engagement.equality import NOT_ASKED, QUESTIONS
from engagement.models import EqualityProfile

# Always offered: a new repair can be spotted at any contact.
ALWAYS_OFFERED = {Prompt.REPAIRS}


def prompts_recently_asked(household, now=None):
    """prompt -> when it was last asked of this household, within CONTACT_PROMPT_REPEAT_DAYS."""
    now = now or timezone.now()
    since = now - timedelta(days=settings.CONTACT_PROMPT_REPEAT_DAYS)
    rows = (
        ContactPrompt.objects.filter(contact__household=household, asked=True, contact__occurred_at__gte=since)
        .values("prompt")
        .annotate(last=Max("contact__occurred_at"))
    )
    return {row["prompt"]: row["last"] for row in rows}


def can_record_needs(user):
    return user.has_perms(["engagement.add_supportneed", "engagement.view_special_category"])


def can_record_adjustments(user):
    return user.has_perm("engagement.add_reasonableadjustment")


def can_offer_equality(user):
    return user.has_perms(["engagement.change_equalityprofile", "engagement.view_special_category"])


def equality_missing(resident):
    """Whether any equality question is still "not asked" (says nothing about the answers given)."""
    profile = EqualityProfile.objects.filter(resident=resident).first()
    return profile is None or any(getattr(profile, name) == NOT_ASKED for name in QUESTIONS)


def prompts_to_offer(*, household, resident, user, now=None):
    """(offered prompts in order, {prompt: when last asked} for those held back as asked recently)."""
    recent = prompts_recently_asked(household, now)
    offered, held_back = [], {}
    for prompt in Prompt:
        if prompt == Prompt.NEEDS and not (can_record_needs(user) or can_record_adjustments(user)):
            continue
        if prompt == Prompt.COMMUNICATION and not user.has_perm("engagement.view_communicationpreference"):
            continue
        if prompt == Prompt.EQUALITY and not (can_offer_equality(user) and equality_missing(resident)):
            continue
        if prompt in recent and prompt not in ALWAYS_OFFERED:
            held_back[prompt] = recent[prompt]
            continue
        offered.append(prompt)
    return offered, held_back


def recent_contacts(household, limit=10):
    return list(
        Contact.objects.filter(household=household)
        .select_related("resident", "made_by")
        .prefetch_related("prompts", "repairs", "follow_ups__owner")
        .order_by("-occurred_at", "-pk")[:limit]
    )


def contacts_shown(contacts):
    """What the resident page shows of `recent_contacts`, as plain values: the key of its cached
    fragment (core/fragments.py)."""
    return [
        (
            c.pk, c.occurred_at, c.channel, c.purpose, c.resident and (c.resident.pk, c.resident.full_name),
            (c.made_by.get_full_name(), c.made_by.username), c.made_as, c.notes,
            [prompt.prompt for prompt in c.prompts_asked()],
            [(repair.reference, repair.status) for repair in c.repairs.all()],
            [(f.action, f.owner.username, f.done_on, f.due_on) for f in c.follow_ups.all()],
        )
        for c in contacts
    ]  # fmt: skip
