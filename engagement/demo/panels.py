"""The demo landlord's scrutiny panel and a year of engagement.

The panel looks like most do: older, White British residents without a disability sit on it;
younger, minority-ethnic and disabled residents, and anyone who needs an interpreter, mostly do
not. A year of activities designed to include begins to reach some of them, which the
representation review then shows.
"""

from datetime import timedelta

from engagement.equality import ethnic_group
from engagement.models import (
    AnonymousCount,
    ContactRestriction,
    EngagementActivity,
    EqualityImpactAssessment,
    EqualityProfile,
    PanelMeeting,
    PanelMembership,
    Recommendation,
    ReviewEvidence,
    ScrutinyPanel,
    ScrutinyReview,
)

PANEL_SIZE = 12
PAST_MEMBERS = 3

# (kind, title, partner, access arrangements, who it mostly reaches: {dimension: {group: weight}})
ACTIVITIES = [
    (
        "scheme_meeting",
        "Repairs surgery at Beech Court retirement scheme",
        "",
        ["step_free", "large_print", "hearing_loop"],
        {"age_band": {"75_plus": 6, "65_74": 3}, "disability": {"yes": 5, "no": 4}},
    ),
    (
        "coffee_morning",
        "Coffee morning with Older People's Forum",
        "Older People's Forum",
        ["step_free", "large_print"],
        {"age_band": {"75_plus": 5, "65_74": 4}, "disability": {"yes": 4, "no": 5}},
    ),
    (
        "faith_group",
        "After Friday prayers at the Jamia mosque",
        "Jamia Mosque community committee",
        ["interpreter"],
        {"ethnic_group": {"asian": 7, "black": 2, "other": 1}, "interpreter_needed": {"yes": 3, "no": 7}},
    ),
    (
        "faith_group",
        "Sunday lunch at New Testament Church",
        "New Testament Church of God",
        ["step_free"],
        {"ethnic_group": {"black": 8, "mixed": 1, "white": 1}},
    ),
    (
        "bsl_session",
        "Repairs drop-in with a BSL interpreter",
        "Deaf Centre",
        ["bsl", "step_free"],
        {"disability": {"yes": 9, "no": 1}},
    ),
    (
        "phone_calls",
        "Five-minute calls after a repair",
        "",
        [],
        {"age_band": {"18_24": 3, "25_34": 4, "35_44": 3}, "disability": {"no": 7, "yes": 3}},
    ),
    (
        "drop_in",
        "Saturday drop-in at the children's centre",
        "Family Hub",
        ["care_costs", "step_free"],
        {"age_band": {"25_34": 5, "35_44": 4, "18_24": 2}, "sex": {"female": 7, "male": 3}},
    ),
    (
        "survey_round",
        "Repairs survey by post, phone and online",
        "",
        ["large_print", "easy_read", "interpreter"],
        {"age_band": {"45_54": 3, "55_64": 3, "35_44": 2}},
    ),
    (
        "panel_meeting",
        "Open panel meeting on damp and mould",
        "",
        ["step_free", "bsl", "papers_early"],
        {"age_band": {"65_74": 4, "55_64": 4}, "ethnic_group": {"white": 9, "asian": 1}},
    ),
]

REVIEW = {
    "topic": "Damp and mould repairs for disabled residents",
    "scope": "How quickly damp and mould is inspected and put right, and whether disabled residents and "
    "residents in older homes wait longer than others.",
    "findings": "Disabled residents waited longer for a first inspection than other residents, and were less "
    "likely to be told what would happen next. Residents who reported by phone were more often asked to "
    "call again. Nobody checked whether a resident's reasonable adjustments were known before a visit.",
    "evidence": [
        # The dashboards the panel members who read the review can open themselves.
        ("Repairs outcomes by group", "/insight/dashboards/repairs/", "Disabled residents' damp jobs took longer."),
        ("Dissatisfaction by group", "/insight/dashboards/dissatisfaction/", "The gap was widest for damp."),
        ("Representation", "/insight/dashboards/representation/", "Who the panel heard from."),
    ],
    "recommendations": [
        (
            "Call every disabled resident who reports damp or mould within two working days, and agree the visit "
            "with them.",
            "accepted",
            "",
            "A daily list of damp reports from disabled residents goes to the damp "
            "and mould team, who call within two working days.",
            "Head of repairs",
            60,
            "done",
        ),
        (
            "Check the resident's reasonable adjustments before every damp and mould visit.",
            "accepted",
            "",
            "Adjustments now show on the operative's job sheet.",
            "Repairs systems manager",
            90,
            "in_progress",
        ),
        (
            "Give every resident a written summary within three working days of an inspection.",
            "partly_accepted",
            "We will do this for significant hazards first, as the law requires, and for everyone from next April.",
            "Written summaries for significant hazards now; for every inspection from April.",
            "Damp and mould lead",
            180,
            "in_progress",
        ),
        (
            "Stop asking residents to call again about the same damp problem.",
            "accepted",
            "",
            "Contact-centre staff raise a follow-up job on the first call.",
            "Contact-centre manager",
            45,
            "done",
        ),
        (
            "Hold all panel meetings in the evening.",
            "not_accepted",
            "Most members asked for daytime meetings, and evening meetings would exclude members who care for others. "
            "We will offer an online option at every meeting instead.",
            "",
            "",
            None,
            "not_started",
        ),
    ],
}


def seed_panels(landlord):
    rng, today = landlord.rng, landlord.today
    officer = landlord.users["housing_officer"]
    profiles = {p.resident_id: p for p in EqualityProfile.objects.all()}
    restricted = set(ContactRestriction.objects.current().values_list("resident_id", flat=True))
    adults = [r for r in landlord.residents if (r.age_on(today) or 40) >= 18 and r.pk not in restricted]

    panel = ScrutinyPanel.objects.create(
        name="Repairs Scrutiny Panel",
        purpose="Residents who look closely at repairs and how they differ between groups of residents, and "
        "recommend changes.",
        set_up_on=today - timedelta(days=3 * 365),
    )
    chosen = _weighted_sample(
        rng, adults, [_panel_weight(r, profiles.get(r.pk), today) for r in adults], PANEL_SIZE + PAST_MEMBERS
    )
    memberships = []
    for index, resident in enumerate(chosen):
        past = index >= PANEL_SIZE
        started = today - timedelta(days=rng.randint(400, 1000))
        memberships.append(
            PanelMembership(
                panel=panel,
                resident=resident,
                role="chair" if index == 0 else "vice_chair" if index == 1 else "member",
                started_on=started,
                ended_on=today - timedelta(days=rng.randint(30, 300)) if past else None,
            )
        )
    PanelMembership.objects.bulk_create(memberships)
    # The demo panel member signs in as one of the current members, so they can read the panel's records.
    sitting = next(m.resident for m in memberships if m.ended_on is None and m.resident.user_id is None)
    sitting.user = landlord.users["panel_member"]
    sitting.save(update_fields=["user"])
    meetings = _meetings(rng, today, panel, memberships)
    activities = _activities(rng, today, landlord.residents, landlord.homes, officer)
    review = _review(today, panel, officer)
    EqualityImpactAssessment.objects.create(
        title="How we involve residents in scrutinising repairs",
        questions="Who can take part in monthly daytime panel meetings in our office? Who cannot read our "
        "papers? Who do we never hear from?",
        findings="The panel is mostly older, White British residents without a disability. Younger residents, "
        "residents from minority ethnic groups, disabled residents and residents who need an interpreter "
        "rarely take part. Our papers were long and only in standard print.",
        actions="Go to residents where they already are, with partners: coffee mornings, faith groups, scheme "
        "meetings and BSL sessions. Run rounds of five-minute phone calls. Invite new members from a random "
        "shortlist balanced by age and ethnic group. Send papers a week ahead, in large print and easy read.",
        owner="Resident engagement manager",
        assessed_on=today - timedelta(days=300),
        review_by=today + timedelta(days=65),
        recorded_by=officer,
    )
    return (
        f"Panels: 1 panel of {PANEL_SIZE} members ({PAST_MEMBERS} past), {meetings} meetings, "
        f"{activities} engagement activities, 1 completed review with {review} recommendations answered."
    )


def _panel_weight(resident, profile, today):
    """How likely a resident is to be on a panel as panels usually are, not as they should be."""
    age = resident.age_on(today) or 50
    weight = 5.0 if age >= 60 else 1.5 if age >= 45 else 0.3
    if profile is None:
        return weight * 0.5
    weight *= 4.0 if profile.ethnicity == "white_british" else 0.4 if ethnic_group(profile.ethnicity) != "white" else 1
    weight *= 0.3 if profile.disability == "yes" else 1.0
    weight *= 0.05 if profile.interpreter_needed == "yes" else 1.0
    return weight


def _weighted_sample(rng, items, weights, count):
    chosen, items, weights = [], list(items), list(weights)
    for _ in range(min(count, len(items))):
        index = rng.choices(range(len(items)), weights=weights)[0]
        chosen.append(items.pop(index))
        weights.pop(index)
    return chosen


def _meetings(rng, today, panel, memberships):
    count = 0
    for month in range(12, 0, -1):
        day = today - timedelta(days=30 * month + rng.randint(-3, 3))
        meeting = PanelMeeting.objects.create(
            panel=panel,
            held_on=day,
            format=rng.choice(["in_person", "in_person", "hybrid", "online"]),
            place="Community room, Civic Centre",
            access_arrangements=rng.sample(["step_free", "large_print", "papers_early", "hearing_loop", "bsl"], 2),
            summary="Went through the latest repairs figures by group and agreed what to ask next.",
        )
        present = [m for m in memberships if m.is_current_on(day) and rng.random() < 0.75]
        meeting.attendees.set(present)
        count += 1
    return count


def _activities(rng, today, residents, homes, officer):
    regions = sorted({home.region_id for home in homes})
    by_region = {}
    for resident in residents:
        by_region.setdefault(resident.household.home.region_id, []).append(resident)
    made = 0
    for _round in range(2):  # two of each over the year
        for kind, title, partner, arrangements, reach in ACTIVITIES:
            region = rng.choice(regions)
            headcount = rng.randint(6, 30)
            activity = EngagementActivity.objects.create(
                kind=kind,
                title=title,
                partner=partner,
                held_on=today - timedelta(days=rng.randint(10, 360)),
                place="" if kind in ("phone_calls", "survey_round") else "Local venue",
                region_id=None if kind == "survey_round" else region,
                access_arrangements=arrangements,
                headcount=headcount,
                themes="Waiting too long after reporting; not being told what happens next; operatives not "
                "knowing about access needs.",
                recorded_by=officer,
            )
            named = rng.sample(by_region.get(region, []), min(rng.randint(0, 4), len(by_region.get(region, []))))
            activity.participants.set(named)
            AnonymousCount.objects.bulk_create(_anonymous(rng, activity, reach, headcount))
            made += 1
    return made


def _anonymous(rng, activity, reach, headcount):
    """Most unnamed participants told us the answers the activity is designed to hear; some did not say."""
    counts = []
    for dimension, weights in reach.items():
        told = int(headcount * rng.uniform(0.6, 0.9))
        tally = {}
        for _ in range(told):
            group = rng.choices(list(weights), weights=list(weights.values()))[0]
            tally[group] = tally.get(group, 0) + 1
        counts += [AnonymousCount(activity=activity, dimension=dimension, group=g, count=n) for g, n in tally.items()]
    return counts


def _review(today, panel, officer):
    review = ScrutinyReview.objects.create(
        panel=panel,
        topic=REVIEW["topic"],
        scope=REVIEW["scope"],
        findings=REVIEW["findings"],
        started_on=today - timedelta(days=270),
        completed_on=today - timedelta(days=120),
    )
    ReviewEvidence.objects.bulk_create(
        ReviewEvidence(review=review, label=label, path=path, note=note) for label, path, note in REVIEW["evidence"]
    )
    responded = today - timedelta(days=90)
    Recommendation.objects.bulk_create(
        Recommendation(
            review=review,
            text=text,
            response=response,
            response_reason=reason,
            responded_on=responded,
            action=action,
            action_owner=owner,
            due_on=responded + timedelta(days=days) if days else None,
            action_status=status,
            updated_by=officer,
        )
        for text, response, reason, action, owner, days, status in REVIEW["recommendations"]
    )
    ScrutinyReview.objects.create(
        panel=panel,
        topic="Communal repairs in supported housing",
        scope="Whether residents of supported housing are told when communal repairs will be done.",
        started_on=today - timedelta(days=40),
    )
    return len(REVIEW["recommendations"])
