"""The representation review as a page shows it: small counts hidden, shares, under-represented groups.

Rules (stated on the page too):
- a count from 1 to 4 is shown as "fewer than 5";
- where a hidden count could be worked out by subtracting the shown ones from a total, the next
  smallest count is hidden too ("hidden"), until none can be worked out;
- shares are of the people whose answer we know ("prefer not to say" and "not asked" are counted
  but left out of shares), and a share is shown only beside a count that is shown;
- a group is under-represented when its share among participants (or on the panel) is less than
  four-fifths of its share among residents. Groups of fewer than 10 residents are not judged.
"""

from dataclasses import dataclass, field

from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY

MAX_SMALL = 4
UNDER_REPRESENTED_RATIO = 0.8
MIN_JUDGED = 10
MISSING = (PREFER_NOT_TO_SAY, NOT_ASKED)
COLUMNS = ("population", "panel", "participants")

SHOWN, SMALL, HIDDEN = "shown", "small", "hidden"


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


def representation_tables(dimensions, suggestions=None):
    """Turn selectors.representation() counts into tables for the page.

    `suggestions` is {(dimension, group): OutreachSuggestion}, attached to under-represented rows.
    """
    suggestions = suggestions or {}
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
            _hide_small(rows, column)
            _add_shares(rows, column)
        for row in rows:
            _judge(row, [r for r in rows if not r.is_missing_answer])
            if row.is_under_represented and (dimension.dimension, row.code) in suggestions:
                row.suggestions = [suggestions[(dimension.dimension, row.code)]]
        tables.append(Table(dimension=dimension.dimension, label=dimension.label, rows=rows))
    return tables


def _hide_small(rows, column):
    cells = [row.cells[column] for row in rows]
    for cell in cells:
        if 1 <= cell.count <= MAX_SMALL:
            cell.state = SMALL
    known = [row.cells[column] for row in rows if not row.is_missing_answer]
    missing = [row.cells[column] for row in rows if row.is_missing_answer]
    # Totals a reader can work out: everyone; those with a known answer (from the shares); and so
    # the missing answers together. A line hiding exactly one count gives it away.
    lines = [cells, known, missing]
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [cell for cell in line if not cell.is_shown]
            shown = [cell for cell in line if cell.is_shown]
            if len(hidden) == 1 and shown:
                smallest = min(shown, key=lambda cell: (cell.count == 0, cell.count))
                smallest.state = HIDDEN
                changed = True


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
