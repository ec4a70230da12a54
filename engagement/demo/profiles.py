"""The demo landlord's residents' profiles: the rest of the equality answers with consent,
communication preferences, support needs, reasonable adjustments and contact restrictions.

Proportions follow what the Housing Ombudsman and the English Housing Survey describe for social
renting: many disabled residents but few with an adjustment in place, some adjustments waiting,
some restrictions left past their review, and about one household in six with no internet.
"""

from datetime import timedelta

from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY, ConsentMethod
from engagement.models import (
    CommunicationPreference,
    ContactRestriction,
    EqualityProfile,
    ReasonableAdjustment,
    SupportNeed,
)

SEX = {"female": 55, "male": 43, PREFER_NOT_TO_SAY: 2}
GENDER_IDENTITY = {"same": 97, "different": 0.6, PREFER_NOT_TO_SAY: 2.4}
SEXUAL_ORIENTATION = {"straight": 87, "gay_or_lesbian": 2, "bisexual": 1.5, "other": 0.5, PREFER_NOT_TO_SAY: 9}
# Religion or belief by ethnic category (the rest of a group's answers follow RELIGION_DEFAULT).
RELIGION_DEFAULT = {"christian": 44, "none": 45, "other": 2, PREFER_NOT_TO_SAY: 6, "muslim": 1, "jewish": 0.5}
RELIGION_BY_ETHNICITY = {
    "asian_bangladeshi": {"muslim": 90, "none": 3, PREFER_NOT_TO_SAY: 7},
    "asian_pakistani": {"muslim": 90, "none": 3, PREFER_NOT_TO_SAY: 7},
    "asian_indian": {"hindu": 45, "sikh": 25, "muslim": 15, "christian": 5, "none": 4, PREFER_NOT_TO_SAY: 6},
    "asian_chinese": {"none": 55, "buddhist": 15, "christian": 20, PREFER_NOT_TO_SAY: 10},
    "black_african": {"christian": 55, "muslim": 35, "none": 4, PREFER_NOT_TO_SAY: 6},
    "black_caribbean": {"christian": 65, "none": 25, "other": 3, PREFER_NOT_TO_SAY: 7},
    "other_arab": {"muslim": 80, "christian": 8, "none": 4, PREFER_NOT_TO_SAY: 8},
}
# How the purpose was explained, for answers given; staff ones get the demo officer's name.
CONSENT_METHODS = {
    ConsentMethod.IN_PERSON: 30,
    ConsentMethod.PHONE: 30,
    ConsentMethod.INTERPRETER: 5,
    ConsentMethod.ONLINE: 20,
    ConsentMethod.PAPER: 15,
}
STAFF_EXPLAINED = [ConsentMethod.IN_PERSON, ConsentMethod.PHONE, ConsentMethod.INTERPRETER]


def pick(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def extra_answers(rng, ethnicity, today):
    """The equality answers beyond ethnicity, disability and language, with consent.

    A resident whose ethnicity was never asked was never asked anything: their silence stays whole.
    """
    if ethnicity == NOT_ASKED:
        return {}
    return {
        "sex": pick(rng, SEX),
        "gender_identity": pick(rng, GENDER_IDENTITY),
        "sexual_orientation": pick(rng, SEXUAL_ORIENTATION),
        "religion": pick(rng, RELIGION_BY_ETHNICITY.get(ethnicity, RELIGION_DEFAULT)),
        "consent_method": pick(rng, CONSENT_METHODS),
        "consent_given_on": today - timedelta(days=rng.randint(10, 3 * 365)),
    }


# Support needs: (category, what the person needs, temporary?).
NEEDS_OF_DISABLED = [
    ("mobility", "Cannot use stairs: ground-floor meetings, and allow extra time to answer the door.", False),
    ("mobility", "Uses a wheelchair: appointments need step-free access and parking close by.", False),
    ("sight", "Partially sighted: letters in large print and read important ones out on the phone.", False),
    ("sight", "Registered blind: audio or Braille letters, and say who you are at the door.", False),
    ("hearing", "Deaf, uses BSL: book a BSL interpreter for visits and use text, not phone calls.", False),
    ("hearing", "Hard of hearing: face them when speaking, and text before a visit.", False),
    ("mental_health", "Anxiety: agree visit times in advance and avoid unannounced calls.", False),
    ("mental_health", "Depression: their support worker may call on their behalf.", False),
    ("cognitive", "Memory difficulties: confirm appointments in writing and phone the day before.", False),
    ("cognitive", "Learning disability: easy-read letters and time to go through them.", False),
    ("other", "Long-term lung condition: damp and mould repairs must be treated as urgent.", False),
]
TEMPORARY_NEEDS = [
    ("temporary_injury", "Broken leg: cannot reach the door quickly for about eight weeks.", True),
    ("bereavement", "Recently bereaved: gentle contact, and no rent letters without a call first.", True),
    ("pregnancy", "Pregnant: damp and heating repairs need priority.", True),
]
LANGUAGE_NEED = ("language", "Needs an interpreter for calls and visits.", False)

ADJUSTMENTS = {
    "mobility": "Meetings and appointments on the ground floor or at home.",
    "sight": "All letters in large print.",
    "hearing": "Contact by text message and email instead of phone calls.",
    "mental_health": "A single named officer for all contact.",
    "cognitive": "Appointment reminders by phone the day before.",
    "language": "A telephone interpreter booked for every call.",
    "other": "Repairs affecting breathing treated as emergencies.",
}
ADJUSTMENT_STATUS = {"requested": 22, "agreed": 13, "in_place": 55, "declined": 10}
DECLINE_REASONS = [
    "The change needed is structural; we offered a move to a ground-floor home instead and explained why.",
    "We cannot guarantee one named officer; we agreed a small team who know the resident's needs.",
]

RESTRICTIONS = [
    (
        "single_contact",
        "All contact through one named housing officer.",
        "Repeated abusive calls to the contact centre.",
    ),
    ("written_only", "Contact in writing only, by letter or email.", "Threats made to staff on the phone."),
    ("two_staff_visits", "Home visits by two members of staff only.", "A member of staff was threatened on a visit."),
    ("set_times", "Phone calls on Tuesday and Thursday mornings only.", "Over 40 calls a week to the repairs line."),
]


def seed_profiles(landlord):
    rng, today = landlord.rng, landlord.today
    officer = landlord.users["housing_officer"]
    EqualityProfile.objects.filter(consent_method__in=STAFF_EXPLAINED).update(consent_explained_by=officer)
    profiles = {
        row["resident_id"]: row
        for row in EqualityProfile.objects.values(
            "resident_id", "disability", "interpreter_needed", "main_language", "sex"
        )
    }
    homes = {home.pk: home for home in landlord.homes}
    no_internet = {h.pk for h in landlord.households if _has_no_internet(rng, homes[h.home_id])}
    needs, preferences, categories = [], [], {}
    for resident in landlord.residents:
        profile = profiles.get(resident.pk, {})
        age = resident.age_on(today) or 50
        resident_needs = _needs(rng, resident, profile, age, today, officer)
        needs += resident_needs
        categories[resident.pk] = [need.category for need in resident_needs if need.ended_on is None]
        if resident.is_lead_tenant or rng.random() < 0.4:
            preferences.append(
                _preference(rng, resident, profile, age, resident.household_id in no_internet, categories)
            )
    SupportNeed.objects.bulk_create(needs, batch_size=2000)
    CommunicationPreference.objects.bulk_create(preferences, batch_size=2000)
    adjustments = _adjustments(rng, landlord.residents, categories, today, officer)
    ReasonableAdjustment.objects.bulk_create(adjustments, batch_size=2000)
    restrictions = _restrictions(rng, landlord.residents, today, officer)
    ContactRestriction.objects.bulk_create(restrictions, batch_size=2000)
    outstanding = sum(1 for a in adjustments if a.status in ("requested", "agreed"))
    several = sum(1 for cats in categories.values() if len(cats) > 1)
    overdue = sum(1 for r in restrictions if r.ended_on is None and r.review_by < today)
    return (
        f"Profiles: {len(preferences)} communication preferences ({len(no_internet)} of {len(landlord.households)} "
        f"households with no internet), {len(needs)} support needs ({several} residents with several), "
        f"{len(adjustments)} reasonable adjustments ({outstanding} outstanding), "
        f"{len(restrictions)} contact restrictions ({overdue} past review)."
    )


def _has_no_internet(rng, home):
    # Older people's housing is offline far more often; overall about one household in six.
    return rng.random() < (0.40 if home.scheme_type == "older_people" else 0.143)


def _needs(rng, resident, profile, age, today, officer):
    chosen = []
    if profile.get("disability") == "yes" and rng.random() < 0.7:
        count = 1 if rng.random() < 0.65 else rng.randint(2, 3)
        chosen += rng.sample(NEEDS_OF_DISABLED, count)
    if profile.get("interpreter_needed") == "yes":
        chosen.append(LANGUAGE_NEED)
    if rng.random() < 0.04:
        category, text, temporary = rng.choice(TEMPORARY_NEEDS)
        if category != "pregnancy" or (profile.get("sex") == "female" and 18 <= age <= 45):
            chosen.append((category, text, temporary))
    needs, seen = [], set()
    for category, text, temporary in chosen:
        if category in seen:
            continue
        seen.add(category)
        started = today - timedelta(days=rng.randint(20, 6 * 365))
        if rng.random() < 0.15:  # left past its review date: what the reviews list is for
            review_by = max(today - timedelta(days=rng.randint(1, 200)), started + timedelta(days=14))
        else:
            review_by = today + timedelta(days=rng.randint(1, rng.choice([90, 180, 365])))
        ended = None
        if temporary and rng.random() < 0.5 or rng.random() < 0.08:
            ended = min(today, started + timedelta(days=rng.randint(30, 300)))
        needs.append(
            SupportNeed(
                resident=resident,
                category=category,
                description=text,
                is_temporary=temporary,
                started_on=started,
                review_by=review_by,
                ended_on=ended,
                end_reason="No longer needed, confirmed with the resident" if ended else "",
                recorded_by=officer,
            )
        )
    return needs


def _preference(rng, resident, profile, age, offline, categories):
    if offline:
        channels = rng.sample(["phone", "letter", "in_person"], rng.randint(1, 3))
    else:
        channels = rng.sample(["phone", "letter", "email", "text", "in_person"], rng.randint(1, 3))
    formats = []
    needs = set(categories.get(resident.pk, []))
    if "sight" in needs:
        formats.append(rng.choice(["large_print", "large_print", "audio", "braille"]))
    elif age >= 75 and rng.random() < 0.1:
        formats.append("large_print")
    if "cognitive" in needs:
        formats.append("easy_read")
    if "hearing" in needs and rng.random() < 0.3:
        formats.append("bsl")
    interpreter = profile.get("main_language", "") if profile.get("interpreter_needed") == "yes" else ""
    representative = ""
    if age >= 80 and rng.random() < 0.25 or needs & {"cognitive", "mental_health"} and rng.random() < 0.2:
        representative = rng.choice(["Daughter", "Son", "Advocacy worker", "Support worker"])
    return CommunicationPreference(
        resident=resident,
        channels=channels,
        formats=formats,
        interpreter_language=interpreter,
        no_internet=offline,
        best_times=rng.choice(["", "", "Weekday mornings", "After 3pm", "Not on Fridays", "Any time"]),
        representative_name=representative,
        representative_contact="Phone number on file" if representative else "",
    )


def _adjustments(rng, residents, categories, today, officer):
    adjustments = []
    for resident in residents:
        current = [c for c in categories.get(resident.pk, []) if c in ADJUSTMENTS]
        # Few residents with a need have an adjustment recorded: the gap the Ombudsman found.
        if not current or rng.random() > 0.35:
            continue
        requested = today - timedelta(days=rng.randint(5, 3 * 365))
        status = pick(rng, ADJUSTMENT_STATUS)
        agreed = requested + timedelta(days=rng.randint(3, 40)) if status in ("agreed", "in_place") else None
        in_place = agreed + timedelta(days=rng.randint(1, 60)) if status == "in_place" else None
        declined = requested + timedelta(days=rng.randint(5, 40)) if status == "declined" else None
        adjustments.append(
            ReasonableAdjustment(
                resident=resident,
                request=ADJUSTMENTS[rng.choice(current)],
                requested_on=requested,
                requested_by=rng.choice(["The resident", "The resident", "Their daughter", "Their support worker"]),
                status=status,
                agreed_on=min(agreed, today) if agreed else None,
                in_place_on=min(in_place, today) if in_place else None,
                declined_on=min(declined, today) if declined else None,
                decline_reason=rng.choice(DECLINE_REASONS) if status == "declined" else "",
                review_by=requested + timedelta(days=365) if status == "in_place" else None,
                recorded_by=officer,
            )
        )
    return adjustments


def _restrictions(rng, residents, today, officer):
    restrictions = []
    for resident in residents:
        if not resident.is_lead_tenant or rng.random() > 0.007:
            continue
        kind, details, reason = rng.choice(RESTRICTIONS)
        started = today - timedelta(days=rng.randint(30, 900))
        review_by = started + timedelta(days=rng.choice([90, 180]))
        ended = None
        if review_by < today:
            roll = rng.random()
            if roll < 0.4:
                ended = review_by  # reviewed on time and lifted
            elif roll < 0.7:
                review_by = today + timedelta(days=rng.randint(10, 150))  # reviewed and kept, with a new date
            # otherwise left past its review date: what the reviews list is for
        restrictions.append(
            ContactRestriction(
                resident=resident,
                kind=kind,
                details=details,
                reason=reason,
                decided_by=rng.choice(["Jo Patel, Housing Services Manager", "Sam Reid, Area Manager"]),
                started_on=started,
                review_by=review_by,
                resident_told_on=started + timedelta(days=rng.randint(0, 5)) if rng.random() < 0.8 else None,
                ended_on=ended,
                recorded_by=officer,
            )
        )
    return restrictions
