"""Who the panel and our engagement reach, compared with who lives in our homes: plain counts.

Counts only; hiding small numbers and judging under-representation is the page's job
(engagement.representation), so these figures can be tested by hand and reused by dashboards.
"""

from dataclasses import dataclass

from django.db.models import Sum

from engagement.equality import NOT_ASKED
from engagement.models import DIMENSIONS, AnonymousCount, EngagementActivity, PanelMembership, Resident
from engagement.selectors.equality import equality_answer_counts


@dataclass(frozen=True)
class GroupCounts:
    code: str
    label: str
    population: int
    panel: int
    participants: int


@dataclass(frozen=True)
class DimensionCounts:
    dimension: str
    label: str
    groups: list

    def total(self, column):
        return sum(getattr(group, column) for group in self.groups)


def representation(period_start, period_end, region=None, panel=None):
    """[DimensionCounts] for every equality question in engagement.models.DIMENSIONS.

    - population: residents in a current tenancy (in `region`, if given);
    - panel: residents on a panel (or on `panel`) on `period_end`, by their home's region;
    - participants: each resident named at an activity held in the period, counted once however
      many they came to, plus every unnamed participant, who cannot be told apart and is counted
      once per activity. An unnamed participant's answers come from the activity's anonymous
      counts; anyone not in those counts is "not asked". Unnamed participants belong to the
      activity's region, so an activity covering every region counts only when `region` is None.

    Ages are worked out on `period_end`. "Prefer not to say" and "not asked" stay separate groups.
    """
    population = Resident.objects.filter(household__tenancy_end__isnull=True)
    memberships = PanelMembership.objects.current(period_end)
    if panel is not None:
        memberships = memberships.filter(panel=panel)
    members = Resident.objects.filter(pk__in=memberships.values("resident_id"))
    activities = EngagementActivity.objects.filter(held_on__gte=period_start, held_on__lte=period_end)
    named = Resident.objects.filter(
        pk__in=EngagementActivity.participants.through.objects.filter(engagementactivity__in=activities).values(
            "resident_id"
        )
    )
    if region is not None:
        population, members, named = (
            people.filter(household__home__region=region) for people in (population, members, named)
        )
        activities = activities.filter(region=region)
    unnamed = activities.aggregate(total=Sum("headcount"))["total"] or 0
    answers = _anonymous_answers(activities)
    result = []
    for dimension, label in DIMENSIONS:
        population_counts = _counts(dimension, population, period_end)
        panel_counts = _counts(dimension, members, period_end)
        named_counts = _counts(dimension, named, period_end)
        given = answers.get(dimension, {})
        silent = unnamed - sum(given.values())
        groups = []
        for code, group_label in population_counts:
            anonymous = given.get(code, 0) + (silent if code == NOT_ASKED else 0)
            groups.append(
                GroupCounts(
                    code=code,
                    label=str(group_label),
                    population=population_counts[(code, group_label)],
                    panel=panel_counts[(code, group_label)],
                    participants=named_counts[(code, group_label)] + anonymous,
                )
            )
        result.append(DimensionCounts(dimension=dimension, label=str(label), groups=groups))
    return result


def _counts(dimension, residents, today):
    return {(code, label): number for code, label, number in equality_answer_counts(dimension, residents, today)}


def _anonymous_answers(activities):
    """{dimension: {group: people}} summed over the activities' anonymous counts."""
    rows = (
        AnonymousCount.objects.filter(activity__in=activities)
        .values("dimension", "group")
        .annotate(people=Sum("count"))
        .order_by()
    )
    answers = {}
    for row in rows:
        answers.setdefault(row["dimension"], {})[row["group"]] = row["people"]
    return answers
