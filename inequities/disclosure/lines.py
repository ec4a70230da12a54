"""The published relations: every line a reader of the figures can add up, written down once for
the suppression that keeps hidden figures apart and for the audit that checks it did.

A line is (members, total): row positions, in one metric, of figures whose counts add up to the
total's. A figure's counts are its numerator, its denominator and what is left of the denominator;
which of them a line adds up depends on the unit, and the audit says (see audit.py).

- TABLE lines, in each table (one metric and dimension): the groups of one region add up to the
  region's everyone row; the regions of one group add up to its all-regions figure.
- ACROSS lines, between tables of one metric: every dimension's everyone row counts the same people
  as every other's in a region (a line of one member, each row to the next); and a dimension
  declared `made_of` another (a deprivation fifth is two tenths, and any grouping declared later,
  or a page's own `links`) is a line of its parts with itself as the total.
- TOGETHER lines, between metrics that count the same people (`together`, such as satisfied and
  dissatisfied of one measure): one figure's denominator is the other's, so a shown one would give
  a hidden one's away. Each is a line of one member, the same cell of the next metric, so
  suppression hides them together; they are not equations (the numerators differ), and the audit
  leaves them out.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from inequities.dimensions import DIMENSIONS
from inequities.metrics import ALL

TABLE, ACROSS, TOGETHER = "table", "across", "together"


def groupings(dimensions=DIMENSIONS):
    """[(dimension, the dimension it is made of, {group: its parts})] as declared with the dimensions."""
    return [(d.key, d.made_of[0], d.made_of[1]) for d in dimensions if d.made_of]


@dataclass
class Lines:
    """Every line of a frame of figures (labelled 0..n-1), and which lines pass through each figure."""

    lines: list = field(default_factory=list)  # [(kind, members, total)]
    through: dict = field(default_factory=lambda: defaultdict(list))  # row -> line numbers

    def add(self, kind, members, total):
        number = len(self.lines)
        self.lines.append((kind, members, total))
        for row in (*members, total):
            self.through[row].append(number)


def lines(frame, links=None, together=()):
    """The Lines of `frame` (metric, dimension, group, region; a RangeIndex). `links` are the lines
    across tables as groupings() returns them; by default those declared with the dimensions.
    `together`: [(metric keys)] whose figures of one cell are hidden together."""
    links = groupings() if links is None else links
    linked = {d for whole, part, _groups in links for d in (whole, part)}
    tables = defaultdict(dict)  # (metric, dimension) -> {(group, region): row}
    everyone = defaultdict(list)  # (metric, region) -> [(dimension, row)]
    parts = defaultdict(dict)  # (metric, region) -> {(dimension, group): row}
    columns = zip(*(frame[c].tolist() for c in ("metric", "dimension", "group", "region")), strict=True)
    for row, (metric, dimension, group, region) in enumerate(columns):
        tables[(metric, dimension)][(group, region)] = row
        if group == ALL:
            everyone[(metric, region)].append((dimension, row))
        if dimension in linked:
            parts[(metric, region)][(dimension, group)] = row
    found = Lines()
    cells = defaultdict(dict)  # (dimension, group, region) -> {metric: row}, for `together`
    if together:
        for key, row in _cells(frame):
            cells[key[1:]][key[0]] = row
    for keys in together:
        for index in cells.values():
            rows = [index[k] for k in keys if k in index]
            for first, other in zip(rows, rows[1:], strict=False):
                found.add(TOGETHER, [first], other)
    for table in tables.values():
        for members, total in _table_lines(table):
            found.add(TABLE, members, total)
    for rows in everyone.values():
        ordered = [row for _dimension, row in sorted(rows, key=lambda pair: pair[0])]
        for first, other in zip(ordered, ordered[1:], strict=False):
            found.add(ACROSS, [first], other)
    for index in parts.values():
        for whole, part, groups in links:
            for group, members in groups.items():
                total = index.get((whole, group))
                rows = [index[(part, p)] for p in members if (part, p) in index]
                if total is not None and rows:
                    found.add(ACROSS, rows, total)
    return found


def _table_lines(index):
    """(member rows, total row) for every row and column of one table that has a total."""
    groups = sorted({g for g, _r in index if g != ALL})
    regions = sorted({r for _g, r in index if r != ALL})
    for region in [*regions, ALL]:
        total = index.get((ALL, region))
        members = [index[(g, region)] for g in groups if (g, region) in index]
        if total is not None and members:
            yield members, total
    for group in [*groups, ALL]:
        total = index.get((group, ALL))
        members = [index[(group, r)] for r in regions if (group, r) in index]
        if total is not None and members:
            yield members, total


def _cells(frame):
    columns = zip(*(frame[c].tolist() for c in ("metric", "dimension", "group", "region")), strict=True)
    return ((key, row) for row, key in enumerate(columns))
