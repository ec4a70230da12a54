"""Drawing a shortlist of residents to invite to a panel, so that the panel moves toward the people
it serves (stratified random selection with quotas).

1. Residents are put in strata by the chosen characteristics (every combination of answers,
   "prefer not to say" and "not asked" included: they are residents too).
2. Each stratum's ideal number on the panel is its share of the residents times the panel's size
   once the invitees join. The invitations go first to the strata furthest below their ideal, in
   proportion to the shortfall; any left over are shared in proportion to the residents. No
   stratum is given more invitations than it has residents who may be invited.
3. Fractional quotas are rounded without bias (systematic sampling on the fractions), so over many
   draws each stratum receives its exact fractional quota on average.
4. Within a stratum, residents are chosen uniformly at random.

Nobody with a current contact restriction is drawn, nor anyone already on a panel, nor anyone
known to be under 18. Each invitee is recorded with the channel to use: the first of their
preferred channels they can use, or a letter to the home when they have told us nothing.
"""

import math
import random
from collections import defaultdict

from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Coalesce

from engagement.equality import NOT_ASKED, age_band, ethnic_group, years_before
from engagement.models import (
    DIMENSION_LABELS,
    Channel,
    CommunicationPreference,
    ContactRestriction,
    PanelMembership,
    PanelShortlist,
    Resident,
    ShortlistInvitee,
)
from engagement.selectors.equality import GROUPED_QUESTIONS

MIN_AGE = 18


def residents_by_stratum(residents, characteristics, today):
    """{stratum: [resident pk]} where a stratum is a tuple of answer codes, one per characteristic."""
    fields = {name for name in characteristics if name not in ("age_band", "ethnic_group")}
    if "ethnic_group" in characteristics:
        fields.add("ethnicity")
    annotations = {
        f"answer_{name}": Coalesce(f"equality__{name}", Value(NOT_ASKED), output_field=CharField()) for name in fields
    }
    rows = (
        residents.order_by("pk")
        .annotate(**annotations)
        .values("pk", "date_of_birth", "equality__age_declined", *annotations)
    )
    strata = defaultdict(list)
    for row in rows:
        strata[tuple(_answer(row, name, today) for name in characteristics)].append(row["pk"])
    return strata


def _answer(row, name, today):
    if name == "age_band":
        born = row["date_of_birth"]
        age = None if born is None else today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        return age_band(age, declined=bool(row["equality__age_declined"])).value
    if name == "ethnic_group":
        return ethnic_group(row["answer_ethnicity"])
    return row[f"answer_{name}"]


def stratum_label(characteristics, stratum):
    parts = []
    for name, code in zip(characteristics, stratum, strict=True):
        choices = dict(GROUPED_QUESTIONS[name].choices)
        parts.append(f"{DIMENSION_LABELS[name]}: {choices.get(code, code)}")
    return "; ".join(parts)


def allocate(weights, capacity, size):
    """Fractional quotas in proportion to `weights`, none above `capacity`, adding up to `size`
    (or to everything available, if less)."""
    quotas = dict.fromkeys(capacity, 0.0)
    remaining = min(size, sum(capacity.values()))
    open_strata = {s for s in capacity if capacity[s] > 0 and weights.get(s, 0) > 0}
    while remaining > 1e-9 and open_strata:
        total = sum(weights[s] for s in open_strata)
        tentative = {s: remaining * weights[s] / total for s in open_strata}
        full = {s for s in open_strata if quotas[s] + tentative[s] >= capacity[s]}
        if not full:
            for s, extra in tentative.items():
                quotas[s] += extra
            break
        for s in full:
            remaining -= capacity[s] - quotas[s]
            quotas[s] = float(capacity[s])
        open_strata -= full
    return quotas


def quotas_for(population, panel, capacity, size):
    """Fractional invitations per stratum that move the panel toward the population."""
    residents = sum(population.values())
    future_size = sum(panel.values()) + size
    shares = {s: population.get(s, 0) / residents for s in capacity} if residents else {}
    shortfall = {s: max(0.0, shares.get(s, 0) * future_size - panel.get(s, 0)) for s in capacity}
    first = allocate(shortfall, capacity, min(size, sum(shortfall.values())))
    left = {s: capacity[s] - first[s] for s in capacity}
    rest = allocate(shares, left, size - sum(first.values()))
    return {s: first[s] + rest[s] for s in capacity}


def round_without_bias(quotas, rng):
    """Whole quotas whose expected values are exactly the fractional ones, with the same total."""
    whole = {s: math.floor(q + 1e-9) for s, q in quotas.items()}
    fractions = {s: max(0.0, q - whole[s]) for s, q in quotas.items()}
    order = sorted(s for s in fractions if fractions[s] > 1e-9)
    rng.shuffle(order)
    point, cumulative = rng.random(), 0.0
    for s in order:
        start, cumulative = cumulative, cumulative + fractions[s]
        # Points u, u+1, u+2, ... are laid along the fractions; a stretch shorter than 1 holds at
        # most one, and holds one with probability equal to its length.
        whole[s] += math.ceil(cumulative - point) - math.ceil(start - point)
    return whole


def eligible_residents(today):
    """Residents who may be invited: in a current tenancy, adult, no current restriction, on no panel."""
    restricted = ContactRestriction.objects.current().values("resident_id")
    on_a_panel = PanelMembership.objects.current(today).values("resident_id")
    too_young = years_before(today, MIN_AGE)
    return (
        Resident.objects.current()
        .exclude(pk__in=restricted)
        .exclude(pk__in=on_a_panel)
        .exclude(date_of_birth__gt=too_young)
    )


def draw(*, panel, characteristics, size, seed, today):
    """The draw itself, without saving: ([(stratum, resident pk)], quota rows)."""
    unknown = [name for name in characteristics if name not in DIMENSION_LABELS]
    if unknown or not characteristics:
        raise ValueError(f"Choose characteristics from {list(DIMENSION_LABELS)}; got {characteristics!r}")
    rng = random.Random(seed)
    adults = Resident.objects.current().exclude(date_of_birth__gt=years_before(today, MIN_AGE))
    population = {s: len(pks) for s, pks in residents_by_stratum(adults, characteristics, today).items()}
    members = Resident.objects.filter(
        pk__in=PanelMembership.objects.current(today).filter(panel=panel).values("resident_id")
    )
    on_panel = {s: len(pks) for s, pks in residents_by_stratum(members, characteristics, today).items()}
    eligible = residents_by_stratum(eligible_residents(today), characteristics, today)
    capacity = {s: len(eligible.get(s, [])) for s in set(population) | set(eligible)}
    fractional = quotas_for(population, on_panel, capacity, size)
    whole = round_without_bias(fractional, rng)
    chosen = []
    for stratum in sorted(whole):
        chosen += [(stratum, pk) for pk in rng.sample(eligible.get(stratum, []), whole[stratum])]
    quota_rows = [
        {
            "group": dict(zip(characteristics, stratum, strict=True)),
            "label": stratum_label(characteristics, stratum),
            "residents": population.get(stratum, 0),
            "on_panel": on_panel.get(stratum, 0),
            "expected": round(fractional[stratum], 4),
            "quota": whole[stratum],
        }
        for stratum in sorted(capacity)
        if fractional[stratum] > 0 or on_panel.get(stratum)
    ]
    return chosen, quota_rows


@transaction.atomic
def shortlist_draw(*, panel, characteristics, size, by, today, seed=None):
    """Draw and keep a shortlist of residents to invite to `panel`."""
    if seed is None:
        seed = random.SystemRandom().randrange(2**31)
    chosen, quota_rows = draw(panel=panel, characteristics=characteristics, size=size, seed=seed, today=today)
    shortlist = PanelShortlist.objects.create(
        panel=panel, characteristics=list(characteristics), size=size, seed=seed, quotas=quota_rows, drawn_by=by
    )
    preferences = CommunicationPreference.objects.in_bulk([pk for _s, pk in chosen], field_name="resident_id")
    invitees = []
    for stratum, pk in chosen:
        preference = preferences.get(pk)
        usable = preference.usable_channels() if preference else []
        usable = [code for code in usable if code in Channel.values]
        invitees.append(
            ShortlistInvitee(
                shortlist=shortlist,
                resident_id=pk,
                group_label=stratum_label(characteristics, stratum),
                channel=usable[0] if usable else Channel.LETTER,
                channel_from_preference=bool(usable),
            )
        )
    ShortlistInvitee.objects.bulk_create(invitees)
    return shortlist
