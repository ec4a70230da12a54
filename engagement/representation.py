"""The representation review as a page shows it: small counts hidden, shares, under-represented groups.

Rules (stated on the page too):
- small counts are hidden by the one disclosure control every published table goes through
  (inequities.disclosure): a count from 1 to 4 is shown as "fewer than 5"; where a hidden count
  could be worked out from a total (everyone, which the dashboards show; those who answered, which
  the shares give away; those who did not), the next smallest count is hidden too ("hidden");
- shares are of the people whose answer we know ("prefer not to say" and "not asked" are counted
  but left out of shares), and a share is shown only beside a count that is shown, and only when
  how many answered may be shown;
- a group is under-represented when its share among participants (or on the panel) is less than
  four-fifths of its share among residents. Groups of fewer than 10 residents are not judged.
"""

from dataclasses import dataclass, field

from django.conf import settings

from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY
from engagement.selectors.representation import EVERY_REGION
from inequities.disclosure.counts import ALL, hidden_counts, whole_dimension

UNDER_REPRESENTED_RATIO = 0.8
MIN_JUDGED = 10
MISSING = (PREFER_NOT_TO_SAY, NOT_ASKED)
COLUMNS = ("population", "panel", "participants")

SHOWN, SMALL, HIDDEN = "shown", "small", "hidden"
KNOWN = "known"


@dataclass
class Cell:
    count: int
    state: str = SHOWN
    share: float | None = None  # a fraction of those with a known answer; None when not shown

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


def representation_tables(dimensions, suggestions=None, region=EVERY_REGION, views=None):
    """Turn selectors.representation() counts for `region` into tables for the page.

    `suggestions` is {(dimension, group): OutreachSuggestion}, attached to under-represented rows.
    `views` is {region: counts} for every view of the page a reader can open (as
    selectors.representation_by_region returns them): they are suppressed together, so that no
    view's counts, subtracted from another's, give a hidden count away. Default: this view alone.
    """
    suggestions = suggestions or {}
    hidden = _hidden(views or {region: dimensions})
    place = _place(region)
    tables = []
    for dimension in dimensions:
        rows = [
            Row(
                code=group.code,
                label=group.label,
                cells={column: Cell(getattr(group, column)) for column in COLUMNS},
                is_missing_answer=group.code in MISSING,
            )
            for group in dimension.groups
        ]
        for column in COLUMNS:
            for row in rows:
                if (column, dimension.dimension, row.code, place) in hidden:
                    row.cells[column].state = SMALL if 1 <= row.cells[column].count <= max_small() else HIDDEN
            if (column, whole_dimension(dimension.dimension), KNOWN, place) not in hidden:
                _add_shares(rows, column)
        for row in rows:
            _judge(row, [r for r in rows if not r.is_missing_answer])
            if row.is_under_represented and (dimension.dimension, row.code) in suggestions:
                row.suggestions = [suggestions[(dimension.dimension, row.code)]]
        tables.append(Table(dimension=dimension.dimension, label=dimension.label, rows=rows))
    return tables


def max_small():
    return settings.INEQUITIES_MAX_SMALL


def _hidden(views):
    counts = {
        (column, dimension.dimension, group.code, _place(region)): getattr(group, column)
        for region, dimensions in views.items()
        for dimension in dimensions
        for group in dimension.groups
        for column in COLUMNS
    }
    wholes = {
        dimension.dimension: {
            KNOWN: [g.code for g in dimension.groups if g.code not in MISSING],
            "missing": [g.code for g in dimension.groups if g.code in MISSING],
        }
        for dimensions in views.values()
        for dimension in dimensions
    }
    return hidden_counts(counts, wholes, max_small=max_small())


def _place(region):
    return ALL if region == EVERY_REGION else str(region)


def _add_shares(rows, column):
    known = sum(row.cells[column].count for row in rows if not row.is_missing_answer)
    for row in rows:
        cell = row.cells[column]
        if known and cell.is_shown and not row.is_missing_answer:
            cell.share = cell.count / known


def _share(row, rows, column):
    known = sum(r.cells[column].count for r in rows)
    return row.cells[column].count / known if known else None


def _judge(row, known_rows):
    if row.is_missing_answer or row.population.count < MIN_JUDGED:
        return
    resident_share = _share(row, known_rows, "population")
    if not resident_share:
        return
    for column in ("panel", "participants"):
        share = _share(row, known_rows, column)
        if share is not None and share < UNDER_REPRESENTED_RATIO * resident_share:
            setattr(row, f"{column}_under", True)
