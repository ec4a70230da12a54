"""Disclosure control by rounding (issue 28, docs/adr/0010-rounding-not-hiding.md): no published
figure may point to a person, and no count may be worked out to within +/-2 from everything
published, in one snapshot or across snapshots of overlapping periods, without hiding figures
about many people to protect others.

1. Small counts are hidden (primary): a figure whose numerator, denominator or, for a proportion
   or share, remainder (denominator - numerator) is 1 to `max_small` (7), or whose denominator is
   0. Hidden figures keep their labels and lose every number, but a share whose only small count
   is its own says so as a band, "fewer than 8" or "all but 1 to 7", beside its rounded total
   (bands.py; withdrawn where bands would narrow a count, `unband`).
2. Every other count is rounded to a multiple of `base` (5), the same way every time: a keyed hash
   of where the count is decides up or down (rounding.py), so the same count is published the
   same in every table and every snapshot, and a published count is within 4 of the true one.
   Totals are rounded from their own unrounded counts, never added up from rounded parts.
3. Rates, intervals, comparisons and gaps are worked out again from the rounded counts
   (rounding.republish), so none of them gives a count back more exactly than the counts.
4. The attacker's audit (audit.py) solves every line a reader can add up (lines.py) over the
   rounded counts; where a count could be narrowed to fewer than five values, the count next to
   it in that line is rounded the other way (still within 4 of its true value), until nothing
   can be narrowed. Where that cannot open a hidden count, the smallest figure in its lines is
   hidden too, as a last resort (`protect`): only a figure about fewer than `PROTECTING_BELOW`
   (30) people that is not a region total or a landlord-wide group figure, so the cost of hiding
   grows with size and no large figure or total is ever hidden to protect another.
5. Snapshots published before (earlier.py): a figure whose published count is 1 to `base - 1`
   away from what an overlapping snapshot showed of it is hidden; with every snapshot rounded
   that cannot happen (two multiples of 5 differ by 0 or 5 or more), so it guards the change from
   snapshots published exactly, before rounding. The audit of step 4 also solves the new snapshot
   together with every one published before whose period it holds (`Earlier.frames`): a count is
   at most what it is later, which can narrow a count hidden then and shown now.

tests/inequities/recoverable.py is an attacker written apart from this module: it solves the
published equations exactly for every count, and the tests check it narrows none to +/-2.

Every published table (dashboards and their CSVs, the figures export, the representation review,
the numbers in signals' sentences) is read from the one rounded set this returns.
"""

import logging

import numpy as np

from inequities.disclosure import bands, rounding
from inequities.disclosure.audit import Audit
from inequities.disclosure.earlier import Earlier
from inequities.disclosure.lines import groupings, lines
from inequities.metrics import ALL

DEFAULT_MIN_DENOMINATOR = 10
DEFAULT_MAX_SMALL = 4
HIDDEN_UP_TO = 7  # counts of 1 to 7 are hidden (NHS England's rule)
BASE = 5  # every other count is rounded to a multiple of 5
SMALLEST_SHOWN = HIDDEN_UP_TO + 1  # a shown count other than 0 is at least 8
SMALLEST_PUBLISHED = 10  # so 8 and 9 are published as 10, never 5 (which would say "8 or 9")
WITHIN = 2  # no count may be worked out to within +/-2: a range of 5 values or more is left
MAX_FLIPS = 20  # rounds of the audit
MAX_TRIES = 40  # then counts turned one at a time, each audited
PROTECTING_BELOW = 30  # a figure hidden to protect another is about fewer than this many people

__all__ = [
    "BASE",
    "DEFAULT_MAX_SMALL",
    "DEFAULT_MIN_DENOMINATOR",
    "HIDDEN_UP_TO",
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


def small(frame, max_small=HIDDEN_UP_TO):
    """Figures hidden for their own counts: a numerator, denominator or remainder of 1 to
    `max_small`, or nobody at all (a denominator of 0)."""
    return primary(frame, min_denominator=max_small + 1, max_small=max_small)


def suppress(
    frame,
    max_small=HIDDEN_UP_TO,
    base=BASE,
    key=b"",
    links=None,
    together=(),
    audited=True,
    earlier=None,
    residents=None,
    controlled=True,
    growing=None,
):
    """Return `frame` with a boolean `suppressed` column, its shown counts rounded and its rates,
    intervals and gaps worked out from them (the module's steps).

    `key`: the rounding key (rounding.key_from). `links` are the lines across tables, as
    groupings() returns them; by default those declared with the dimensions. `together`: [(metric
    keys)] of metrics with one denominator (families.same_people()). `earlier`: an Earlier, what
    snapshots with overlapping periods showed. `growing`: the metric keys whose counts only grow
    (families.growing(); None: every metric), the only ones audited across snapshots. `residents`: the metric whose shares the share
    metrics are compared with. `audited=False` leaves the audit out and `controlled=False` every
    step (to measure what they do). `frame.attrs["disclosure"]` says how many figures each step
    hid or rounded.
    """
    result = frame.reset_index(drop=True).copy()
    if not controlled:
        result["suppressed"] = False
        result["band"] = bands.NONE
        result.attrs["disclosure"] = {"small": 0, "earlier": 0, "rounded": 0, "moved_by_the_audit": 0}
        return result
    hidden = small(result, max_small).to_numpy(dtype=bool, copy=True)
    primary_count = int(hidden.sum())
    band = bands.candidates(result, hidden, max_small)
    inferred = band.copy()  # what a reader who knows the 1-to-7 rule can tell of every hidden share
    numerator = result["numerator"].to_numpy(dtype=float, na_value=np.nan)
    denominator = result["denominator"].to_numpy(dtype=float, na_value=np.nan)
    numerator_keys, denominator_keys = rounding.keys(result)
    same = (numerator == denominator) & (denominator > 0)  # everyone in it: takes the denominator's rounding
    numerator_keys = np.where(same, denominator_keys, numerator_keys)
    u_numerator = rounding.draws(key, numerator_keys)
    u_denominator = rounding.draws(key, denominator_keys)
    flipped = set()  # (key, true count) rounded the other way

    def published():
        flip_n = np.zeros(len(result), dtype=bool)
        flip_d = np.zeros(len(result), dtype=bool)
        if flipped:
            flip_n = np.array([(k, v) in flipped for k, v in zip(numerator_keys, numerator, strict=True)], dtype=bool)
            flip_d = np.array(
                [(k, v) in flipped for k, v in zip(denominator_keys, denominator, strict=True)], dtype=bool
            )
        n = rounding.rounded(numerator, u_numerator, base, SMALLEST_PUBLISHED, flip_n)
        d = rounding.rounded(denominator, u_denominator, base, SMALLEST_PUBLISHED, flip_d)
        return n, d

    n, d = published()
    earlier = earlier or Earlier()
    candidate = result.assign(numerator=n, denominator=d)
    hidden |= earlier.changed_by_a_few(candidate, base - 1)
    earlier_count = int(hidden.sum()) - primary_count
    unresolved, narrowed_shown, narrowed_by_the_rule = [], 0, 0
    protecting = np.zeros(len(result), dtype=bool)
    if audited:
        published_lines = lines(result, links, together)
        before = [(frame, lines(frame, links, together)) for frame in earlier.growing(growing)]
        audit = Audit(result, published_lines, width=2 * WITHIN + 1, smallest=SMALLEST_SHOWN, band=band, earlier=before)

        def settle(n, d):
            """Round counts the other way until no hidden count is narrowed, or none can help."""
            for _round in range(MAX_FLIPS):
                failures = audit.failures(hidden, n, d)
                if not failures:
                    break
                changed = False
                opened = set()  # counts rounded the other way this round
                for failure in failures:
                    # Two hidden counts narrowed by one line would each turn a different count of
                    # it and undo each other: one turn per line a round.
                    if opened.intersection(failure.near):
                        continue
                    for row, count in failure.near:
                        keys, values = (
                            (numerator_keys, numerator) if count == "numerator" else (denominator_keys, denominator)
                        )
                        chosen = (keys[row], values[row])
                        if chosen in flipped or not rounding.flippable([values[row]], base, SMALLEST_PUBLISHED)[0]:
                            continue
                        flipped.add(chosen)
                        opened.update(failure.near)
                        changed = True
                        break
                if not changed:
                    break
                n, d = published()
            unresolved = audit.failures(hidden, n, d)
            tries = 0
            for failure in list(unresolved):
                # What the rounds left: one count at a time, turned either way (back, too), kept
                # only if fewer counts are narrowed after it.
                for row, count in failure.near if failure in unresolved else ():
                    keys, values = (
                        (numerator_keys, numerator) if count == "numerator" else (denominator_keys, denominator)
                    )
                    chosen = (keys[row], values[row])
                    if tries >= MAX_TRIES or not rounding.flippable([values[row]], base, SMALLEST_PUBLISHED)[0]:
                        continue
                    tries += 1
                    flipped.symmetric_difference_update({chosen})
                    trial_n, trial_d = published()
                    now = audit.failures(hidden, trial_n, trial_d)
                    if len(now) < len(unresolved):
                        n, d, unresolved = trial_n, trial_d, now
                        break
                    flipped.symmetric_difference_update({chosen})
            return n, d, unresolved

        # Bands that narrow a count are withdrawn first (rounding the other way cannot open a line
        # of hidden counts), but not yet one whose gap is clear: rounding may open its line. Only
        # where it does not is a clear band withdrawn too, and the rounding worked out again.
        unband(result, audit, band, hidden, n, d, audit.failures(hidden, n, d), residents, max_small, spare_clear=True)
        n, d, unresolved = settle(n, d)
        if any(audit.banded_near(failure) for failure in unresolved):
            unband(result, audit, band, hidden, n, d, unresolved, residents, max_small)
            flipped.clear()
            n, d, unresolved = settle(*published())
        if unresolved:
            protecting = protect(result, audit, hidden, n, d, unresolved)
            unresolved = [f for f in audit.failures(hidden, n, d) if f.before or not protecting[f.row]]
        if unresolved:
            logger.warning("Disclosure audit: %s hidden counts could still be narrowed to within +/-2", len(unresolved))
        narrowed_shown = len(audit.failures(hidden, n, d, shown=True))
        # A withdrawn band is hidden plainly, but a reader who knows the rule may infer it: counted,
        # not yet acted on (docs/adr/0012-bands-for-small-shares.md, "What it does not cover").
        if (inferred != band).any():
            reader = Audit(
                result, published_lines, width=2 * WITHIN + 1, smallest=SMALLEST_SHOWN, band=inferred, earlier=before
            )
            narrowed_by_the_rule = len(reader.failures(hidden, n, d))
        else:
            narrowed_by_the_rule = len(unresolved)
    shown = ~hidden
    moved = shown & ((n != numerator) & ~np.isnan(numerator) | (d != denominator) & ~np.isnan(denominator))
    by_audit = sum(1 for k, v in zip(numerator_keys, numerator, strict=True) if (k, v) in flipped)
    by_audit += sum(1 for k, v in zip(denominator_keys, denominator, strict=True) if (k, v) in flipped)
    result["numerator"], result["denominator"] = n, d
    result["suppressed"] = hidden
    band = bands.with_total_shown(result, band, hidden)
    result["band"] = band
    if residents is not None:
        result = rounding.republish(result, residents, max_small)
    result.attrs["disclosure"] = {
        "small": primary_count,
        "banded": int((band != bands.NONE).sum()),
        "earlier": earlier_count,
        "rounded": int(moved.sum()),
        "moved_by_the_audit": by_audit,
        "protecting": int(protecting.sum()),
        "unresolved": len(unresolved),
        "shown_narrowed": narrowed_shown,
        "narrowed_by_the_rule": narrowed_by_the_rule,
        "audited_with": len(earlier.frames),
    }
    logger.info(
        "Disclosure control hid %s of %s figures (%s with a count of 1 to %s, of which %s shares shown as a band "
        'such as "fewer than 8"; %s changed by a few since a snapshot published before rounding, %s about fewer '
        "than %s people to protect another) and rounded "
        "the counts of %s of the %s shown to multiples of %s (%s counts rounded the other way for the audit; "
        "%s shown counts a reader could narrow to within +/-2 from the lines they are in; %s hidden counts a reader "
        "who infers every band from the 1-to-%s rule could); snapshots published before, audited with it: %s",
        int(hidden.sum()),
        len(result),
        primary_count,
        max_small,
        int((band != bands.NONE).sum()),
        earlier_count,
        int(protecting.sum()),
        PROTECTING_BELOW,
        int(moved.sum()),
        int(shown.sum()),
        base,
        by_audit,
        narrowed_shown,
        narrowed_by_the_rule,
        max_small,
        len(earlier.frames),
    )
    return result


def unband(
    frame,
    audit,
    band,
    hidden,
    numerator,
    denominator,
    failures,
    residents=None,
    max_small=HIDDEN_UP_TO,
    rounds=MAX_FLIPS,
    spare_clear=False,
):
    """Where bands narrow a count (a landlord-wide "fewer than 8" over regions that each hold at
    least 1), a band in that count's lines is withdrawn and the audit runs again: that share is
    hidden plainly. Bands whose gap is not clear at their edge go first (they show no finding), then
    a region's before a landlord-wide one (the landlord-wide finding is the one a panel reads
    first), then the band of most people. Which gap is clear is read from the published counts
    only. With `spare_clear`, a band whose gap is clear is kept (its count left for rounding to
    open). Updates `band`; returns the failures left."""
    size = frame["denominator"].to_numpy(dtype=float, na_value=0.0)
    wide = frame["region"].eq(ALL).to_numpy()
    clear = np.zeros(len(frame), dtype=bool)
    if residents is not None and "gap_low" in frame:
        published = frame.assign(numerator=numerator, denominator=denominator, suppressed=hidden, band=band)
        published = rounding.republish(published, residents, max_small)
        with np.errstate(invalid="ignore"):
            clear = ((published["gap_low"] > 0) | (published["gap_high"] < 0)).to_numpy(dtype=bool)
    for _round in range(rounds):
        rows = set()
        for failure in failures:
            near = [row for row in audit.banded_near(failure) if not (spare_clear and clear[row])]
            if near:
                rows.add(min(near, key=lambda row: (clear[row], wide[row], -size[row], row)))
        if not rows:
            break
        rows = sorted(rows)
        audit.unband(rows)
        band[rows] = bands.NONE
        failures = audit.failures(hidden, numerator, denominator)
    return failures


def protect(frame, audit, hidden, numerator, denominator, failures, rounds=MAX_FLIPS):
    """The last resort, where rounding the other way cannot open a hidden count: hide, for each
    count still narrowed, the smallest shown figure in its lines that may be hidden to protect
    another (about fewer than PROTECTING_BELOW people, not a region total or a landlord-wide group
    figure), and audit again. Updates `hidden`; returns the rows hidden so. A count that no such
    figure can open stays narrowed (the caller logs it)."""
    protecting = np.zeros(len(frame), dtype=bool)
    if not failures:
        return protecting
    size = frame["denominator"].to_numpy(dtype=float, na_value=np.nan)
    size = np.where(np.isnan(size), frame["numerator"].to_numpy(dtype=float, na_value=np.nan), size)
    total = (
        frame["group"].eq(ALL).to_numpy()
        | frame["region"].eq(ALL).to_numpy()
        | frame["dimension"].eq("region").to_numpy()
    )
    may_hide = ~total & (size < PROTECTING_BELOW)
    for _round in range(rounds):
        chosen = set()
        for failure in failures:
            if protecting[failure.row] and not failure.before:
                continue
            candidates = [row for row, _count in failure.near if not hidden[row] and may_hide[row]]
            if candidates:
                chosen.add(min(candidates, key=lambda row: (size[row], row)))
        if not chosen:
            break
        rows = sorted(chosen)
        hidden[rows] = True
        protecting[rows] = True
        failures = audit.failures(hidden, numerator, denominator)
    return protecting


BANDED_KEEP = ("denominator", "ci_low", "ci_high", "comparison_rate", "gap", "gap_low", "gap_high", "significant")


def blank_suppressed(frame, columns):
    """Keep the labels of suppressed rows but blank their numbers (never show them as zero). A
    banded share (bands.py) keeps its total and what was worked out from its band."""
    result = frame.copy()
    banded = result["band"].fillna(bands.NONE).ne(bands.NONE) if "band" in result else False
    for column in columns:
        if column in result:
            keep = ~result["suppressed"] | (banded if column in BANDED_KEEP else False)
            result[column] = result[column].astype(object).where(keep, None)
    return result
