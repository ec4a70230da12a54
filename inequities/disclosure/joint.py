"""Metrics that count the same people, read together: the audit's last check.

The audit (audit.py) solves one metric at a time. Two metrics that count the same people in every
cell (families.same_people(): satisfied and dissatisfied of one measure, repairs on time and
recalled) say more together: in each cell their numerator and remainder add up to the same
denominator, and where nobody is in both numerators (families.apart()) each one's numerator is at
most the other's remainder. Both are hidden together cell by cell (TOGETHER lines), so these
relations are between hidden counts; with both metrics' lines they can narrow a count that each
metric alone leaves wide. Here the two metrics' numerators and remainders are solved together
(linear programming, HiGHS, with those rows as equations and inequalities), and a count narrower
than the audit's width fails as it does there.
"""

from collections import defaultdict

import numpy as np

from inequities.disclosure.audit import NUMERATOR, REMAINDER, TOLERANCE, counts
from inequities.disclosure.lines import TOGETHER

KINDS = (NUMERATOR, REMAINDER)


class Joint:
    def __init__(self, frame, published, pairs, width, zero_is_shown):
        """`pairs`: [(metric, metric, apart)]; `zero_is_shown`: rows where a count of 0 passes."""
        self.values = counts(frame)
        self.width, self.zero_is_shown = width - TOLERANCE, zero_is_shown
        metric = frame["metric"].to_numpy()
        self.lines = defaultdict(list)  # metric -> [(members, total)]
        for kind, members, total in published.lines:
            if kind != TOGETHER:
                self.lines[metric[total]].append((members, total))
        cells = defaultdict(dict)  # metric -> {(dimension, group, region): row}
        columns = zip(metric, frame["dimension"], frame["group"], frame["region"], strict=True)
        for row, (name, dimension, group, region) in enumerate(columns):
            cells[name][(dimension, group, region)] = row
        self.pairs = [
            (
                first,
                second,
                exclusive,
                [(cells[first][k], cells[second][k]) for k in cells[first].keys() & cells[second].keys()],
            )
            for first, second, exclusive in pairs
            if first in cells and second in cells
        ]
        self.passed = set()  # (hidden rows of a pair) already seen to pass

    def more_to_hide(self, hidden, rank):
        """One shown figure for each failing pair (the smallest of the pair's figures beside a failing
        count), or every figure of the pair when none is shown."""
        added = []
        for first, second, exclusive, cells in self.pairs:
            rows = [r for r, s in cells for r in (r, s)]
            state = (first, tuple(np.flatnonzero(hidden[rows])))
            if state in self.passed:
                continue
            failing = self._failing(first, second, exclusive, cells, hidden)
            if not failing:
                self.passed.add(state)
                continue
            shown = sorted({r for line in failing for r in line if not hidden[r]}, key=rank.__getitem__)
            pick = shown[:1] or [r for r in rows if not hidden[r]]
            for row in pick:
                hidden[row] = True
                added.append(row)
        return added

    def _failing(self, first, second, exclusive, cells, hidden):
        """The rows of the lines through each failing count (empty if none fails)."""
        variables, rows = {}, []  # rows: ({variable: k}, lower, upper, the figures in it)

        def add(terms, inequality=False):
            """sum(k * count) = what the hidden counts really come to (as the audit takes an
            equation), or, for an inequality, <= 0 with the shown counts put in."""
            row, constant, truth, figures = {}, 0.0, 0.0, set()
            for (figure, kind), k in terms:
                value = self.values[kind][figure]
                if np.isnan(value):
                    return
                figures.add(figure)
                if hidden[figure]:
                    index = variables.setdefault((figure, kind), len(variables))
                    row[index] = row.get(index, 0.0) + k
                    truth += k * value
                else:
                    constant += k * value
            if row:
                rows.append((row, -np.inf, -constant, figures) if inequality else (row, truth, truth, figures))

        for name in (first, second):
            for members, total in self.lines[name]:
                for kind in KINDS:
                    add([((m, kind), 1.0) for m in members] + [((total, kind), -1.0)])
        for one, other in cells:
            if hidden[one] or hidden[other]:
                add([((one, kind), 1.0) for kind in KINDS] + [((other, kind), -1.0) for kind in KINDS])
                if exclusive:
                    add([((one, NUMERATOR), 1.0), ((other, REMAINDER), -1.0)], inequality=True)
                    add([((other, NUMERATOR), 1.0), ((one, REMAINDER), -1.0)], inequality=True)
        if not variables:
            return []
        names = sorted(variables, key=variables.get)
        truth = np.array([self.values[kind][figure] for figure, kind in names])
        failing = []
        for index, most in _narrow(len(names), rows, truth, self.width):
            figure, _kind = names[index]
            if most < TOLERANCE and self.zero_is_shown[figure]:
                continue
            failing.append({f for row, _l, _u, figures in rows if index in row for f in figures})
        return failing


def _narrow(size, rows, truth, width):
    """Variables >= 0 under lower <= row . x <= upper whose least and most are closer than
    `width`, one connected component at a time; every point found widens what each is seen to reach."""
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import connected_components

    r, c, k = zip(
        *((n, index, coefficient) for n, (terms, *_rest) in enumerate(rows) for index, coefficient in terms.items()),
        strict=True,
    )
    matrix = csr_array((k, (r, c)), shape=(len(rows), size))
    lower = np.array([row[1] for row in rows])
    upper = np.array([row[2] for row in rows])
    linked = abs(matrix).T @ abs(matrix)
    count, labels = connected_components(linked, directed=False)
    failing = []
    for label in range(count):
        component = np.flatnonzero(labels == label)
        used = np.flatnonzero(abs(matrix[:, component]).sum(axis=1) > 0)
        found = _component(matrix[used][:, component], lower[used], upper[used], truth[component], width)
        failing += [(component[i], most) for i, most in found]
    return failing


def _component(matrix, lower, upper, truth, width):
    import highspy

    size = matrix.shape[1]
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("presolve", "off")
    highs.setOptionValue("simplex_strategy", 4)  # primal: a new objective keeps the basis feasible
    highs.addVars(size, np.zeros(size), np.full(size, highspy.kHighsInf))
    rows = matrix.tocsr()
    highs.addRows(
        rows.shape[0],
        np.where(np.isinf(lower), -highspy.kHighsInf, lower),
        np.where(np.isinf(upper), highspy.kHighsInf, upper),
        rows.nnz,
        rows.indptr[:-1].astype(np.int32),
        rows.indices.astype(np.int32),
        rows.data.astype(float),
    )
    columns = np.arange(size, dtype=np.int32)
    least, most = truth.copy(), truth.copy()
    failing = []
    for i in range(size):
        ends = []
        for sense in (1.0, -1.0):  # least, then most
            if most[i] - least[i] >= width:
                break
            cost = np.zeros(size)
            cost[i] = sense
            highs.changeColsCost(size, columns, cost)
            highs.run()
            if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                break  # no least or most: wide
            point = np.array(highs.getSolution().col_value)
            np.minimum(least, point, out=least)
            np.maximum(most, point, out=most)
            ends.append(point[i])
        if len(ends) == 2 and ends[1] - ends[0] < width:
            failing.append((i, ends[1]))
    return failing
