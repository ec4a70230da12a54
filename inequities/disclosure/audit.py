"""The attacker's audit of rounded figures: work out what a careful reader could of every count,
shown (rounded) or hidden, from everything published, and report the counts narrowed to fewer
than `width` (5) values: a count known to within +/-2.

A reader knows the published relations (lines.py: every line of every table, every dimension's
everyone row equal to every other's, the `made_of` lines and a page's own links; satisfied and
dissatisfied of one measure share a denominator), the rounding rule (a shown R is a count from
R - 4 to R + 4, and at least `smallest`, 8; a shown 0 is 0), that a hidden count is 0 or more,
and that a banded share's count (bands.FEWER) or remainder (bands.ALL_BUT) is 1 to `smallest` - 1.
The counts that add up along the lines depend on the unit:

- proportions and rates per 1,000: numerators and denominators (a proportion's remainder,
  denominator less numerator, is checked from the two);
- medians: denominators; plain counts: the counts;
- shares: numerators; a share's denominator is its table's total, the same in every dimension of
  a region, and each dimension's groups add up to it. A share banded "all but 1 to 7" has its
  remainder as a count (the other groups of its table added up), and so does its group in every
  region, since a group's remainders add up along the regions as its counts do
  (`_remainder_lines`: a landlord-wide "all but" and one region's bound the others' remainders,
  which propagating each line alone misses).

Each line is an equation over those counts, each count bounded as above.

A reader who kept the snapshots published before (`earlier`: periods the new one holds, computed
before it) knows their lines and bounds too, and that each count is at most the same count in a
later snapshot (counts only grow: more months, late answers). The audit solves them all together,
and fails a count of any of them that the new one narrows and the earlier ones alone did not. Interval propagation (each
equation bounds each of its counts by the others' bounds, until nothing moves) gives the least and
the most a reader could work out for every count; a count whose range is narrower than `width`
fails, unless it is 0 exactly (a 0 is shown anyway). Propagation can only leave ranges wider than
a full solve would: tests/inequities/recoverable.py solves the same equations exactly (linear
programs) apart from the product, on random snapshots, to check nothing is missed.
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.csgraph import connected_components

from inequities.disclosure import bands
from inequities.disclosure.lines import TOGETHER
from inequities.metrics import ALL

NUMERATOR, DENOMINATOR, REMAINDER = "numerator", "denominator", "remainder"
TOLERANCE = 1e-6
ADDING = {
    "proportion": (NUMERATOR, DENOMINATOR),
    "per_1000": (NUMERATOR, DENOMINATOR),
    "working_days": (DENOMINATOR,),
    "count": (NUMERATOR,),
    "share": (NUMERATOR,),
}


@dataclass(frozen=True)
class Failure:
    """`row`'s `count` (numerator, denominator or remainder) is known to lie between low and high.
    `near`: (row, count) of the shown counts in its equations, whose rounding could open it. A
    count of a snapshot published before is reported on the figure `row` it is now."""

    row: int
    count: str
    low: float
    high: float
    near: tuple
    before: bool = False


class Audit:
    """The equations of one frame of figures (true counts give each line's constant)."""

    def __init__(self, frame, published, width=5, smallest=8, band=None, earlier=()):
        """`earlier`: [(frame, Lines)] of snapshots published before whose periods the new one
        holds, oldest first, as published (rounded counts, blank where hidden, `suppressed` and
        `band`)."""
        self.width, self.smallest = width, smallest
        unit = frame["unit"].astype(str).to_numpy() if "unit" in frame else np.full(len(frame), "")
        truth = {
            NUMERATOR: frame["numerator"].to_numpy(dtype=float, na_value=np.nan),
            DENOMINATOR: frame["denominator"].to_numpy(dtype=float, na_value=np.nan),
        }
        self.unit, self.size = unit, len(frame)
        self.index = {}  # (row, count) -> variable
        for row in range(len(frame)):
            for count in ADDING.get(unit[row], (NUMERATOR, DENOMINATOR)):
                if not np.isnan(truth[count][row]):
                    self.index[(row, count)] = len(self.index)
        if "share" in set(unit):  # a share's denominator is a variable of its own
            for row in np.flatnonzero(unit == "share"):
                if not np.isnan(truth[DENOMINATOR][row]):
                    self.index[(row, DENOMINATOR)] = len(self.index)
        band = np.full(len(frame), bands.NONE, dtype=object) if band is None else band
        # A banded remainder is a count of its own, and so is every remainder of its group in the
        # other regions, which add up along the regions as the counts do (_remainder_lines).
        for row in _with_remainders(frame, unit, band):
            if (row, DENOMINATOR) in self.index and (row, NUMERATOR) in self.index:
                self.index[(row, REMAINDER)] = len(self.index)
        truth[REMAINDER] = truth[DENOMINATOR] - truth[NUMERATOR]
        self.variables = list(self.index)
        self.truth = np.array([truth[count][row] for row, count in self.variables])
        banded_count = {bands.FEWER: NUMERATOR, bands.ALL_BUT: REMAINDER}
        self.banded = np.array([banded_count.get(band[row]) == count for row, count in self.variables], dtype=bool)
        # A banded figure's denominator is published (rounded) with its band.
        self.band_total = np.array(
            [band[row] != bands.NONE and count == DENOMINATOR for row, count in self.variables], dtype=bool
        )
        self.row_of = np.array([row for row, _count in self.variables], dtype=int)
        self.is_numerator = np.array([count == NUMERATOR for _row, count in self.variables], dtype=bool)
        self.is_remainder = np.array([count == REMAINDER for _row, count in self.variables], dtype=bool)
        share = unit[self.row_of] == "share" if len(self.row_of) else np.zeros(0, dtype=bool)
        self.share_total = share & np.array([count == DENOMINATOR for _row, count in self.variables], dtype=bool)
        remainders = [row for row, count in self.variables if count == REMAINDER]
        equations = _equations(frame, published, unit, band, remainders)
        rows, columns, coefficients, constants = [], [], [], []
        index = self.index
        for terms in equations:
            found = [(index.get(term), k) for term, k in terms.items()]
            if any(v is None for v, _k in found):
                continue
            number = len(constants)
            rows += [number] * len(found)
            columns += [v for v, _k in found]
            coefficients += [k for _v, k in found]
            # A line the figures do not satisfy: as if the reader knew how far off it is.
            constants.append(sum(k * self.truth[v] for v, k in found))
        self.new_variables = len(self.variables)
        # (row, numerator, denominator) of every proportion with both: a remainder is checked from them.
        self.proportions = np.array(
            [
                (row, self.index[(row, NUMERATOR)], self.index[(row, DENOMINATOR)])
                for row in np.flatnonzero(unit == "proportion").tolist()
                if (row, NUMERATOR) in self.index and (row, DENOMINATOR) in self.index
            ],
            dtype=int,
        ).reshape(-1, 3)
        self.earlier = _Earlier(self, frame, equations, constants, earlier)
        for terms, constant in self.earlier.equations:
            number = len(constants)
            rows += [number] * len(terms)
            columns += [v for v, _k in terms]
            coefficients += [k for _v, k in terms]
            constants.append(constant)
        self.rows, self.columns = np.array(rows, dtype=int), np.array(columns, dtype=int)
        self.k, self.constants = np.array(coefficients, dtype=float), np.array(constants, dtype=float)
        self.incidence = csr_array(
            (np.ones(len(rows)), (self.rows, self.columns)), shape=(len(constants), len(self.variables))
        )
        self.through = self.incidence.T.tocsr()
        self.earlier.solve_alone(self)
        self.parts = _Parts(self)

    @staticmethod
    def _share_equations(frame, unit):
        shares = defaultdict(lambda: defaultdict(list))  # (metric, region) -> dimension -> rows
        everyone = defaultdict(list)
        columns = zip(*(frame[c].tolist() for c in KEYS), strict=True)
        for row, (metric, dimension, group, region) in enumerate(columns):
            if unit[row] != "share":
                continue
            if group == ALL:
                everyone[(metric, region)].append(row)
            else:
                shares[(metric, region)][dimension].append(row)
        equations = []
        for key, tables in shares.items():
            rows = [r for table in tables.values() for r in table] + everyone[key]
            first = rows[0]
            for other in rows[1:]:
                equations.append({(first, DENOMINATOR): 1.0, (other, DENOMINATOR): -1.0})
            for table in tables.values():
                equations.append({**{(r, NUMERATOR): 1.0 for r in table}, (first, DENOMINATOR): -1.0})
            for row in everyone[key]:
                equations.append({(row, NUMERATOR): 1.0, (row, DENOMINATOR): -1.0})
        return equations

    def bounds(self, hidden, numerator, denominator):
        """(least, most) of every variable, given what is shown (`numerator`, `denominator`: the
        published, rounded counts); the earlier snapshot's variables follow the new one's."""
        new = slice(0, self.new_variables)
        rows = self.row_of[new]
        value = np.where(self.is_numerator[new], numerator[rows], denominator[rows])
        # A remainder is never published: 0 or more, or its band.
        shown = (~hidden[rows] | self.band_total[new]) & ~self.is_remainder[new]
        low, high = _published_bounds(value, shown, self.banded[new], self.smallest)
        low = np.concatenate([low, self.earlier.low])
        high = np.concatenate([high, self.earlier.high])
        return self.parts.settle(low, high)

    def failures(self, hidden, numerator, denominator, shown=False):
        """[Failure] for every count of a hidden figure (with `shown`, of a shown one instead) that a
        reader could narrow to fewer than `width` values. A hidden share's denominator is its
        table's total, shown with the others: it is checked with the shown counts."""
        low, high = self.bounds(hidden, numerator, denominator)
        width = self.width - TOLERANCE
        checked = ~hidden if shown else hidden
        new = slice(0, self.new_variables)
        row_of, share_total = self.row_of[new], self.share_total[new]
        wanted = (checked[row_of] | share_total) if shown else (checked[row_of] & ~share_total)
        # A range with its least above its most is a reader's model the figures contradict (a count
        # that grew less than nothing: a resident's group changed): it narrows nothing.
        narrow = wanted & (high[new] - low[new] < width) & (high[new] > TOLERANCE) & ~_contradicted(low[new], high[new])
        # Nor does a share's remainder in a part that holds such a count: the remainders' lines along
        # the regions bound it through the contradicted counts, though its own range may look whole.
        wrong = _contradicted(low, high)
        if wrong.any():
            narrow &= ~(self.is_remainder[new] & np.isin(self.parts.part[new], self.parts.part[wrong]))
        found = [
            Failure(int(self.row_of[v]), self.variables[v][1], low[v], high[v], self._near(v, hidden))
            for v in np.flatnonzero(narrow)
        ]
        rows, n, d = self.proportions.T
        mine = checked[rows]
        rows, n, d = rows[mine], n[mine], d[mine]
        least, most = np.maximum(low[d] - high[n], 0.0), high[d] - low[n]
        contradicted = _contradicted(low[n], high[n]) | _contradicted(low[d], high[d])
        for i in np.flatnonzero((most - least < width) & (most > TOLERANCE) & ~contradicted).tolist():
            near = self._near(n[i], hidden) + self._near(d[i], hidden)
            found.append(Failure(int(rows[i]), "remainder", least[i], most[i], near))
        if not shown:
            found += self.earlier.failures(self, low, high, hidden)
        return found

    def banded_near(self, failure):
        """The banded rows in `failure`'s equations (its own too): what unbanding could open."""
        v = self.index.get((failure.row, failure.count))
        if failure.count == "remainder" and v is None:  # a proportion's remainder: its two counts
            found = [self.index.get((failure.row, NUMERATOR)), self.index.get((failure.row, DENOMINATOR))]
        else:
            found = [v]
        rows = set()
        for u in (u for u in found if u is not None):
            for e in self.through.indices[self.through.indptr[u] : self.through.indptr[u + 1]]:
                members = self.incidence.indices[self.incidence.indptr[e] : self.incidence.indptr[e + 1]]
                rows.update(int(self.row_of[w]) for w in members if self.banded[w])
            if self.banded[u]:
                rows.add(int(self.row_of[u]))
        return sorted(rows)

    def unband(self, rows):
        """Forget that `rows` are banded: a reader is told only that they are hidden."""
        self.banded &= ~np.isin(self.row_of, rows)
        self.band_total &= ~np.isin(self.row_of, rows)

    def _near(self, v, hidden):
        """The shown counts of the new snapshot in `v`'s equations (and `v`)."""
        near = self._neighbours(v)
        return tuple(
            self.variables[u] for u in sorted(near) if u < self.new_variables and not hidden[self.variables[u][0]]
        )

    def _neighbours(self, v):
        equations = self.through.indices[self.through.indptr[v] : self.through.indptr[v + 1]]
        near = {v}
        for e in equations:
            near.update(self.incidence.indices[self.incidence.indptr[e] : self.incidence.indptr[e + 1]].tolist())
        return near


def _published_bounds(value, shown, banded, smallest):
    """(least, most) a reader reads off published counts: a shown R is R - 4 to R + 4 and at least
    `smallest`, a shown 0 is 0, a hidden count 0 or more, a band 1 to `smallest` - 1."""
    low = np.where(shown & (value > 0), np.maximum(value - 4, smallest), 0.0)
    high = np.where(shown, np.where(value > 0, value + 4, 0.0), np.inf)
    return np.where(banded, 1.0, low), np.where(banded, smallest - 1.0, high)


NO_PAIRS = (np.zeros(0, dtype=int), np.zeros(0, dtype=int))


class _Parts:
    """The audit's counts fall apart into parts no equation joins (59 at 1,000 homes, the largest
    under a tenth of the counts). Between two audits the published counts change in a few parts
    (a count rounded the other way, a band withdrawn, a figure hidden): only those are worked out
    again, and the others keep what they settled to last time, which is what working out every part
    again would give."""

    def __init__(self, audit):
        size = len(audit.variables)
        before, after = audit.earlier.grows
        joined = audit.incidence.T @ audit.incidence
        if len(before):
            joined = joined + csr_array((np.ones(len(before)), (before, after)), shape=(size, size))
        _count, self.part = connected_components(joined, directed=False)
        self.rows, self.columns, self.k, self.constants = audit.rows, audit.columns, audit.k, audit.constants
        self.grows = audit.earlier.grows
        self.last = None  # (published least, most) -> (settled least, most)

    def settle(self, low, high):
        """(least, most) of every count after propagation, from the published (least, most)."""
        if self.last is None:
            settled_low, settled_high = low.copy(), high.copy()
            _propagate(self.rows, self.columns, self.k, self.constants, settled_low, settled_high, self.grows)
        else:
            (was_low, was_high), (settled_low, settled_high) = self.last
            moved = np.unique(self.part[(low != was_low) | (high != was_high)])
            settled_low, settled_high = settled_low.copy(), settled_high.copy()
            if len(moved):
                counts = np.flatnonzero(np.isin(self.part, moved))
                local = np.full(len(low), -1)
                local[counts] = np.arange(len(counts))
                entries = np.flatnonzero(local[self.columns] >= 0)
                numbers, equations = np.unique(self.rows[entries], return_inverse=True)
                before, after = self.grows
                pairs = local[before] >= 0
                part_low, part_high = low[counts], high[counts]
                _propagate(
                    equations.astype(int),
                    local[self.columns[entries]],
                    self.k[entries],
                    self.constants[numbers],
                    part_low,
                    part_high,
                    (local[before[pairs]], local[after[pairs]]),
                )
                settled_low[counts], settled_high[counts] = part_low, part_high
        self.last = ((low, high), (settled_low, settled_high))
        return settled_low.copy(), settled_high.copy()


def _propagate(rows, columns, k, constants, low, high, grows=NO_PAIRS, sweeps=50):
    """Interval propagation: what each equation allows each of its counts, given the others'
    bounds, all equations at once, until nothing moves. `grows`: (before, after) variables, each
    before[i] at most after[i].

    Bounds only ever narrow, so an equation none of whose counts moved in the last sweep would
    allow what it allowed before: each sweep works out only the equations with a count that moved
    (most settle in the first few sweeps), which gives the same bounds as working out every one.
    A count moved if it moved by more than TOLERANCE, so what one part of the equations settles to
    does not depend on how long the others take."""
    before, after = grows
    if not len(rows):
        return
    count = int(rows.max()) + 1
    active = np.ones(count, dtype=bool)
    for _ in range(sweeps):
        entries = np.flatnonzero(active[rows])
        r, c, kk = rows[entries], columns[entries], k[entries]
        rising = kk > 0
        least = np.where(rising, kk * low[c], kk * high[c])
        most = np.where(rising, kk * high[c], kk * low[c])
        rest_least = _others(r, least, count)
        rest_most = _others(r, most, count)
        constant = constants[r]
        with np.errstate(invalid="ignore"):
            one = (constant - rest_most) / kk
            two = (constant - rest_least) / kk
        one, two = np.nan_to_num(one, nan=-np.inf), np.nan_to_num(two, nan=np.inf)
        new_low, new_high = low.copy(), high.copy()
        np.maximum.at(new_low, c, np.minimum(one, two))
        np.minimum.at(new_high, c, np.maximum(one, two))
        if len(before):
            np.maximum.at(new_low, after, low[before])
            np.minimum.at(new_high, before, high[after])
        changed = _moved(low, new_low) | _moved(high, new_high)
        low[:], high[:] = new_low, new_high
        if not changed.any():
            return
        active = np.zeros(count, dtype=bool)
        active[rows[changed[columns]]] = True


def _others(rows, terms, count):
    """For each term, the sum of the other terms of its equation: infinite if any other is, and
    undefined (NaN) if others are infinite both ways (a reader's model the figures contradict)."""
    rising, falling = np.isposinf(terms), np.isneginf(terms)
    finite = np.where(rising | falling, 0.0, terms)
    total = np.bincount(rows, finite, minlength=count)[rows] - finite
    up = np.bincount(rows, rising, minlength=count)[rows] - rising > 0
    down = np.bincount(rows, falling, minlength=count)[rows] - falling > 0
    return np.where(up & down, np.nan, np.where(up, np.inf, np.where(down, -np.inf, total)))


def _moved(before, after):
    """Which bounds moved by more than TOLERANCE (or between finite and infinite)."""
    finite = np.isfinite(before) & np.isfinite(after)
    with np.errstate(invalid="ignore"):
        return np.where(finite, np.abs(after - before) > TOLERANCE, before != after)


KEYS = ("metric", "dimension", "group", "region")


class _Earlier:
    """The snapshots published before, as variables of the audit after the new snapshot's own: their
    bounds (fixed: what they showed), their lines (each constant taken as 0, as their true counts are
    not kept; a line whose constant is not 0 now is left out), and how much each count grew from one
    snapshot to the next (to the new one, for the newest), a count of 0 or more along the same
    lines. `grows` pairs each count with the same count in the next snapshot."""

    def __init__(self, audit, frame, equations, constants, earlier):
        self.low, self.high = np.zeros(0), np.zeros(0)
        self.grows = NO_PAIRS
        self.equations, self.partner, self.rows = [], {}, {}
        self.hidden_rows, self.proportions = set(), []  # (row, numerator, denominator) of hidden proportions
        if not earlier:
            return
        index = audit.index
        keys = list(zip(*(frame[c].tolist() for c in KEYS), strict=True))
        now = {key: row for row, key in enumerate(keys)}
        off = {}
        for terms in equations:
            if all(term in index for term in terms):
                constant = sum(k * audit.truth[index[term]] for term, k in terms.items())
                if abs(constant) > TOLERANCE:
                    off[_signature(terms, keys)] = constant
        lows, highs, before, after = [], [], [], []
        offset = len(frame)
        added = []  # (row, count, is numerator, share total)
        # Newest first: each is at most the one after it, the newest at most the new snapshot.
        following = {(keys[row], count): v for (row, count), v in index.items()}
        for published, published_lines in reversed(earlier):
            published = published.reset_index(drop=True)
            unit = published["unit"].astype(str).to_numpy()
            their_keys = list(zip(*(published[c].tolist() for c in KEYS), strict=True))
            value = {
                NUMERATOR: published["numerator"].to_numpy(dtype=float, na_value=np.nan),
                DENOMINATOR: published["denominator"].to_numpy(dtype=float, na_value=np.nan),
            }
            hidden = published["suppressed"].fillna(False).to_numpy(dtype=bool)
            band = published["band"].fillna(bands.NONE).to_numpy(dtype=object)
            shown_values = np.concatenate([v[~hidden & (v > 0)] for v in value.values()])
            exact = bool(np.any(np.mod(shown_values, 5) != 0))  # published before rounding
            local = {}
            counted = []  # (row, count) of this snapshot's counts, in their order
            for row, (its_unit, its_band) in enumerate(zip(unit.tolist(), band.tolist(), strict=True)):
                counts = list(ADDING.get(its_unit, (NUMERATOR, DENOMINATOR)))
                if its_unit == "share":
                    counts.append(DENOMINATOR)
                if its_band == bands.ALL_BUT:
                    counts.append(REMAINDER)
                for count in dict.fromkeys(counts):
                    local[(row, count)] = len(index)
                    index[(offset + row, count)] = len(index)
                    added.append(
                        (offset + row, count, count == NUMERATOR, its_unit == "share" and count == DENOMINATOR)
                    )
                    counted.append((row, count))
                partner = now.get(their_keys[row])
                if partner is not None:
                    self.rows[offset + row] = partner
                    for count in (NUMERATOR, DENOMINATOR):
                        if (row, count) in local and (partner, count) in index:
                            self.partner[local[(row, count)]] = index[(partner, count)]
                for count in (NUMERATOR, DENOMINATOR):
                    if (row, count) in local and (their_keys[row], count) in following:
                        before.append(local[(row, count)])
                        after.append(following[(their_keys[row], count)])
            low, high = _their_bounds(counted, value, hidden, band, exact, audit.smallest)
            lows += low.tolist()
            highs += high.tolist()
            remainders = [row for row in range(len(published)) if (row, REMAINDER) in local]
            theirs = _equations(published, published_lines, unit, band, remainders)
            # How much each count grew is a count too (0 or more), and the lines hold for the
            # growth: the two snapshots' lines subtracted, which propagation alone would not do.
            change = {}
            for (row, count), v in local.items():
                later = following.get((their_keys[row], count))
                if later is not None and count != REMAINDER:
                    change[(row, count)] = len(index)
                    index[("change", offset + row, count)] = len(index)
                    added.append((-1, "change", False, False))
                    lows.append(0.0)
                    highs.append(np.inf)
                    self.equations.append(([(later, 1.0), (v, -1.0), (change[(row, count)], -1.0)], 0.0))
            for terms in theirs:
                if any(term not in local for term in terms) or _signature(terms, their_keys) in off:
                    continue
                self.equations.append(([(local[term], k) for term, k in terms.items()], 0.0))
                if all(term in change for term in terms):
                    self.equations.append(([(change[term], k) for term, k in terms.items()], 0.0))
            self.hidden_rows |= {offset + int(r) for r in np.flatnonzero(hidden)}
            self.proportions += [
                (offset + int(r), local[(r, NUMERATOR)], local[(r, DENOMINATOR)])
                for r in np.flatnonzero(hidden & (unit == "proportion"))
                if (r, NUMERATOR) in local and (r, DENOMINATOR) in local
            ]
            offset += len(published)
            following = {(their_keys[row], count): v for (row, count), v in local.items()}
        audit.variables += [(row, count) for row, count, _n, _s in added]
        audit.truth = np.concatenate([audit.truth, np.full(len(added), np.nan)])
        audit.row_of = np.concatenate([audit.row_of, np.array([row for row, *_ in added], dtype=int)])
        audit.is_numerator = np.concatenate([audit.is_numerator, np.array([n for _r, _c, n, _s in added], dtype=bool)])
        audit.share_total = np.concatenate([audit.share_total, np.array([s for *_rest, s in added], dtype=bool)])
        audit.banded = np.concatenate([audit.banded, np.zeros(len(added), dtype=bool)])
        audit.band_total = np.concatenate([audit.band_total, np.zeros(len(added), dtype=bool)])
        self.low, self.high = np.array(lows, dtype=float), np.array(highs, dtype=float)
        # The pairs say what the growth counts say where the figures agree with growth; where a count
        # shrank they make propagation settle apart from them (measured: without the pairs the shrink
        # test hides a figure), so both are kept.
        self.grows = (np.array(before, dtype=int), np.array(after, dtype=int))

    def solve_alone(self, audit):
        """Which of the earlier counts the earlier snapshots narrowed on their own (not the new
        one's doing): those are not the new one's failures. `watched`: the earlier hidden counts
        (not a share's total) of a figure there is now, that the earlier snapshots left open."""
        if not len(self.low):
            return
        low = np.concatenate([np.zeros(audit.new_variables), self.low])
        high = np.concatenate([np.full(audit.new_variables, np.inf), self.high])
        _propagate(audit.rows, audit.columns, audit.k, audit.constants, low, high)
        width = audit.width - TOLERANCE
        start = audit.new_variables
        rows = audit.row_of[start:]
        kept = np.array([row in self.hidden_rows and row in self.rows for row in rows.tolist()], dtype=bool)
        open_alone = ~(high[start:] - low[start:] < width)
        self.watched = start + np.flatnonzero(kept & ~audit.share_total[start:] & open_alone)
        proportions = np.array([(n, d) for row, n, d in self.proportions if row in self.rows], dtype=int).reshape(-1, 2)
        if len(proportions):
            n, d = proportions[:, 0], proportions[:, 1]
            alone = high[d] - low[n] - np.maximum(low[d] - high[n], 0.0)
            proportions = proportions[~(alone < width)]
        self.watched_proportions = proportions

    def failures(self, audit, low, high, hidden):
        """[Failure] for the earlier snapshots' hidden counts that the new one narrows."""
        if not len(self.low):
            return []
        width = audit.width - TOLERANCE
        v = self.watched
        narrow = (high[v] - low[v] < width) & (high[v] > TOLERANCE) & ~_contradicted(low[v], high[v])
        found = []
        for u in v[narrow].tolist():
            row, count = audit.variables[u]
            found.append(self._failure(audit, u, row, count, low[u], high[u], hidden))
        n, d = self.watched_proportions[:, 0], self.watched_proportions[:, 1]
        least, most = np.maximum(low[d] - high[n], 0.0), high[d] - low[n]
        contradicted = _contradicted(low[n], high[n]) | _contradicted(low[d], high[d])
        narrow = (most - least < width) & (most > TOLERANCE) & ~contradicted
        for i in np.flatnonzero(narrow).tolist():
            row = audit.row_of[n[i]]
            found.append(
                self._failure(audit, int(n[i]), int(row), REMAINDER, least[i], most[i], hidden, also=int(d[i]))
            )
        return found

    def _failure(self, audit, v, row, count, low, high, hidden, also=None):
        """The earlier count `v` narrowed: its figure now, and the new snapshot's shown counts that
        bound it (those of the counts now of every count in its equations)."""
        near = set()
        for u in audit._neighbours(v) | (audit._neighbours(also) if also is not None else set()):
            if u in self.partner:
                near |= audit._neighbours(self.partner[u])
        shown = tuple(
            audit.variables[u] for u in sorted(near) if u < audit.new_variables and not hidden[audit.variables[u][0]]
        )
        return Failure(self.rows[row], count, low, high, shown, before=True)


def _their_bounds(counted, value, hidden, band, exact, smallest):
    """(least, most) of an earlier snapshot's counts (`counted`: (row, count)), from what it
    published: a banded remainder is 1 to `smallest` - 1, a snapshot published before rounding
    (`exact`) showed its counts exactly."""
    if not counted:
        return np.zeros(0), np.zeros(0)
    rows = np.array([row for row, _count in counted], dtype=int)
    kind = np.array([count for _row, count in counted], dtype=object)
    seen = np.where(kind == DENOMINATOR, value[DENOMINATOR][rows], value[NUMERATOR][rows])
    shown = (~hidden[rows] | ((band[rows] != bands.NONE) & (kind == DENOMINATOR))) & ~np.isnan(seen)
    seen = np.nan_to_num(seen, nan=0.0)
    low, high = _published_bounds(seen, shown, (band[rows] == bands.FEWER) & (kind == NUMERATOR), smallest)
    if exact:
        low, high = np.where(shown, seen, low), np.where(shown, seen, high)
    remainder = kind == REMAINDER
    return np.where(remainder, 1.0, low), np.where(remainder, smallest - 1.0, high)


def _equations(frame, published, unit, band, remainders):
    """[{(row, count): coefficient}] of one snapshot: every line of `published` (its Lines) for the
    counts its unit adds up, the share tables, banded remainders' complements, and each of
    `remainders` (rows with a remainder of their own) as its denominator less its numerator."""
    equations = []
    for kind, members, total in published.lines:
        if kind == TOGETHER:  # one denominator: the same people
            equations.append({(members[0], DENOMINATOR): 1.0, (total, DENOMINATOR): -1.0})
            continue
        for count in ADDING.get(unit[total], (NUMERATOR, DENOMINATOR)):
            equations.append({**{(m, count): 1.0 for m in members}, (total, count): -1.0})
    equations += Audit._share_equations(frame, unit)
    equations += _complements(frame, unit, band)
    equations += [{(row, NUMERATOR): 1.0, (row, REMAINDER): 1.0, (row, DENOMINATOR): -1.0} for row in remainders]
    equations += _remainder_lines(frame, unit, remainders)
    return equations


def _groups_of_shares(frame, unit):
    """{(metric, dimension, group): {region: row}} of every group's share rows (not everyone's)."""
    found = defaultdict(dict)
    columns = zip(*(frame[c].tolist() for c in KEYS), strict=True)
    for row, (metric, dimension, group, region) in enumerate(columns):
        if unit[row] == "share" and group != ALL:
            found[(metric, dimension, group)][region] = row
    return found


def _with_remainders(frame, unit, band):
    """Rows whose remainder is a count of the audit's: a share banded "all but 1 to 7", and the
    rows of its group in every region."""
    banded = set(np.flatnonzero(band == bands.ALL_BUT).tolist())
    if not banded:
        return []
    found = []
    for rows in _groups_of_shares(frame, unit).values():
        if banded.intersection(rows.values()):
            found += rows.values()
    return sorted(found)


def _remainder_lines(frame, unit, remainders):
    """A group's remainders add up along the regions, as its counts and the regions' totals do:
    with a landlord-wide "all but 1 to 7" and a region's, a reader knows the others' remainders are
    at most what is left, which propagation does not work out from the two lines apart."""
    if not remainders:
        return []
    mine = set(remainders)
    equations = []
    for rows in _groups_of_shares(frame, unit).values():
        everywhere = rows.get(ALL)
        regions = [row for region, row in rows.items() if region != ALL]
        if everywhere in mine and regions and mine.issuperset(regions):
            equations.append({**{(row, REMAINDER): 1.0 for row in regions}, (everywhere, REMAINDER): -1.0})
    return equations


def _contradicted(low, high):
    return low > high + TOLERANCE


def _complements(frame, unit, band):
    """A banded remainder ("all but 1 to 7") is also the other groups of its table added up: said as
    an equation of its own, because propagation does not subtract one line from another."""
    tables = defaultdict(list)  # (metric, dimension, region) -> rows of groups
    columns = zip(*(frame[c].tolist() for c in KEYS), strict=True)
    for row, (metric, dimension, group, region) in enumerate(columns):
        if unit[row] == "share" and group != ALL:
            tables[(metric, dimension, region)].append(row)
    equations = []
    for rows in tables.values():
        for row in rows:
            if band[row] == bands.ALL_BUT:
                equations.append(
                    {(row, REMAINDER): 1.0, **{(other, NUMERATOR): -1.0 for other in rows if other != row}}
                )
    return equations


def _signature(terms, keys):
    """A line by what it adds up (labels, not row numbers), so one snapshot's line finds another's."""
    return frozenset((keys[row], count, k) for (row, count), k in terms.items())
