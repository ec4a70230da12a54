"""The representation review as a page shows it: small counts hidden or banded, shares, under-represented groups.

Rules (stated on the page too):
- the counts are the snapshot's, suppressed with every other published figure by the one disclosure
  control (inequities.disclosure). A hidden count of 1 to 7 whose only small count is its own is
  published as a band (inequities.disclosure.bands) and shown as one: "fewer than 8", or "all but 1
  to 7" where nearly everyone is in the group. Every other hidden count says "hidden", whether it is
  small or could be worked out from the others: there even a band would give something away;
- shares are of the people whose answer we know ("prefer not to say" and "not asked" are counted
  but left out of shares), and a share is shown only beside a count that is shown (never beside a
  band), and only when how many answered may be shown;
- a group is under-represented when its share among participants (or on the panel) is less than
  four-fifths of its share among residents. Groups of fewer residents than the smallest shown
  denominator (INEQUITIES_MIN_DENOMINATOR, as the snapshot recorded it) are not judged. The
  judgement reads only what the page shows, so it gives nothing hidden away: a group whose counts
  or shares are hidden is not judged. A band is judged at its edge, out of how many answered: a
  "fewer than 8" at its highest count (7), so a group it calls under-represented is one whatever
  its count from 1 to 7 (and otherwise it cannot be judged); an "all but 1 to 7" at its lowest
  (how many answered less 7), so one it calls not under-represented is not, whatever its count;
- a group that is not judged (its figures hidden, or too small to judge) is one we cannot tell
  about, and the page says so: it never reads "no group is under-represented" while some cannot be
  judged.
"""

from dataclasses import dataclass, field

from django.conf import settings

from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY
from inequities.disclosure import HIDDEN_UP_TO
from inequities.disclosure.bands import ALL_BUT, FEWER
from inequities.representation_figures import COLUMNS

UNDER_REPRESENTED_RATIO = 0.8
MISSING = (PREFER_NOT_TO_SAY, NOT_ASKED)
SHOWN, HIDDEN, BAND = "shown", "hidden", "band"


@dataclass
class Cell:
    count: int | None  # None when hidden or banded
    state: str = SHOWN  # SHOWN, HIDDEN or BAND
    share: float | None = None  # a fraction of those with a known answer; None when not shown
    band: str = ""  # a banded count's band: FEWER ("fewer than 8") or ALL_BUT ("all but 1 to 7")

    @property
    def is_shown(self):
        return self.state == SHOWN

    @property
    def percent(self):
        return None if self.share is None else f"{self.share * 100:.0f}%"


@dataclass
class Row:
    code: str
    label: str
    cells: dict
    is_missing_answer: bool
    panel_under: bool = False
    participants_under: bool = False
    suggestions: list = field(default_factory=list)
    unjudged: list = field(default_factory=list)  # the columns we cannot judge: "panel", "participants"

    @property
    def population(self):
        return self.cells["population"]

    @property
    def panel(self):
        return self.cells["panel"]

    @property
    def participants(self):
        return self.cells["participants"]

    @property
    def is_under_represented(self):
        return self.panel_under or self.participants_under


@dataclass
class Table:
    dimension: str
    label: str
    rows: list

    @property
    def under_represented(self):
        return [row for row in self.rows if row.is_under_represented]

    @property
    def cannot_judge(self):
        """Groups (not the missing answers) of which we cannot tell whether they are under-represented,
        on the panel or among participants, because their figures are hidden or too small."""
        return [row for row in self.rows if row.unjudged]

    @property
    def judged(self):
        return [row for row in self.rows if not row.is_missing_answer and len(row.unjudged) < 2]


def representation_tables(dimensions, suggestions=None, min_judged=None):
    """Turn representation_figures() into tables for the page.

    `suggestions` is {(dimension, group): OutreachSuggestion}, attached to under-represented rows.
    `min_judged` is the fewest residents a group needs to be judged: the snapshot's
    `min_denominator` (default: the INEQUITIES_MIN_DENOMINATOR setting).
    """
    suggestions = suggestions or {}
    min_judged = settings.INEQUITIES_MIN_DENOMINATOR if min_judged is None else min_judged
    tables = []
    for dimension in dimensions:
        rows = [
            Row(
                code=group.code,
                label=group.label,
                cells={column: _cell(getattr(group, column)) for column in COLUMNS},
                is_missing_answer=group.code in MISSING,
            )
            for group in dimension.groups
        ]
        for column in COLUMNS:
            _add_shares(rows, column, dimension.known[column].number)
        for row in rows:
            _judge(row, dimension.known, min_judged)
            if row.is_under_represented and (dimension.dimension, row.code) in suggestions:
                row.suggestions = [suggestions[(dimension.dimension, row.code)]]
        tables.append(Table(dimension=dimension.dimension, label=dimension.label, rows=rows))
    return tables


def _cell(count):
    if not count.hidden:
        return Cell(count.number)
    if count.band in (FEWER, ALL_BUT):
        return Cell(None, BAND, band=count.band)
    return Cell(None, HIDDEN)


def _add_shares(rows, column, known):
    """Shares of `known` (None when how many answered is hidden: then no share is shown)."""
    for row in rows:
        cell = row.cells[column]
        if known and cell.is_shown and not row.is_missing_answer:
            cell.share = cell.count / known


def _judge(row, known, min_judged):
    """Judge from the page's own figures only: see the module's rules."""
    population = row.population
    if row.is_missing_answer or (population.is_shown and population.count == 0):
        return  # a group with no residents cannot be under-represented
    if population.share is None or population.count < min_judged:
        row.unjudged = ["panel", "participants"]
        return
    below = UNDER_REPRESENTED_RATIO * population.share
    for column in ("panel", "participants"):
        cell, answered = row.cells[column], known[column].number
        if not answered or cell.state == HIDDEN:
            row.unjudged.append(column)
        elif cell.is_shown:
            setattr(row, f"{column}_under", cell.count / answered < below)
        elif cell.band == FEWER and HIDDEN_UP_TO / answered < below:
            setattr(row, f"{column}_under", True)  # even at its most, 7
        elif cell.band == ALL_BUT and (answered - HIDDEN_UP_TO) / answered >= below:
            pass  # not under-represented, even at its least
        else:
            row.unjudged.append(column)  # the band holds both sides of the line
