"""An attacker written apart from the product: which hidden figures the published ones give away.

It knows what a reader of the figures knows: in each metric, a dimension's groups add up to its
everyone row, the regions add up to all regions, every dimension's everyone row counts the same
people, and a deprivation fifth is two tenths. One exception, as the figures' notes say: people
who took part at an activity for every region count in all regions only, so a reader knows the
regions of `representation_participants` add up to no more than all regions, not to them (their
region lines are no equation). A hidden count is given away when those equations
fix it, that is when it has no freedom in the null space of the equations over the hidden counts;
and narrowed (narrowed()) when the least and the most it could be are fewer than five apart.
"""

from collections import defaultdict

import highspy
import numpy as np
from scipy.linalg import null_space
from scipy.sparse import csr_array
from scipy.sparse.csgraph import connected_components

ALL = "all"
ALL_REGIONS_ONLY = {"representation_participants"}  # regions may add up to less than all regions
FIFTHS = {**{str(q): (str(2 * q - 1), str(2 * q)) for q in range(1, 6)}, "not_recorded": ("not_recorded",)}


def given_away(figures, sums=()):
    """[(metric, dimension, group, region)] of hidden rows whose counts the shown rows fix.

    `figures`: dicts (or CSV rows) with metric, dimension, group, region and suppressed. Numerators
    and denominators obey the same equations, so one solve answers for both. `sums`: more that a
    page lets a reader add up, as (metric, total key, [member keys]) with keys (dimension, group,
    region) of figures.
    """
    found = []
    by_metric = defaultdict(dict)
    for f in figures:
        by_metric[f["metric"]][(f["dimension"], f["group"], f["region"])] = f["suppressed"] in (True, "true")
    more = defaultdict(list)
    for metric, total, members in sums:
        more[metric].append({**{m: 1 for m in members}, total: -1})
    for metric, cells in by_metric.items():
        found += [(metric, *key) for key in _fixed(cells, more[metric], metric)]
    return found


def _equations(cells, metric=""):
    lines = defaultdict(list)
    for dimension, group, region in cells:
        if group != ALL:
            lines[("g", dimension, region)].append((dimension, group, region))
        if region != ALL and metric not in ALL_REGIONS_ONLY:
            lines[("r", dimension, group)].append((dimension, group, region))
    for (kind, dimension, other), members in lines.items():
        total = (dimension, ALL, other) if kind == "g" else (dimension, other, ALL)
        if total in cells:
            yield {**{m: 1 for m in members}, total: -1}
    regions = {r for _d, _g, r in cells}
    for region in regions:
        everyone = sorted(key for key in cells if key[1] == ALL and key[2] == region)
        for first, other in zip(everyone, everyone[1:], strict=False):
            yield {first: 1, other: -1}
        for fifth, tenths in FIFTHS.items():
            whole = ("imd_quintile", fifth, region)
            if whole in cells:
                terms = {("imd_decile", t, region): 1 for t in tenths if ("imd_decile", t, region) in cells}
                yield {**terms, whole: -1}


def _fixed(cells, more=(), metric=""):
    hidden = sorted(key for key, suppressed in cells.items() if suppressed)
    if not hidden:
        return []
    order = {key: i for i, key in enumerate(hidden)}
    rows = []
    for terms in [*_equations(cells, metric), *more]:
        row = np.zeros(len(hidden))
        for key, k in terms.items():
            if key in order:
                row[order[key]] = k
        if row.any():
            rows.append(row)
    if not rows:
        return []  # nothing hidden is in any equation: nothing can be worked out
    free = null_space(np.array(rows))
    return [key for key in hidden if np.abs(free[order[key]]).max(initial=0) < 1e-9]


# What each unit's figures add up in: a proportion's numerators and remainders (denominator less
# numerator) add up along every line; a rate per 1,000's numerators and denominators; a median's
# denominators; a plain count's counts; a share's numerators, its denominator being its table's total.
COUNTS = {
    "proportion": ("numerator", "remainder"),
    "per_1000": ("numerator", "denominator"),
    "working_days": ("denominator",),
    "count": ("numerator",),
    "share": ("numerator",),
}


def narrowed(figures, width=5, min_denominator=10):
    """[(metric, dimension, group, region, count)] of hidden figures whose count the shown figures
    pin between a least and a most fewer than `width` apart (0 apart: worked out exactly); a count
    pinned to 0 is not reported where its figure counts at least `min_denominator` people.

    `figures` as for given_away, with numerator, denominator and unit (none: a proportion); the
    numbers of hidden figures are not read. Each hidden count's least and most come from linear
    programs (HiGHS): the equations of given_away with the shown counts put in, every count 0 or
    more. A count already seen at two points as far apart as `width` needs no program of its own.
    """
    found = []
    by_metric = defaultdict(dict)
    for f in figures:
        by_metric[f["metric"]][(f["dimension"], f["group"], f["region"])] = f
    for metric, cells in by_metric.items():
        unit = next(iter(cells.values())).get("unit") or "proportion"
        hidden = {key for key, f in cells.items() if f["suppressed"] in (True, "true")}
        for count in COUNTS[unit]:
            values = {key: _count(f, count) for key, f in cells.items() if key not in hidden}
            equations = list(_equations(cells, metric))
            if unit == "share":
                equations += _share_totals(cells, hidden)
            found += [
                (metric, *key, count)
                for key, most in _narrow(hidden, values, equations, width)
                if not (most < 1e-6 and _zero_is_shown(cells[key], unit, min_denominator))
            ]
    return found


def _count(figure, count):
    def number(column):
        value = figure.get(column)
        return float("nan") if value in (None, "") else float(value)

    if count == "remainder":
        return number("denominator") - number("numerator")
    return number(count)


def _share_totals(cells, hidden):
    """A share's groups add up to its denominator, which any shown figure of the region gives."""
    tables = defaultdict(list)
    for dimension, group, region in cells:
        if group != ALL:
            tables[(dimension, region)].append((dimension, group, region))
    for (_dimension, region), members in tables.items():
        shown = [key for key in cells if key[2] == region and key not in hidden]
        total = ("total", region) if not shown else float(cells[shown[0]]["denominator"])
        yield {**{m: 1 for m in members}, total: -1}


def _narrow(hidden, values, equations, width):
    names = sorted({k for terms in equations for k in terms if k in hidden or isinstance(k, tuple) and k[0] == "total"})
    if not names:
        return []
    order = {key: i for i, key in enumerate(names)}
    rows, constants = [], []
    for terms in equations:
        row, constant = np.zeros(len(names)), 0.0
        for key, k in terms.items():
            if key in order:
                row[order[key]] += k
            elif isinstance(key, float):
                constant += k * key
            else:
                constant += k * values[key]
        if row.any() and not np.isnan(constant):
            rows.append(row)
            constants.append(-constant)
    if not rows:
        return []
    matrix, constants = np.array(rows), np.array(constants)
    found = []
    for component in _components(matrix):
        a = matrix[:, component]
        used = np.abs(a).sum(axis=1) > 0
        a, b = a[used], constants[used]
        program = _Program(a, b)
        seen_low, seen_high = np.full(len(component), np.inf), np.full(len(component), -np.inf)
        for i, column in enumerate(component):
            if names[column][0] == "total" or seen_high[i] - seen_low[i] >= width:
                continue
            ends = []
            for sense in (1.0, -1.0):  # least, then most
                point = program.solve(i, sense)
                if point is None:
                    break  # no most, or not a consistent set of equations: nothing to conclude
                ends.append(point[i])
                seen_low, seen_high = np.minimum(seen_low, point), np.maximum(seen_high, point)
                if seen_high[i] - seen_low[i] >= width:
                    break
            if len(ends) == 2 and ends[1] - ends[0] < width - 1e-6:
                found.append((names[column], ends[1]))
    return found


# Pairs of metrics a reader knows count the same people in each cell (one denominator), and
# whether nobody can be in both numerators (satisfied and dissatisfied with one thing).
SAME_PEOPLE = [
    *((f"tp0{n}_satisfied", f"tp0{n}_dissatisfied", True) for n in range(1, 5)),
    ("repair_overall_satisfied", "repair_overall_dissatisfied", True),
    ("repairs_on_time", "recall_rate", False),  # a repair can be on time and recalled
]


def narrowed_together(figures, width=5, min_denominator=10, pairs=SAME_PEOPLE):
    """narrowed(), for two metrics read together: in every cell their denominators are equal
    (numerator + remainder of one = of the other), and where nobody is in both numerators, each
    one's numerator is at most the other's remainder. [(metric, dimension, group, region, count)]."""
    by_metric = defaultdict(dict)
    for f in figures:
        by_metric[f["metric"]][(f["dimension"], f["group"], f["region"])] = f
    found = []
    for first, second, apart in pairs:
        if first in by_metric and second in by_metric:
            found += _pair(by_metric, first, second, apart, width, min_denominator)
    return sorted(set(found))


def _pair(by_metric, first, second, apart, width, min_denominator):
    variables, rows = {}, []  # rows: ({variable: coefficient}, constant, lower, upper)

    def term(metric, key, count):
        f = by_metric[metric][key]
        if f["suppressed"] in (True, "true"):
            return variables.setdefault((metric, key, count), len(variables)), None
        return None, _count(f, count)

    def add(terms, lower, upper):
        row, constant = {}, 0.0
        for (metric, key, count), k in terms:
            index, value = term(metric, key, count)
            if index is None:
                constant += k * value
            else:
                row[index] = row.get(index, 0.0) + k
        if row and not np.isnan(constant):
            rows.append((row, lower - constant, upper - constant))

    for metric in (first, second):
        for count in ("numerator", "remainder"):
            for terms in _equations(by_metric[metric], metric):
                add([((metric, key, count), k) for key, k in terms.items()], 0.0, 0.0)
    for key in by_metric[first].keys() & by_metric[second].keys():
        cell = [((first, key, c), 1) for c in ("numerator", "remainder")]
        cell += [((second, key, c), -1) for c in ("numerator", "remainder")]
        add(cell, 0.0, 0.0)
        if apart:
            for one, other in ((first, second), (second, first)):
                add([((one, key, "numerator"), 1), ((other, key, "remainder"), -1)], -np.inf, 0.0)
    names, found = sorted(variables, key=variables.get), []
    for index, most in _narrow_rows(len(names), rows, width):
        metric, key, count = names[index]
        figure = by_metric[metric][key]
        if not (most < 1e-6 and _zero_is_shown(figure, "proportion", min_denominator)):
            found.append((metric, *key, count))
    return found


def _narrow_rows(size, rows, width):
    """[(variable, its most)] of variables >= 0 under lower <= row . x <= upper whose least and
    most are fewer than `width` apart."""
    if not size or not rows:
        return []
    matrix = np.zeros((len(rows), size))
    for r, (terms, _lower, _upper) in enumerate(rows):
        for index, k in terms.items():
            matrix[r, index] = k
    lower = np.array([low for _t, low, _u in rows])
    upper = np.array([high for _t, _l, high in rows])
    found = []
    for component in _components(matrix):
        used = np.abs(matrix[:, component]).sum(axis=1) > 0
        program = _Program(matrix[used][:, component], lower[used], upper[used])
        seen_low, seen_high = np.full(len(component), np.inf), np.full(len(component), -np.inf)
        for i, column in enumerate(component):
            ends = []
            for sense in (1.0, -1.0):  # least, then most; each point widens every count's seen range
                if seen_high[i] - seen_low[i] >= width:
                    break
                point = program.solve(i, sense)
                if point is None:
                    break
                ends.append(point[i])
                seen_low, seen_high = np.minimum(seen_low, point), np.maximum(seen_high, point)
            if len(ends) == 2 and ends[1] - ends[0] < width - 1e-6:
                found.append((column, ends[1]))
    return found


def _zero_is_shown(figure, unit, min_denominator):
    """A count worked out to be 0 points to nobody, as a shown 0 would, where its figure counts
    enough people: known only where the caller gives the hidden figure's denominator (a CSV does not)."""
    if unit == "count":
        return True
    denominator = figure.get("denominator")
    return denominator not in (None, "") and float(denominator) >= min_denominator


class _Program:
    """Counts >= 0 with a @ counts = b, as one HiGHS model solved again for each objective (scipy's
    linprog builds it anew each call: ten times slower on the default demo's figures)."""

    def __init__(self, a, b, upper=None):
        """a @ counts = b; or, with `upper`, b <= a @ counts <= upper."""
        self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        self.size = a.shape[1]
        self.highs.addVars(self.size, np.zeros(self.size), np.full(self.size, highspy.kHighsInf))
        rows = csr_array(a)
        starts = rows.indptr[:-1].astype(np.int32)
        upper = b if upper is None else np.where(np.isinf(upper), highspy.kHighsInf, upper)
        lower = np.where(np.isinf(b), -highspy.kHighsInf, b)
        self.highs.addRows(len(b), lower, upper, rows.nnz, starts, rows.indices.astype(np.int32), rows.data)
        self.columns = np.arange(self.size, dtype=np.int32)

    def solve(self, i, sense):
        """A point where count i is least (sense 1) or most (-1); None if it has no most."""
        cost = np.zeros(self.size)
        cost[i] = sense
        self.highs.changeColsCost(self.size, self.columns, cost)
        self.highs.run()
        if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return np.array(self.highs.getSolution().col_value)


def _components(matrix):
    """Column numbers of the matrix in groups that share no equation."""
    linked = (np.abs(matrix).T @ np.abs(matrix)) > 0
    _count_, labels = connected_components(linked, directed=False)
    return [list(np.flatnonzero(labels == label)) for label in range(_count_)]


def narrowed_rounded(snapshots, width=5, base=5, smallest=8):
    """[(snapshot, dimension, group, region, count)] of hidden counts a reader narrows to fewer than
    `width` values from rounded figures (proportions of one metric), in one snapshot or across
    several of growing, overlapping periods.

    `snapshots`: [figures] in the order they were published, each as for given_away with numerator
    and denominator (rounded; blank where hidden). A reader knows a shown count R is R - (base - 1)
    to R + (base - 1) and at least `smallest` (a shown 0 is 0), a hidden one is 0 or more, every
    line of _equations holds in each snapshot, a numerator is at most its denominator, and a count
    in a later snapshot is at least what it was in an earlier one (periods that hold one another).
    Each hidden numerator's and remainder's least and most are solved for exactly (HiGHS)."""

    names, bounds = {}, []

    def variable(name, low, high):
        names[name] = len(bounds)
        bounds.append((low, high))

    cells_of, hidden = [], []
    for s, figures in enumerate(snapshots):
        cells = {(f["dimension"], f["group"], f["region"]): f for f in figures}
        cells_of.append(cells)
        for key, f in cells.items():
            shown = f["suppressed"] not in (True, "true")
            if not shown:
                hidden.append((s, key))
            for count in ("numerator", "denominator"):
                value = float(f[count]) if shown else None
                if value is None:
                    variable((s, key, count), 0, None)
                elif value == 0:
                    variable((s, key, count), 0, 0)
                else:
                    variable((s, key, count), max(value - base + 1, smallest), value + base - 1)
    equalities, inequalities = [], []
    for s, cells in enumerate(cells_of):
        for terms in _equations(cells):
            for count in ("numerator", "denominator"):
                equalities.append({(s, key, count): k for key, k in terms.items()})
        for key in cells:
            inequalities.append({(s, key, "numerator"): 1, (s, key, "denominator"): -1})
            if s:
                for count in ("numerator", "denominator"):
                    if (s - 1, key, count) in names:
                        inequalities.append({(s - 1, key, count): 1, (s, key, count): -1})

    a_eq, a_ub = _matrix(equalities, names), _matrix(inequalities, names)
    found = []
    for s, key in hidden:
        for count, objective in (
            ("numerator", {(s, key, "numerator"): 1}),
            ("remainder", {(s, key, "denominator"): 1, (s, key, "numerator"): -1}),
        ):
            if _narrower_than(width, {names[name]: k for name, k in objective.items()}, bounds, a_ub, a_eq):
                found.append((s, *key, count))
    return found


def _matrix(rows, names):
    """The coefficients of [{name: k}] rows, a column for each of `names` ({name: column})."""
    a = np.zeros((len(rows), len(names)))
    for i, terms in enumerate(rows):
        for name, k in terms.items():
            a[i, names[name]] += k
    return a


def _narrower_than(width, objective, bounds, a_ub, a_eq, b_ub=None):
    """Whether the least and the most of sum(k * variable) over {variable: k} `objective`, with
    a_ub @ x <= b_ub (0 by default), a_eq @ x = 0 and `bounds`, are fewer than `width` apart (and
    the most is above 0). Solved exactly (HiGHS)."""
    from scipy.optimize import linprog

    c = np.zeros(len(bounds))
    for i, k in objective.items():
        c[i] = k
    ends = []
    for sense in (1.0, -1.0):
        result = linprog(
            sense * c,
            A_ub=a_ub if len(a_ub) else None,
            b_ub=(np.zeros(len(a_ub)) if b_ub is None else b_ub) if len(a_ub) else None,
            A_eq=a_eq if len(a_eq) else None,
            b_eq=np.zeros(len(a_eq)) if len(a_eq) else None,
            bounds=bounds,
            method="highs",
        )
        if result.status != 0:
            return False
        ends.append(sense * result.fun)
    return ends[1] - ends[0] < width - 1e-6 and ends[1] > 1e-6


def narrowed_shares(snapshots, width=5, base=5, smallest=8, max_small=7):
    """[(snapshot, dimension, group, region, count)] of hidden counts of a share metric a reader
    narrows to fewer than `width` values, in one snapshot or across several of growing periods.

    `snapshots`: [figures] as published, each a dict with dimension, group, region, numerator
    (rounded; blank where hidden), suppressed and band. A share counts people of a group among
    everyone counted in its region (the everyone row, whose count is every row's denominator). A
    reader knows what narrowed_rounded's reader knows of the counts, the lines of _equations, and
    each band: "fewer" is a count of 1 to `max_small`; "all_but" a count that is its everyone row's
    count less 1 to `max_small`. Each hidden count (and a banded remainder) is solved for exactly."""

    names, bounds = {}, []
    cells_of, hidden = [], []
    upper = []  # {name: k} <= b
    for s, figures in enumerate(snapshots):
        cells = {(f["dimension"], f["group"], f["region"]): f for f in figures}
        cells_of.append(cells)
        for key, f in cells.items():
            shown = f["suppressed"] not in (True, "true")
            names[(s, key)] = len(bounds)
            if not shown:
                hidden.append((s, key))
                bounds.append((0, None))
                continue
            value = float(f["numerator"])
            bounds.append((0, 0) if value == 0 else (max(value - base + 1, smallest), value + base - 1))
        for key, f in cells.items():
            band = f.get("band") or ""
            total = (s, (key[0], ALL, key[2]))
            if band == "fewer":
                bounds[names[(s, key)]] = (1, max_small)
            elif band == "all_but" and total in names:
                upper += [({total: 1, (s, key): -1}, max_small), ({total: -1, (s, key): 1}, -1)]
    equalities = [
        {(s, key): k for key, k in terms.items()} for s, cells in enumerate(cells_of) for terms in _equations(cells)
    ]
    for s in range(1, len(cells_of)):
        upper += [({(s - 1, key): 1, (s, key): -1}, 0) for key in cells_of[s] if (s - 1, key) in names]

    a_eq = _matrix(equalities, names)
    a_ub, b_ub = _matrix([terms for terms, _b in upper], names), np.array([b for _terms, b in upper], dtype=float)
    found = []
    for s, key in hidden:
        total = (s, (key[0], ALL, key[2]))
        objectives = [("numerator", {(s, key): 1})]
        if total in names and total != (s, key):
            objectives.append(("remainder", {total: 1, (s, key): -1}))
        for count, objective in objectives:
            if _narrower_than(width, {names[name]: k for name, k in objective.items()}, bounds, a_ub, a_eq, b_ub):
                found.append((s, *key, count))
    return found
