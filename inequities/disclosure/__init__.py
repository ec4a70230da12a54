"""Disclosure control: no published figure may be small enough to point to a person, and no hidden
figure may be worked out from the figures shown beside it, in any table a reader can see.

1. Primary suppression hides a figure whose denominator is below `min_denominator`, or whose
   numerator or remainder (denominator - numerator) is between 1 and `max_small`. A plain count
   (unit "count", no denominator, such as the representation review's) is judged on itself alone.
2. Secondary suppression looks at every line of each table (the groups of one region, with the
   region's total; the regions of one group, with the group's all-regions figure): a line that
   hides exactly one figure, member or total, would let anyone subtract or add up the rest, so the
   smallest other figure in that line is hidden too, until no line gives a figure away.
3. Linked tables: the same rule runs over the lines across tables. Every dimension's everyone row
   counts the same people, so one hidden in one dimension is hidden in all (and the region
   dimension's groups are the regions' totals, whose lines the second step already walks); a
   dimension declared `made_of` another (a deprivation fifth is two tenths, and any grouping
   declared later) is a line of its parts with itself as the total; and metrics that count the
   same people (satisfied and dissatisfied of one measure) hide one cell together, as a shown one
   gives the other's denominator. Steps 2 and 3 repeat until nothing changes. The lines are
   written down once, in lines.py, for these steps and the audit.
4. The attacker's audit (audit.py) solves those lines for every hidden count, as a careful reader
   would; while one can be worked out exactly or narrowed to fewer than `max_small + 1` values
   apart, a figure of an equation through it is hidden too (the smallest whose count is at least
   the threshold, so the range opens by at least that much; else the smallest), steps 2 and 3 run
   again, and the audit again on the metrics that changed. A count whose equations hold nothing
   shown is given away by its metric's own lines: every figure of that metric is hidden. Last,
   metrics that count the same people are solved together (joint.py), and a count they narrow
   hides one more figure beside it.
5. Snapshots published before (earlier.py): where a reader could subtract an earlier snapshot whose
   period overlaps this one's and find a change of 1 to `max_small` people, in a figure or in the
   hidden part of a line, more is hidden. Its first rule runs with step 1, its second after the
   audit; steps 2 to 4 run again after anything it hides.

tests/inequities/recoverable.py is an attacker written apart from this module: it solves the
published equations for every hidden count, and the tests check it finds none fixed or narrowed.

Every published table (dashboards and their CSVs, the figures export, the representation review,
the numbers in signals' sentences) is read from the one suppressed set this returns.
"""

import logging
from collections import deque

import numpy as np

from inequities.disclosure.audit import Audit
from inequities.disclosure.earlier import Earlier, Subtraction
from inequities.disclosure.joint import Joint
from inequities.disclosure.lines import TABLE, groupings, lines

DEFAULT_MIN_DENOMINATOR = 10
DEFAULT_MAX_SMALL = 4

__all__ = [
    "DEFAULT_MAX_SMALL",
    "DEFAULT_MIN_DENOMINATOR",
    "Earlier",
    "blank_suppressed",
    "groupings",
    "primary",
    "suppress",
]

logger = logging.getLogger(__name__)


def primary(frame, min_denominator=DEFAULT_MIN_DENOMINATOR, max_small=DEFAULT_MAX_SMALL):
    numerator = frame["numerator"].fillna(0)
    denominator = frame["denominator"].fillna(0)
    remainder = denominator - numerator
    counted = frame["unit"].eq("count") if "unit" in frame else False
    too_few = (denominator < min_denominator) & ~counted
    return too_few | numerator.between(1, max_small) | (remainder.between(1, max_small) & ~counted)


def suppress(
    frame,
    min_denominator=DEFAULT_MIN_DENOMINATOR,
    max_small=DEFAULT_MAX_SMALL,
    links=None,
    together=(),
    audited=True,
    earlier=None,
    apart=(),
):
    """Return `frame` with a boolean `suppressed` column: primary, secondary and linked-table
    suppression, then the attacker's audit (audit.py), more being hidden until it passes.

    `links` are the lines across tables, as groupings() returns them; by default those declared
    with the dimensions. A page that lets a reader add up more (see review.LINKS) adds its own.
    `together`: [(metric keys)] counting the same people (families.same_people()), hidden together.

    `frame` has metric, dimension, group, region, numerator, denominator (and unit, if any); group
    and region use metrics.ALL for totals. Figures without a numerator (such as medians) are judged
    on their denominator alone. `frame.attrs["disclosure"]` says how many figures each step hid.
    `audited=False` leaves the audit out (to measure what it adds).
    `earlier`: an Earlier, what snapshots with overlapping periods showed (step 5).
    `apart`: [(metric keys)] of `together` pairs of which nobody is in both numerators (joint.py).
    """
    result = frame.reset_index(drop=True).copy()
    published = lines(result, links, together)
    rank = _ranks(result)
    hidden = primary(result, min_denominator, max_small).to_numpy(dtype=bool, copy=True)
    small = int(hidden.sum())
    earlier = earlier or Earlier()
    hidden |= earlier.changed_by_a_few(result, max_small)
    first = int(hidden.sum())
    _close(hidden, published, rank, kind=TABLE)
    second = int(hidden.sum())
    _close(hidden, published, rank)
    linked = int(hidden.sum())
    subtraction = Subtraction(result, published, earlier, max_small)
    exclusive = {frozenset(pair) for pair in apart}
    pairs = [(a, b, frozenset((a, b)) in exclusive) for keys in together for a, b in zip(keys, keys[1:], strict=False)]
    denominator = result["denominator"].to_numpy(dtype=float, na_value=np.nan)
    joint = Joint(result, published, pairs, max_small + 1, ~(denominator < min_denominator))
    audit = by_subtraction = 0
    while True:
        before = int(hidden.sum())
        if audited:
            _until_the_audit_passes(result, hidden, published, rank, max_small, min_denominator)
        audit += int(hidden.sum()) - before
        before = int(hidden.sum())
        added = subtraction.more_to_hide(hidden, rank)
        if added:
            _close(hidden, published, rank, start=added)
            by_subtraction += int(hidden.sum()) - before
            continue
        added = joint.more_to_hide(hidden, rank) if audited else []
        if not added:
            break
        _close(hidden, published, rank, start=added)
        audit += int(hidden.sum()) - before
    result["suppressed"] = hidden
    result.attrs["disclosure"] = {
        "primary": small,
        "earlier": first - small + by_subtraction,
        "secondary": second - first,
        "linked": linked - second,
        "audit": audit,
    }
    logger.info(
        "Disclosure control hid %s of %s figures: %s small, %s changed by a few since a snapshot before, "
        "%s beside them, %s more for linked tables, %s more for the audit",
        int(hidden.sum()),
        len(result),
        small,
        first - small + by_subtraction,
        second - first,
        linked - second,
        audit,
    )
    return result


def _close(hidden, published, rank, kind=None, start=None):
    """Hide more until no line (of `kind`, or any) hides exactly one figure, member or total: a
    reader could subtract or add up the rest. The line's smallest shown member is hidden too, or
    its total when every member is hidden. `start`: rows just hidden (only their lines are
    looked at first)."""
    if start is None:
        todo = deque(range(len(published.lines)))
    else:
        todo = deque(sorted({n for row in start for n in published.through[row]}))
    queued = set(todo)
    while todo:
        number = todo.popleft()
        queued.discard(number)
        line_kind, members, total = published.lines[number]
        if kind is not None and line_kind != kind:
            continue
        if sum(bool(hidden[m]) for m in members) + bool(hidden[total]) != 1:
            continue
        shown = [m for m in members if not hidden[m]]
        pick = min(shown, key=rank.__getitem__) if shown else total
        hidden[pick] = True
        for other in published.through[pick]:
            if other not in queued:
                todo.append(other)
                queued.add(other)


def _until_the_audit_passes(frame, hidden, published, rank, max_small, min_denominator):
    """Run the audit; while it finds a count given away, hide a figure of an equation through it
    (the smallest shown figure whose count of that kind is at least the threshold, so the range
    opens by at least that much; else the smallest), close the lines again, and audit the metrics
    that changed."""
    audit = Audit(frame, published, max_small, min_denominator)
    metric = frame["metric"].to_numpy()
    todo = None
    while True:
        failures = audit.failures(hidden, todo)
        if not failures:
            return
        before, added = hidden.copy(), []
        for failure in failures:
            if any(hidden[row] for row in failure.shown):
                continue  # its equations changed this round: audit it again first
            candidates = sorted(failure.shown, key=rank.__getitem__)
            values = audit.values[failure.count]
            wide = [row for row in candidates if values[row] >= max_small + 1]
            if candidates:
                hidden[(wide or candidates)[0]] = True
                added.append((wide or candidates)[0])
        if not added:
            # Nothing shown is left in their equations: what gives them away is the metric itself,
            # so none of its figures is published.
            whole = [m for m in dict.fromkeys(metric[f.row] for f in failures) if not hidden[metric == m].all()]
            if not whole:
                logger.warning("Disclosure audit: %s counts given away with every figure hidden", len(failures))
                return
            logger.warning(
                "Disclosure audit: %s could still be worked out, so all its figures are hidden", ", ".join(whole)
            )
            added = [row for row in np.flatnonzero(np.isin(metric, whole)) if not hidden[row]]
            hidden[added] = True
        _close(hidden, published, rank, start=added)
        todo = list(dict.fromkeys(metric[np.flatnonzero(hidden & ~before)]))


def _ranks(frame):
    """Each row's place in the order figures of a line are hidden in: the smallest by denominator,
    then numerator (a plain count by its count), then label, so the same figures always hide the
    same way."""
    numerator = frame["numerator"].to_numpy(dtype=float, na_value=np.nan)
    denominator = frame["denominator"].to_numpy(dtype=float, na_value=np.nan)
    size = np.where(np.isnan(denominator), numerator, denominator)
    order = np.lexsort((np.arange(len(frame)), np.nan_to_num(numerator, nan=-1), np.nan_to_num(size, nan=-1)))
    rank = np.empty(len(frame), dtype=int)
    rank[order] = np.arange(len(frame))
    return rank.tolist()


def blank_suppressed(frame, columns):
    """Keep the labels of suppressed rows but blank their numbers (never show them as zero)."""
    result = frame.copy()
    for column in columns:
        if column in result:
            result[column] = result[column].astype(object).where(~result["suppressed"], None)
    return result
