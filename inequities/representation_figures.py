"""Who the panel and our engagement reach, compared with who lives in our homes: the representation
review's figures, read from a snapshot of figures.

The recompute counts them (inequities.extract.resident_counts, representation and
unnamed_participants) and suppresses them with every other figure (inequities.services.publishable): a
group's residents are the dashboards' residents figure, its panel members and people who took part
are the representation dashboard's. Here they are only read: hidden figures have no number, and a
hidden share published as a band (inequities/disclosure/bands.py) says which: its count is 1 to 7
("fewer than 8"), or all but 1 to 7 of its total are in the group.
"""

from dataclasses import dataclass

from engagement.models import DIMENSIONS
from engagement.selectors.equality import GROUPED_QUESTIONS
from inequities import review
from inequities.dimensions import answered
from inequities.disclosure.bands import NONE as NO_BAND
from inequities.metrics import ALL
from inequities.models import Figure

COLUMNS = dict(zip(("population", "panel", "participants"), review.METRICS, strict=True))
KNOWN = "known"


@dataclass(frozen=True)
class Count:
    """One published count: its number, or None when it is hidden; a hidden count's band is "fewer"
    (it is 1 to 7), "all_but" (all but 1 to 7 of its total are in the group) or "" (nothing more is
    published: inequities.disclosure.bands)."""

    number: int | None
    band: str = NO_BAND

    @property
    def hidden(self):
        return self.number is None


@dataclass(frozen=True)
class GroupCounts:
    code: str
    label: str
    population: Count
    panel: Count
    participants: Count


@dataclass(frozen=True)
class DimensionCounts:
    dimension: str
    label: str
    groups: list
    known: dict  # {column: Count}: how many gave an answer we know (hidden where the shares must not be shown)


ZERO = Count(0)


def representation(snapshot, region=ALL):
    """[DimensionCounts] for every equality question in engagement.models.DIMENSIONS, as `snapshot`
    holds them for `region` (a region's name, or ALL). Every answer is listed, in the question's
    order; an answer nobody gave is not in the snapshot and counts 0."""
    questions = [key for key, _label in DIMENSIONS]
    figures = Figure.objects.filter(
        snapshot=snapshot,
        metric__in=COLUMNS.values(),
        dimension__in=questions + [answered(q) for q in questions],
        region=region,
    ).values_list("metric", "dimension", "group", "numerator", "suppressed", "band")
    found = {
        (metric, dimension, group): Count(None, band) if hidden else Count(round(number or 0))
        for metric, dimension, group, number, hidden, band in figures
    }
    result = []
    for question, label in DIMENSIONS:
        groups = [
            GroupCounts(
                code,
                str(group_label),
                *(found.get((metric, question, code), ZERO) for metric in COLUMNS.values()),
            )
            for code, group_label in GROUPED_QUESTIONS[question].choices
        ]
        known = {column: found.get((metric, answered(question), KNOWN), ZERO) for column, metric in COLUMNS.items()}
        result.append(DimensionCounts(question, str(label), groups, known))
    return result
