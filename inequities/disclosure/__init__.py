"""Disclosure control: no published figure may be small enough to point to a person, and no hidden
figure may be worked out from the figures shown beside it, in any table a reader can see.

1. Primary suppression hides a figure whose denominator is below `min_denominator`, or whose
   numerator or remainder (denominator - numerator) is between 1 and `max_small`. A plain count
   (unit "count", no denominator, such as the representation review's) is judged on itself alone.
2. Secondary suppression looks at every line of each table (the groups of one region, with the
   region's total; the regions of one group, with the group's all-regions figure): a line that
   hides exactly one figure, member or total, would let anyone subtract or add up the rest, so the
   smallest other figure in that line is hidden too, until no line gives a figure away.
3. Linked tables: the same lines run across tables. Every dimension's everyone row counts the same
   people, so one hidden in one dimension is hidden in all (and the region dimension's groups are
   the regions' totals, whose lines the second step already walks); a dimension declared
   `made_of` another (a deprivation fifth is two tenths, and any grouping declared later) is a line
   of its parts with itself as the total. Steps 2 and 3 repeat until nothing changes.

tests/inequities/recoverable.py is an attacker written apart from this module: it solves the
published equations for every hidden count, and the tests check it finds none.

Every published table (dashboards and their CSVs, the figures export, the representation review,
the numbers in signals' sentences) is read from the one suppressed set this returns.
"""

import logging

import pandas as pd

from inequities.dimensions import DIMENSIONS
from inequities.metrics import ALL

DEFAULT_MIN_DENOMINATOR = 10
DEFAULT_MAX_SMALL = 4

logger = logging.getLogger(__name__)


def primary(frame, min_denominator=DEFAULT_MIN_DENOMINATOR, max_small=DEFAULT_MAX_SMALL):
    numerator = frame["numerator"].fillna(0)
    denominator = frame["denominator"].fillna(0)
    remainder = denominator - numerator
    counted = frame["unit"].eq("count") if "unit" in frame else False
    too_few = (denominator < min_denominator) & ~counted
    return too_few | numerator.between(1, max_small) | (remainder.between(1, max_small) & ~counted)


def suppress(frame, min_denominator=DEFAULT_MIN_DENOMINATOR, max_small=DEFAULT_MAX_SMALL, links=None):
    """Return `frame` with a boolean `suppressed` column: primary, secondary and linked-table
    suppression.

    `links` are the lines across tables, as groupings() returns them; by default those declared
    with the dimensions. A page that lets a reader add up more (see services.REVIEW_LINKS) adds its own.

    `frame` has metric, dimension, group, region, numerator, denominator (and unit, if any); group
    and region use metrics.ALL for totals. Figures without a numerator (such as medians) are judged
    on their denominator alone. `frame.attrs["disclosure"]` says how many figures each step hid.
    """
    result = frame.reset_index(drop=True).copy()
    result["suppressed"] = primary(result, min_denominator, max_small)
    first = int(result["suppressed"].sum())
    for _key, table in result.groupby(["metric", "dimension"], sort=False):
        hidden = _secondary(table)
        result.loc[hidden, "suppressed"] = True
    second = int(result["suppressed"].sum())
    _across_tables(result, groupings() if links is None else links)
    extra = int(result["suppressed"].sum()) - second
    result.attrs["disclosure"] = {"primary": first, "secondary": second - first, "linked": extra}
    logger.info(
        "Disclosure control hid %s of %s figures: %s small, %s beside them, %s more for linked tables",
        second + extra,
        len(result),
        first,
        second - first,
        extra,
    )
    return result


def _across_tables(result, links):
    """Hide more until no line across tables gives a figure away: every dimension's everyone row
    counts the same people (hidden in one dimension, it is hidden in all), and a dimension declared
    `made_of` another is a line of its parts with itself as the total (a fifth and its two tenths)."""
    linked = {d for whole, part, _groups in links for d in (whole, part)}
    touched = set(result.loc[result["suppressed"], "metric"])
    while touched:
        before = result["suppressed"].copy()
        everyone = result[(result["group"] == ALL) & result["metric"].isin(touched)]
        hidden = everyone.groupby(["metric", "region"])["suppressed"].transform("any")
        result.loc[everyone.index[hidden & ~everyone["suppressed"]], "suppressed"] = True
        parts = result[result["dimension"].isin(linked) & result["metric"].isin(touched)]
        for _key, table in parts.groupby(["metric", "region"], sort=False):
            shown = table.assign(suppressed=result.loc[table.index, "suppressed"])
            result.loc[_linked_lines(shown, links), "suppressed"] = True
        grown = result["suppressed"] & ~before
        for _key, table in result[
            result.set_index(["metric", "dimension"]).index.isin(
                set(zip(result.loc[grown, "metric"], result.loc[grown, "dimension"], strict=True))
            )
        ].groupby(["metric", "dimension"], sort=False):
            result.loc[_secondary(table.assign(suppressed=result.loc[table.index, "suppressed"])), "suppressed"] = True
        touched = set(result.loc[result["suppressed"] & ~before, "metric"])


def _linked_lines(table, links):
    """Row labels to hide in one metric and region so that no declared whole, with its parts,
    hides exactly one figure."""
    index = dict(zip(zip(table["dimension"], table["group"], strict=True), table.index, strict=True))
    suppressed = table["suppressed"]
    more = []
    for whole, part, groups in links:
        for group, parts in groups.items():
            total = index.get((whole, group))
            members = [index[(part, p)] for p in parts if (part, p) in index]
            if total is None or not members:
                continue
            line = members + [total]
            hidden = [m for m in line if suppressed[m] or m in more]
            if len(hidden) != 1:
                continue
            shown = [m for m in line if m not in hidden]
            more.append(_smallest(table, shown))
    return more


def groupings(dimensions=DIMENSIONS):
    """[(dimension, the dimension it is made of, {group: its parts})] as declared with the dimensions."""
    return [(d.key, d.made_of[0], d.made_of[1]) for d in dimensions if d.made_of]


def _secondary(table):
    """Row labels (of the caller's index) that must also be hidden in one metric's table."""
    suppressed = table["suppressed"].copy()
    lines = _lines(table)
    changed = True
    while changed:
        changed = False
        for members, total in lines:
            # A hidden total beside shown members is as easy to work out as a hidden member.
            hidden = [m for m in [*members, total] if suppressed[m]]
            if len(hidden) != 1:
                continue
            shown = [m for m in members if not suppressed[m]]
            if shown:
                suppressed[_smallest(table, shown)] = True
            else:
                suppressed[total] = True
            changed = True
    return suppressed[suppressed].index


def _smallest(table, labels):
    """The figure of a line to hide next: the smallest by denominator, then numerator (a plain count
    by its count), then label, so the same figures always hide the same way."""

    def size(m):
        denominator, numerator = table.at[m, "denominator"], table.at[m, "numerator"]
        return (numerator if pd.isna(denominator) else denominator, numerator, m)

    return min(labels, key=size)


def _lines(table):
    """(member row labels, total row label) for every row and column of the table that has a total."""
    index = dict(zip(zip(table["group"], table["region"], strict=True), table.index, strict=True))
    groups = {g for g, _r in index if g != ALL}
    regions = {r for _g, r in index if r != ALL}
    lines = []
    for region in regions | {ALL}:
        total = index.get((ALL, region))
        members = [index[(g, region)] for g in sorted(groups) if (g, region) in index]
        if total is not None and members:
            lines.append((members, total))
    for group in groups | {ALL}:
        total = index.get((group, ALL))
        members = [index[(group, r)] for r in sorted(regions) if (group, r) in index]
        if total is not None and members:
            lines.append((members, total))
    return lines


def blank_suppressed(frame, columns):
    """Keep the labels of suppressed rows but blank their numbers (never show them as zero)."""
    result = frame.copy()
    for column in columns:
        if column in result:
            result[column] = result[column].astype(object).where(~result["suppressed"], None)
    return result
