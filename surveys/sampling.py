"""Choosing whom to invite: every household, or a sample stratified by region, tenure and age."""

import random
from collections import defaultdict
from datetime import date

from engagement.models import Resident, SchemeType
from surveys.choices import SurveyKind, tenure_of

AGE_BANDS = [(35, "under 35"), (65, "35 to 64"), (200, "65 and over")]


def current_lead_tenants():
    """One resident per current household: the lead tenant."""
    return (
        Resident.objects.current()
        .filter(is_lead_tenant=True)
        .select_related("household__home", "communication_preference", "user")
    )


def population(survey):
    """Whom a survey invites: every current lead tenant, except that a TSM survey leaves out
    leasehold homes (the Regulator's measures cover rented and shared ownership homes only)."""
    residents = current_lead_tenants()
    if survey.kind == SurveyKind.TSM:
        residents = residents.exclude(household__home__scheme_type=SchemeType.LEASEHOLD)
    return residents


def age_band(resident, today):
    age = resident.age_on(today)
    if age is None:
        return "age not known"
    return next(label for upper, label in AGE_BANDS if age < upper)


def stratum(resident, today):
    home = resident.household.home
    return (home.region_id, tenure_of(home), age_band(resident, today))


def stratified_sample(residents, size, *, seed=0, today=None):
    """`size` residents, each stratum (region x tenure x age band) getting its proportional share.

    Shares are rounded by largest remainder so the total is exactly `size`; within a stratum the
    choice is random but repeatable for the same seed.
    """
    today = today or date.today()
    residents = list(residents)
    if size >= len(residents):
        return residents
    groups = defaultdict(list)
    for resident in sorted(residents, key=lambda r: r.pk):
        groups[stratum(resident, today)].append(resident)
    exact = {key: size * len(members) / len(residents) for key, members in groups.items()}
    quota = {key: int(share) for key, share in exact.items()}
    short = size - sum(quota.values())
    for key in sorted(exact, key=lambda k: (exact[k] - quota[k], len(groups[k])), reverse=True)[:short]:
        quota[key] += 1
    rng = random.Random(seed)
    chosen = []
    for key in sorted(groups, key=str):
        chosen += rng.sample(groups[key], quota[key])
    return chosen
