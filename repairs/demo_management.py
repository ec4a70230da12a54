"""Demo building-safety checks, decency at year end and anti-social behaviour cases for seed_demo,
so the demo shows a figure for every TSM management-information measure (BS01-BS05, RP01, NM01).

It draws from its own random generator (seeded from the landlord's seed), not the landlord's, so
the other steps' data and figures stay exactly as they were. Most checks are done and recorded in
time; a few are late, undone or unrecorded, as in the Regulator's published returns (BS01-BS05
medians near 100%, NM01 around 30 to 40 cases per 1,000 homes, RP01 a few per cent)."""

import random
from datetime import date, timedelta

from engagement.models import SchemeType
from repairs.choices import AsbChannel, CheckType
from repairs.models import AsbCase, ComplianceCheck, DecencyRecord

ASB_CASES_PER_1000_HOMES_A_YEAR = 35
HATE_SHARE = 0.08
NOT_DECENT_SHARE = 0.04
SUMMARIES = ["Noise late at night", "Rubbish dumped in the shared garden", "Abuse shouted in the stairwell"]
# The share of homes needing each check (gas only where there is a gas supply; the rest for blocks
# with communal areas; lifts in the tallest).
NEEDED = {CheckType.GAS: 0.8, CheckType.ASBESTOS: 0.5}
COMMUNAL = {CheckType.FIRE: 1.0, CheckType.WATER: 0.6, CheckType.LIFTS: 0.2}


def seed_management_information(landlord):
    rng = random.Random(f"management-information-{landlord.rng.getstate()[1][0]}")
    today = landlord.today
    homes = [home for home in landlord.homes if home.scheme_type != SchemeType.LEASEHOLD]
    checks = []
    for home in homes:
        for check_type in CheckType:
            share = COMMUNAL.get(check_type, 0) if home.has_communal_areas else NEEDED.get(check_type, 0)
            if rng.random() < share:
                checks.append(_check(rng, today, home, check_type))
    ComplianceCheck.objects.bulk_create(checks, batch_size=2000)
    records = []
    for year_end in _year_ends(today):
        records += [
            DecencyRecord(home=home, as_at=year_end, fails_standard=rng.random() < NOT_DECENT_SHARE) for home in homes
        ]
    DecencyRecord.objects.bulk_create(records, batch_size=2000)
    cases = []
    count = round(len(homes) * ASB_CASES_PER_1000_HOMES_A_YEAR / 1000 * 2)
    for number in range(1, count + 1):
        opened = today - timedelta(days=rng.randint(0, 729))
        closed = opened + timedelta(days=rng.randint(14, 120)) if rng.random() < 0.7 else None
        cases.append(
            AsbCase(
                reference=f"DASB{number:05d}",
                home=rng.choice(homes),
                opened_on=opened,
                involves_hate_incident=rng.random() < HATE_SHARE,
                channel=rng.choice(list(AsbChannel.values)),
                summary=rng.choice(SUMMARIES),
                closed_on=closed if closed and closed <= today else None,
            )
        )
    AsbCase.objects.bulk_create(cases, batch_size=2000)
    return f"{len(checks)} building-safety checks, decency for {len(homes)} homes, {count} anti-social behaviour cases."


def _check(rng, today, home, check_type):
    """The home's latest check: due in the last year or the next; mostly done a little early and
    recorded within days; a few late, not done, or not recorded."""
    due = today + timedelta(days=rng.randint(-360, 300))
    roll = rng.random()
    if roll < 0.03:
        done = None  # not done
    elif roll < 0.06:
        done = due + timedelta(days=rng.randint(1, 40))  # done late
    else:
        done = due - timedelta(days=rng.randint(0, 30))  # done in time
    if done is not None and done > today:
        done = None  # not yet due: the previous check stands
    recorded = None if done is None or rng.random() < 0.02 else min(today, done + timedelta(days=rng.randint(0, 10)))
    return ComplianceCheck(
        home=home, check_type=check_type, required=True, due_on=due, done_on=done, recorded_on=recorded
    )


def _year_ends(today):
    """The last two 31 Marches up to today: the year ends a decency survey reports at."""
    latest = date(today.year if today >= date(today.year, 3, 31) else today.year - 1, 3, 31)
    return [date(latest.year - 1, 3, 31), latest]
