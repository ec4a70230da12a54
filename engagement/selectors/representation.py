"""Who the panel and our engagement reach, compared with who lives in our homes: plain counts.

Counts only; hiding small numbers and judging under-representation is the page's job
(engagement.representation), so these figures can be tested by hand and reused by dashboards.
"""

from dataclasses import dataclass

from django.db.models import Sum

from engagement.equality import NOT_ASKED
from engagement.models import DIMENSIONS, AnonymousCount, EngagementActivity, PanelMembership, Region, Resident
from engagement.selectors.equality import GROUPED_QUESTIONS, equality_answer_counts_by_region


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


EVERY_REGION = "every_region"


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
    return representation_by_region(period_start, period_end, panel)[EVERY_REGION if region is None else region.pk]


def representation_by_region(period_start, period_end, panel=None):
    """{region id: [DimensionCounts]} for every region, and {EVERY_REGION: ...} for them all
    together, as representation() counts them, grouped by region in the database."""
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
    regions = [*Region.objects.values_list("pk", flat=True), EVERY_REGION]
    headcounts = activities.values("region").order_by().annotate(total=Sum("headcount"))
    unnamed = _with_every_region({row["region"]: {"unnamed": row["total"] or 0} for row in headcounts})
    answers = _anonymous_answers(activities)
    result = {region: [] for region in regions}
    for dimension, label in DIMENSIONS:
        counted = [
            _with_every_region(equality_answer_counts_by_region(dimension, people, period_end))
            for people in (population, members, named)
        ]
        given = _with_every_region({r: a.get(dimension, {}) for r, a in answers.items()})
        for region in regions:
            population_counts, panel_counts, named_counts = (c.get(region, {}) for c in counted)
            here = given.get(region, {})
            silent = unnamed.get(region, {}).get("unnamed", 0) - sum(here.values())
            groups = [
                GroupCounts(
                    code=code,
                    label=str(group_label),
                    population=population_counts.get(code, 0),
                    panel=panel_counts.get(code, 0),
                    participants=named_counts.get(code, 0) + here.get(code, 0) + (silent if code == NOT_ASKED else 0),
                )
                for code, group_label in GROUPED_QUESTIONS[dimension].choices
            ]
            result[region].append(DimensionCounts(dimension=dimension, label=str(label), groups=groups))
    return result


def _with_every_region(counts):
    """{region: {code: count}} with EVERY_REGION added, their sum; an activity for every region
    (region None) counts only there. Counts may be given as [(code, label, count)]."""
    result = {EVERY_REGION: {}}
    for region, figures in counts.items():
        if isinstance(figures, list):
            figures = {code: number for code, _label, number in figures}
        if region is not None:
            result[region] = figures
        for code, number in figures.items():
            result[EVERY_REGION][code] = result[EVERY_REGION].get(code, 0) + number
    return result


def _anonymous_answers(activities):
    """{activity region: {dimension: {group: people}}} summed over the activities' anonymous counts."""
    rows = (
        AnonymousCount.objects.filter(activity__in=activities)
        .values("activity__region", "dimension", "group")
        .annotate(people=Sum("count"))
        .order_by()
    )
    answers = {}
    for row in rows:
        answers.setdefault(row["activity__region"], {}).setdefault(row["dimension"], {})[row["group"]] = row["people"]
    return answers
