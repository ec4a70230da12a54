"""The demo officer's patch and a contact history across the landlord, some of it badly worded.

About one household in twelve is in the demo officer's patch. Most households have a few contacts
over the last two years; some in the patch have had none for a long time (the worklist's and the
patch view's silences). Roughly one note in eight uses a phrase the respectful-language check
flags, so there is something to find and count.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from desk.models import Contact, ContactPrompt, FollowUp, Prompt
from engagement.models import Home
from repairs.models import RepairRequest

PATCH_SHARE = 0.08
CHANNELS = {
    "home_visit": 30,
    "phone": 35,
    "email": 8,
    "letter": 4,
    "drop_in": 6,
    "community_event": 5,
    "repair_appointment": 8,
    "asb_report": 3,
    "sign_up": 1,
}
PURPOSES = {
    "home_visit": ["Annual tenancy visit", "Welfare check", "Damp and mould follow-up"],
    "phone": ["Rent query", "Chasing a repair", "Noise from next door", "Changing contact details"],
    "email": ["Repair update requested", "Question about service charges"],
    "letter": ["Reply to our letter about the gas safety check"],
    "drop_in": ["Help with a Universal Credit form", "Question about a transfer"],
    "community_event": ["Spoke at the estate fun day", "Coffee morning at the community centre"],
    "repair_appointment": ["Operative visit for a booked repair"],
    "asb_report": ["Reported noise and threats from a neighbour"],
    "sign_up": ["Tenancy sign-up"],
}
NOTES = [
    "Talked through the repairs outstanding; happy with the new kitchen.",
    "Asked for calls after 4pm because of work shifts.",
    "Heating works but costs too much to run all day; gave energy advice details.",
    "Mould in the back bedroom again since the winter. Booked a damp survey.",
    "Would like letters in large print. Updated preferences.",
    "No answer at 10am; card left with our number.",
    "Spoke through a Polish interpreter by phone. All fine.",
    "Daughter now helps with letters; she is happy to be the contact.",
]
# Notes the respectful-language check should find.
STIGMATISING_NOTES = [
    "Resident refused access for the gas check. Third time.",
    "Known non-engager, did not reply to letters.",
    "Mould is down to lifestyle: drying clothes indoors.",
    "Very demanding on the phone about the leak.",
    "Vulnerable adult, lives alone.",
    "Tenant was aggressive when told the repair is not until next month.",
    "Household is hard to reach.",
]
PROMPT_CHANCE = {Prompt.REPAIRS: 0.6, Prompt.WARMTH: 0.35, Prompt.HAPPINESS: 0.3, Prompt.NEEDS: 0.3,
                 Prompt.COMMUNICATION: 0.25, Prompt.EQUALITY: 0.1}  # fmt: skip


def _pick(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def seed_contacts(landlord):
    rng, today, users = landlord.rng, landlord.today, landlord.users
    officer = users["housing_officer"]
    patch = [home.pk for home in landlord.homes if rng.random() < PATCH_SHARE]
    Home.objects.filter(pk__in=patch).update(housing_officer=officer)
    patch = set(patch)
    staff = {"housing_officer": officer, "repairs_operative": users["repairs_operative"],
             "contact_centre": users["contact_centre_agent"]}  # fmt: skip
    residents_by_household = {}
    for resident in landlord.residents:
        residents_by_household.setdefault(resident.household_id, []).append(resident)
    contacts, stigmatising = [], 0
    for household in landlord.households:
        if household.tenancy_end is not None:
            continue
        in_patch = household.home_id in patch
        # A third of the patch has not been heard from for a long time (or ever).
        silent = rng.random() < (0.33 if in_patch else 0.2)
        for _ in range(rng.randint(0, 1) if silent else rng.randint(1, 4)):
            days_ago = rng.randint(400, 900) if silent else rng.randint(1, 700)
            channel = _pick(rng, CHANNELS)
            made_as = ("repairs_operative" if channel == "repair_appointment"
                       else "contact_centre" if channel in ("phone", "email") and rng.random() < 0.6
                       else "housing_officer")  # fmt: skip
            if rng.random() < 0.12:
                notes, stigmatising = rng.choice(STIGMATISING_NOTES), stigmatising + 1
            else:
                notes = rng.choice(NOTES)
            when = datetime.combine(today - timedelta(days=days_ago), time(rng.randint(9, 16), rng.choice([0, 30])))
            people = residents_by_household.get(household.pk, [])
            contacts.append(
                Contact(
                    household=household,
                    resident=rng.choice(people) if people and rng.random() < 0.85 else None,
                    occurred_at=timezone.make_aware(when),
                    channel=channel,
                    made_by=staff[made_as],
                    made_as=made_as,
                    purpose=rng.choice(PURPOSES[channel]),
                    notes=notes,
                    happiness=rng.choice([1, 2, 3, 4, 4, 5, 5]) if rng.random() < 0.3 else None,
                )
            )
    Contact.objects.bulk_create(contacts, batch_size=2000)
    prompts, follow_ups = [], []
    for contact in contacts:
        for prompt, chance in PROMPT_CHANCE.items():
            asked = rng.random() < chance or (prompt == Prompt.HAPPINESS and contact.happiness is not None)
            prompts.append(ContactPrompt(contact=contact, prompt=prompt, asked=asked))
        if contact.made_by == officer and rng.random() < 0.25:
            due = timezone.localdate(contact.occurred_at) + timedelta(days=14)
            done = due - timedelta(days=rng.randint(0, 10)) if due < today - timedelta(days=30) else None
            follow_ups.append(
                FollowUp(
                    contact=contact,
                    action=rng.choice(
                        [
                            "Call back with the survey date",
                            "Chase the damp survey",
                            "Send the rent statement",
                            "Check the adjustment is in place",
                        ]
                    ),
                    owner=officer,
                    due_on=due,
                    done_on=done,
                )  # fmt: skip
            )
    ContactPrompt.objects.bulk_create(prompts, batch_size=5000)
    FollowUp.objects.bulk_create(follow_ups, batch_size=2000)
    linked = _link_repairs(rng, contacts)
    open_follow_ups = sum(1 for f in follow_ups if f.done_on is None)
    return (
        f"Contacts: {len(patch)} homes in the demo officer's patch, {len(contacts)} contacts "
        f"({stigmatising} with notes the language check flags), {open_follow_ups} open follow-ups, "
        f"{linked} repairs raised at a contact."
    )


def _link_repairs(rng, contacts):
    """A repair the household reported within a week after a contact was, often, raised at it."""
    by_household = {}
    for repair in RepairRequest.objects.values("pk", "household_id", "reported_at").order_by("reported_at"):
        by_household.setdefault(repair["household_id"], []).append(repair)
    links = []
    for contact in contacts:
        week = [r for r in by_household.get(contact.household_id, [])
                if contact.occurred_at <= r["reported_at"] <= contact.occurred_at + timedelta(days=7)]  # fmt: skip
        if week and rng.random() < 0.6:
            links.append(Contact.repairs.through(contact_id=contact.pk, repairrequest_id=week[0]["pk"]))
    Contact.repairs.through.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    return len(links)
