"""Disclosure control: no published figure may be small enough to point to a person, and no hidden
figure may be worked out from the ones shown beside it.

Primary suppression hides a figure whose denominator is below `min_denominator`, or whose numerator
or remainder (denominator - numerator) is between 1 and `max_small`. Secondary suppression then
looks at every line of each table (the groups of one region, with the region's total; the regions
of one group, with the group's all-regions figure): a line whose total is shown and which hides
exactly one figure would let anyone subtract the rest, so the smallest other figure in that line is
hidden too, repeatedly, until no line gives a hidden figure away.
"""

from inequities.metrics import ALL

DEFAULT_MIN_DENOMINATOR = 10
DEFAULT_MAX_SMALL = 4


def primary(frame, min_denominator=DEFAULT_MIN_DENOMINATOR, max_small=DEFAULT_MAX_SMALL):
    numerator = frame["numerator"].fillna(0)
    denominator = frame["denominator"].fillna(0)
    remainder = denominator - numerator
    return (denominator < min_denominator) | numerator.between(1, max_small) | remainder.between(1, max_small)


def suppress(frame, min_denominator=DEFAULT_MIN_DENOMINATOR, max_small=DEFAULT_MAX_SMALL):
    """Return `frame` with a boolean `suppressed` column, primary and secondary suppression applied.

    `frame` has metric, dimension, group, region, numerator, denominator; group and region use
    metrics.ALL for totals. Figures without a numerator (such as medians) are judged on their
    denominator alone.
    """
    result = frame.reset_index(drop=True).copy()
    result["suppressed"] = primary(result, min_denominator, max_small)
    for _key, table in result.groupby(["metric", "dimension"], sort=False):
        hidden = _secondary(table)
        result.loc[hidden, "suppressed"] = True
    return result


def _secondary(table):
    """Row labels (of the caller's index) that must also be hidden in one metric's table."""
    suppressed = table["suppressed"].copy()
    lines = _lines(table)
    changed = True
    while changed:
        changed = False
        for members, total in lines:
            if suppressed[total]:
                continue
            hidden = [m for m in members if suppressed[m]]
            if len(hidden) != 1:
                continue
            shown = [m for m in members if not suppressed[m]]
            if shown:
                smallest = min(shown, key=lambda m: (table.at[m, "denominator"], table.at[m, "numerator"], m))
                suppressed[smallest] = True
            else:
                suppressed[total] = True
            changed = True
    return suppressed[suppressed].index


def _lines(table):
    """(member row labels, total row label) for every row and column of the table that has a total."""
    index = {(row.group, row.region): label for label, row in table[["group", "region"]].iterrows()}
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
