"""The attacker's audit: after suppression, work out what a careful reader could of every hidden
figure from the figures shown, and report the counts given away.

A reader knows the published relations (lines.py: every line of every table, every dimension's
everyone row equal to every other's, the `made_of` lines and a page's own links), the shown
figures, and that every count is 0 or more. For each metric and each kind of count that adds up
along those lines, they are equations over the hidden counts once the shown ones are put in:

- numerators, and remainders (denominator - numerator), of proportions: the two add up apart, and
  a denominator's range is the sum of its numerator's and remainder's, so it is never narrower
  than either and needs no check of its own;
- numerators and denominators of rates per 1,000 (complaints may outnumber households, so there
  is no remainder);
- denominators of medians (no numerator);
- counts of plain counts (unit "count");
- numerators of shares: a share's denominator is its table's total, the same in every dimension
  of a region, so a reader who sees any figure of the region knows it, and the groups of each
  dimension add up to it (an equation of its own: shares have no everyone row).

A line the figures do not satisfy exactly (the representation review's all-regions column also
counts unnamed participants) is kept, as if the reader knew by how much it is off.

A hidden count fails when the equations fix it (a count alone in an equation; otherwise its row
of the null space of the component's equations is zero) or when its range, from the least to the
most it could be (linear programming, HiGHS), is narrower than `max_small + 1`. Counts are only
linked through equations, so each connected component is solved alone (most have two to ten
counts); interval propagation first gives outer bounds (a range narrower than the threshold there
is a certain failure), and linear programs run only for what is left.
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from inequities.disclosure.lines import TOGETHER
from inequities.metrics import ALL

NUMERATOR, REMAINDER, DENOMINATOR = "numerator", "remainder", "denominator"
TOLERANCE = 1e-6


@dataclass(frozen=True)
class Failure:
    """A hidden count a reader could work out: `row`'s `count` lies between `low` and `high`.
    `shown`: rows of shown figures in its equations (if none, in its component's): hiding one
    widens what a reader can work out."""

    row: int
    count: str
    low: float
    high: float
    shown: tuple


def counts(frame):
    """{count: each row's count of that kind, NaN where it has none that adds up along the lines}."""
    unit = frame["unit"].astype(str).to_numpy() if "unit" in frame else np.full(len(frame), "")
    numerator = frame["numerator"].to_numpy(dtype=float, na_value=np.nan)
    denominator = frame["denominator"].to_numpy(dtype=float, na_value=np.nan)
    per_event = unit == "per_1000"
    plain = np.isin(unit, ["count", "share"]) | per_event
    return {
        NUMERATOR: numerator,
        REMAINDER: np.where(plain, np.nan, denominator - numerator),
        DENOMINATOR: np.where(per_event | np.isnan(numerator) & ~plain, denominator, np.nan),
    }


class Audit:
    """The equations of one frame of figures, to be solved for any set of hidden rows."""

    def __init__(self, frame, published, max_small, min_denominator=0):
        self.width = max_small + 1
        self.values = counts(frame)
        self.denominator = frame["denominator"].to_numpy(dtype=float, na_value=np.nan)
        # A count worked out to be 0 is what the primary rule would show (nobody is pointed to),
        # unless its figure counts too few people to show at all (none of 3 said yes is about each).
        self.zero_is_shown = ~(self.denominator < min_denominator)
        metric = frame["metric"].to_numpy()
        self.rows = defaultdict(list)  # metric -> rows
        for row, name in enumerate(metric):
            self.rows[name].append(row)
        self.lines = defaultdict(list)  # metric -> [(members, total)]
        for kind, members, total in published.lines:
            if kind != TOGETHER:  # hidden together, not an equation: their numerators differ
                self.lines[metric[total]].append((members, total))
        # Shares: metric -> {region: {dimension: group rows}} and the everyone rows beside them.
        self.shares = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
        self.share_everyone = defaultdict(list)
        if "unit" in frame:
            share = frame["unit"].eq("share").to_numpy()
            columns = zip(metric, frame["dimension"], frame["group"], frame["region"], strict=True)
            for row, (name, dimension, group, region) in enumerate(columns):
                if share[row] and group == ALL:
                    self.share_everyone[(name, region)].append(row)
                elif share[row]:
                    self.shares[name][region][dimension].append(row)
        # Hiding more only takes shown counts out of equations: every point that fitted before
        # fits still (the newly hidden at their true counts), so a count that passed passes again.
        self.passed = set()  # (row, count)
        self.solved = 0  # linear programs solved, for the measurements in docs/inequities.md

    def failures(self, hidden, metrics=None):
        """[Failure] for every hidden count of `metrics` (default all) that a reader could work out."""
        found = []
        for name in self.rows if metrics is None else metrics:
            for count, values in self.values.items():
                found += self._metric(name, count, values, hidden)
        return found

    def _metric(self, name, count, values, hidden):
        rows = [r for r in self.rows[name] if hidden[r] and not np.isnan(values[r])]
        if not rows:
            return []
        real = len(rows)  # more variables may follow: share totals no figure shows
        ids = {row: i for i, row in enumerate(rows)}
        truth = [values[row] for row in rows]
        equations = []  # (terms {variable: coefficient}, constant, shown rows)
        for members, total in self.lines[name]:
            terms = [(m, 1.0) for m in members] + [(total, -1.0)]
            self._equation(equations, terms, values, hidden, ids, truth)
        if count == NUMERATOR and name in self.shares:
            for region, tables in self.shares[name].items():
                total = self._share_total(name, region, hidden, ids, truth)
                for members in tables.values():
                    self._equation(equations, [(m, 1.0) for m in members], values, hidden, ids, truth, total)
                for row in self.share_everyone[(name, region)]:
                    self._equation(equations, [(row, 1.0)], values, hidden, ids, truth, total)
        checked = np.array([i < real and (rows[i], count) not in self.passed for i in range(len(truth))])
        failures = [
            Failure(rows[v], count, low, high, shown)
            for v, low, high, shown in _solve(equations, np.array(truth, dtype=float), checked, self)
        ]
        failures = [f for f in failures if not (f.high < TOLERANCE and self.zero_is_shown[f.row])]
        failed = {failure.row for failure in failures}
        self.passed.update((row, count) for i, row in enumerate(rows) if checked[i] and row not in failed)
        return failures

    def _share_total(self, name, region, hidden, ids, truth):
        """The variable of the total a share table adds up to, or None where a shown figure's
        denominator gives it."""
        members = [r for table in self.shares[name][region].values() for r in table]
        members += self.share_everyone[(name, region)]
        if any(not hidden[r] for r in members):
            return None
        key = ("total", name, region)
        if key not in ids:
            ids[key] = len(truth)
            truth.append(self.denominator[members[0]])
        return ids[key]

    @staticmethod
    def _equation(equations, terms, values, hidden, ids, truth, total=None):
        """Add sum(k * count) = total over `terms` [(row, k)], in the hidden counts (the shown ones
        put in). Its constant is what the hidden counts really come to: the same as the shown
        figures give where they satisfy the line, and where they do not (the representation
        review's all-regions column also counts unnamed participants) as if the reader knew by
        how much it is off, which can only hide more."""
        coefficients, shown = defaultdict(float), []
        for row, k in terms:
            if np.isnan(values[row]):
                return
            if hidden[row]:
                coefficients[ids[row]] += k
            else:
                shown.append(row)
        if total is not None:
            coefficients[total] -= 1.0
        coefficients = {v: k for v, k in coefficients.items() if k}
        if coefficients:
            constant = sum(k * truth[v] for v, k in coefficients.items())
            equations.append((coefficients, constant, tuple(shown)))


def _solve(equations, truth, checked, audit):
    """(variable, least, most, shown rows) for every `checked` variable that fails, one connected
    component at a time (a component with nothing to check is not solved)."""
    parent = list(range(len(truth)))

    def root(v):
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for terms, _constant, _shown in equations:
        first, *others = terms
        for v in others:
            parent[root(v)] = root(first)
    components = defaultdict(list)
    for equation in equations:
        components[root(next(iter(equation[0])))].append(equation)
    for root_variable in sorted(components):
        component = components[root_variable]
        if any(checked[v] for terms, _c, _s in component for v in terms):
            yield from _component(component, truth, checked, audit)


def _component(equations, truth, checked, audit):
    variables = sorted({v for terms, _c, _s in equations for v in terms})
    local = {v: i for i, v in enumerate(variables)}
    size = len(variables)
    width = audit.width - TOLERANCE
    low, high = np.zeros(size), np.full(size, np.inf)
    shown = [set() for _ in variables]
    failed = {}
    for terms, constant, rows in equations:
        for v in terms:
            shown[local[v]].update(rows)
        if len(terms) == 1:  # a count alone in an equation: fixed
            ((v, k),) = terms.items()
            failed[local[v]] = (constant / k, constant / k)
    _propagate(equations, local, low, high)
    for i, v in enumerate(variables):
        if checked[v] and i not in failed and high[i] - low[i] < width:
            failed[i] = (low[i], high[i])  # even the outer bounds are too close
    rest = [i for i, v in enumerate(variables) if checked[v] and i not in failed]
    if rest and all(abs(constant) < TOLERANCE for _t, constant, _r in equations):
        # Nothing shown in these equations: the true counts times any factor fit them too, so a
        # count above 0 can be anything from 0 up; one at 0 is left at 0 only if no point lifts it.
        # One program finds, within counts of at most 1, a point lifting as many of those at 0 as
        # it can: each it lifts passes, and what none lifts is 0 at every point.
        zeros = [i for i in rest if truth[variables[i]] <= TOLERANCE]
        program = _Program(equations, local, size, audit, upper=1.0)
        while zeros:
            program.extreme(zeros, 1.0)
            lifted = [i for i in zeros if program.point[i] > TOLERANCE]
            if not lifted:
                failed.update((i, (0.0, 0.0)) for i in zeros)
                break
            zeros = [i for i in zeros if i not in set(lifted)]
    elif rest:
        # Every feasible point found widens what each count is known to reach: the true counts
        # first, then every solution of a linear program. A count seen to move by the threshold passes.
        values = truth[variables]
        least, most = values.copy(), values.copy()
        program = _Program(equations, local, size, audit)
        for i in rest:
            if most[i] - least[i] >= width:
                continue
            top = program.extreme(i, 1.0)
            np.minimum(least, program.point, out=least)
            np.maximum(most, program.point, out=most)
            if most[i] - least[i] >= width:
                continue
            if top - low[i] < width:
                failed[i] = (low[i], top)
                continue
            bottom = program.extreme(i, -1.0)
            np.minimum(least, program.point, out=least)
            np.maximum(most, program.point, out=most)
            if top - bottom < width:
                failed[i] = (bottom, top)
    everywhere = set().union(*shown)  # for a count whose own equations show nothing
    for i in sorted(failed):
        if checked[variables[i]]:
            yield variables[i], *failed[i], tuple(sorted(shown[i] or everywhere))


class _Program:
    """The component's equations and counts >= 0 as one HiGHS model, built once and solved again
    for each objective (from the last basis, so most solves take a few iterations)."""

    def __init__(self, equations, local, size, audit, upper=None):
        self.size, self.audit, self.highs, self.upper = size, audit, None, upper
        self.equations, self.local = equations, local
        self.point = np.zeros(size)

    def _build(self):
        import highspy

        self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("presolve", "off")
        self.highs.setOptionValue("simplex_strategy", 4)  # primal: a new objective keeps the basis feasible
        starts, indices, coefficients = [], [], []
        columns = defaultdict(list)
        for e, (terms, _constant, _rows) in enumerate(self.equations):
            for v, k in terms.items():
                columns[self.local[v]].append((e, k))
        for i in range(self.size):
            starts.append(len(indices))
            for e, k in columns[i]:
                indices.append(e)
                coefficients.append(k)
        starts.append(len(indices))
        constants = np.array([constant for _t, constant, _r in self.equations])
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = self.size, len(self.equations)
        lp.col_cost_ = np.zeros(self.size)
        lp.col_lower_ = np.zeros(self.size)
        lp.col_upper_ = np.full(self.size, highspy.kHighsInf if self.upper is None else self.upper)
        lp.row_lower_ = lp.row_upper_ = constants
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(indices, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(coefficients)
        lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = self.size, len(self.equations)
        self.highs.passModel(lp)
        self.columns = np.arange(self.size, dtype=np.int32)
        self.infinity = highspy.kHighsInf
        self.status = highspy.HighsModelStatus

    def extreme(self, i, sense):
        """The most (sense 1) or least (-1) count i (or sum of counts i) can be (infinite if there
        is no most); the solution is left in self.point."""
        if self.highs is None:
            self._build()
        cost = np.zeros(self.size)
        cost[i] = -sense
        self.highs.changeColsCost(self.size, self.columns, cost)
        self.highs.run()
        self.audit.solved += 1
        status = self.highs.getModelStatus()
        if status == self.status.kOptimal:
            self.point = np.array(self.highs.getSolution().col_value)
            return self.point[i].sum()
        if status in (self.status.kUnbounded, self.status.kUnboundedOrInfeasible):
            return np.inf * sense
        raise RuntimeError(f"Disclosure audit: {self.highs.modelStatusToString(status)} (the true counts are feasible)")


def _propagate(equations, local, low, high, sweeps=20):
    """Outer bounds of every count by interval propagation: what each equation allows a count
    given the others' bounds, all equations at once, a number of times over."""
    rows, columns, coefficients = [], [], []
    for e, (terms, _constant, _shown) in enumerate(equations):
        for v, k in terms.items():
            rows.append(e)
            columns.append(local[v])
            coefficients.append(k)
    rows, columns, k = np.array(rows), np.array(columns), np.array(coefficients)
    constants = np.array([constant for _t, constant, _s in equations])[rows]
    count, rising = len(equations), k > 0
    for _ in range(sweeps):
        least = np.where(rising, k * low[columns], k * high[columns])  # of k * x, each term
        most = np.where(rising, k * high[columns], k * low[columns])
        rest_least = _others(rows, least, count)
        rest_most = _others(rows, most, count)
        # k * x = constant - the rest
        bounds = np.sort(np.stack([(constants - rest_most) / k, (constants - rest_least) / k]), axis=0)
        new_low, new_high = low.copy(), high.copy()
        np.maximum.at(new_low, columns, bounds[0])
        np.minimum.at(new_high, columns, bounds[1])
        if np.allclose(new_low, low, atol=TOLERANCE, rtol=0) and np.array_equal(np.isinf(new_high), np.isinf(high)):
            if np.allclose(new_high[np.isfinite(high)], high[np.isfinite(high)], atol=TOLERANCE, rtol=0):
                return
        low[:], high[:] = new_low, new_high


def _others(rows, terms, count):
    """For each term, the sum of the other terms of its equation (infinite if any other is)."""
    infinite = np.isinf(terms)
    finite = np.where(infinite, 0.0, terms)
    total = np.bincount(rows, finite, minlength=count)[rows] - finite
    sign = np.sign(terms[infinite][0]) if infinite.any() else 1.0  # all infinities of a sum share a sign
    others = np.bincount(rows, infinite, minlength=count)[rows] - infinite
    return np.where(others > 0, sign * np.inf, total)
