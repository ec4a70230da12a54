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
  a region, and each dimension's groups add up to it.

Each line is an equation over those counts, each count bounded as above. Interval propagation (each
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
    `near`: (row, count) of the shown counts in its equations, whose rounding could open it."""

    row: int
    count: str
    low: float
    high: float
    near: tuple


class Audit:
    """The equations of one frame of figures (true counts give each line's constant)."""

    def __init__(self, frame, published, width=5, smallest=8, band=None):
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
        for row in np.flatnonzero(band == bands.ALL_BUT):  # a banded remainder is a count of its own
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
        share = unit[self.row_of] == "share" if len(self.row_of) else np.zeros(0, dtype=bool)
        self.share_total = share & np.array([count == DENOMINATOR for _row, count in self.variables], dtype=bool)
        equations = []
        for kind, members, total in published.lines:
            if kind == TOGETHER:  # one denominator: the same people
                equations.append({(members[0], DENOMINATOR): 1.0, (total, DENOMINATOR): -1.0})
                continue
            for count in ADDING.get(unit[total], (NUMERATOR, DENOMINATOR)):
                equations.append({**{(m, count): 1.0 for m in members}, (total, count): -1.0})
        equations += self._share_equations(frame, unit)
        equations += [
            {(row, NUMERATOR): 1.0, (row, REMAINDER): 1.0, (row, DENOMINATOR): -1.0}
            for row, count in self.variables
            if count == REMAINDER
        ]
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
        self.rows, self.columns = np.array(rows, dtype=int), np.array(columns, dtype=int)
        self.k, self.constants = np.array(coefficients, dtype=float), np.array(constants, dtype=float)
        self.incidence = csr_array(
            (np.ones(len(rows)), (self.rows, self.columns)), shape=(len(constants), len(self.variables))
        )
        self.through = self.incidence.T.tocsr()

    @staticmethod
    def _share_equations(frame, unit):
        shares = defaultdict(lambda: defaultdict(list))  # (metric, region) -> dimension -> rows
        everyone = defaultdict(list)
        columns = zip(frame["metric"], frame["dimension"], frame["group"], frame["region"], strict=True)
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
        published, rounded counts)."""
        rows = self.row_of
        value = np.where(self.is_numerator, numerator[rows], denominator[rows])
        shown = ~hidden[rows] | self.band_total
        low = np.where(shown & (value > 0), np.maximum(value - 4, self.smallest), 0.0)
        high = np.where(shown, np.where(value > 0, value + 4, 0.0), np.inf)
        low = np.where(self.banded, 1.0, low)  # a band: 1 to smallest - 1
        high = np.where(self.banded, self.smallest - 1.0, high)
        _propagate(self.rows, self.columns, self.k, self.constants, low, high)
        return low, high

    def failures(self, hidden, numerator, denominator, shown=False):
        """[Failure] for every count of a hidden figure (with `shown`, of a shown one instead) that a
        reader could narrow to fewer than `width` values. A hidden share's denominator is its
        table's total, shown with the others: it is checked with the shown counts."""
        low, high = self.bounds(hidden, numerator, denominator)
        width = self.width - TOLERANCE
        checked = ~hidden if shown else hidden
        wanted = (checked[self.row_of] | self.share_total) if shown else (checked[self.row_of] & ~self.share_total)
        narrow = wanted & (high - low < width) & (high > TOLERANCE)
        found = [
            Failure(int(self.row_of[v]), self.variables[v][1], low[v], high[v], self._near(v, hidden))
            for v in np.flatnonzero(narrow)
        ]
        for row in np.flatnonzero((self.unit == "proportion") & checked):
            n, d = self.index.get((row, NUMERATOR)), self.index.get((row, DENOMINATOR))
            if n is None or d is None:
                continue
            least, most = max(low[d] - high[n], 0.0), high[d] - low[n]
            if most - least < width and most > TOLERANCE:
                found.append(Failure(row, "remainder", least, most, self._near(n, hidden) + self._near(d, hidden)))
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
        equations = self.through.indices[self.through.indptr[v] : self.through.indptr[v + 1]]
        near = {v}
        for e in equations:
            near.update(self.incidence.indices[self.incidence.indptr[e] : self.incidence.indptr[e + 1]].tolist())
        return tuple(self.variables[u] for u in sorted(near) if not hidden[self.variables[u][0]])


def _propagate(rows, columns, k, constants, low, high, sweeps=50):
    """Interval propagation: what each equation allows each of its counts, given the others'
    bounds, all equations at once, until nothing moves."""
    if not len(rows):
        return
    constant = constants[rows]
    count = int(rows.max()) + 1
    rising = k > 0
    for _ in range(sweeps):
        least = np.where(rising, k * low[columns], k * high[columns])
        most = np.where(rising, k * high[columns], k * low[columns])
        rest_least = _others(rows, least, count)
        rest_most = _others(rows, most, count)
        with np.errstate(invalid="ignore"):
            one = (constant - rest_most) / k
            two = (constant - rest_least) / k
        one, two = np.nan_to_num(one, nan=-np.inf), np.nan_to_num(two, nan=np.inf)
        new_low, new_high = low.copy(), high.copy()
        np.maximum.at(new_low, columns, np.minimum(one, two))
        np.minimum.at(new_high, columns, np.maximum(one, two))
        moved = np.abs(new_low - low).max(initial=0) > TOLERANCE
        finite = np.isfinite(high) & np.isfinite(new_high)
        moved |= bool((np.isfinite(new_high) != np.isfinite(high)).any())
        moved |= bool(np.abs(new_high[finite] - high[finite]).max(initial=0) > TOLERANCE)
        low[:], high[:] = new_low, new_high
        if not moved:
            return


def _others(rows, terms, count):
    """For each term, the sum of the other terms of its equation (infinite if any other is)."""
    infinite = np.isinf(terms)
    finite = np.where(infinite, 0.0, terms)
    total = np.bincount(rows, finite, minlength=count)[rows] - finite
    sign = np.sign(terms[infinite][0]) if infinite.any() else 1.0  # all infinities of a sum share a sign
    others = np.bincount(rows, infinite, minlength=count)[rows] - infinite
    return np.where(others > 0, sign * np.inf, total)
