"""The attacker's audit: before a snapshot is stored, work out what a careful reader could work out.

Every count a figure shows is a cell (count, dimension, group, region) — see inequities.families
for which metrics show the same count. A reader knows every published cell and these relations:

- in each dimension and region, the groups add up to everyone (group = all);
- for each group, the regions add up to all regions;
- every dimension's everyone row counts the same people (so the region dimension's groups are the
  regions' totals, as its lines say too);
- a dimension declared `made_of` another (a deprivation fifth is two tenths) adds up from it;
- a proportion's numerator is at most its denominator, and counts declared parts of the same
  denominator (satisfied, dissatisfied) are together at most that denominator;
- every count is 0 or more.

For each hidden figure the audit asks, by linear programming (HiGHS), for the least and the most
its numerator, its remainder and (when the denominator itself was too small) its denominator could
be. Unknowns are linked only through relations, so the problem splits into small independent
components (one metric's count in one corner of one table, usually), each solved on its own. A
range narrower than `max_small` fails the audit: the figure that narrows it most cheaply is hidden
too (a figure that, hidden alone, widens the range enough; otherwise the smallest figure in a
relation with it), and the audit runs again until nothing fails.
"""

import math
from collections import defaultdict

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_flow

from inequities.dimensions import DIMENSIONS
from inequities.families import PROPORTION, SHARE, counts
from inequities.metrics import ALL

MAX_TRIALS = 8
BIG = 10**9  # a capacity with no limit  # figures tried, one at a time, before settling for the smallest


def groupings(dimensions=DIMENSIONS):
    """[(dimension, the dimension it is made of, {group: its parts})] as declared with the dimensions."""
    return [(d.key, d.made_of[0], d.made_of[1]) for d in dimensions if d.made_of]


def protect(frame, *, min_denominator, max_small, made_of=None):
    """The `suppressed` column of `frame`, extended until the audit passes."""
    relations = Relations(frame, groupings() if made_of is None else made_of)
    suppressed = frame["suppressed"].to_numpy(dtype=bool).copy()
    solved = {}
    while True:
        failures = relations.failures(suppressed, min_denominator, max_small, solved)
        if not failures:
            return suppressed
        for failure in failures:
            rows = relations.cheapest_cover(failure, suppressed, max_small)
            suppressed[rows] = True


def ranges(frame, *, min_denominator, max_small, made_of=None):
    """{(row position, what): (least, most)} for every hidden figure's counts: what a reader can work out."""
    relations = Relations(frame, groupings() if made_of is None else made_of)
    suppressed = frame["suppressed"].to_numpy(dtype=bool)
    found = {}
    relations.failures(suppressed, min_denominator, max_small, {}, report=found)
    return found


class Relations:
    """The cells behind a frame of figures and every relation between them a reader knows."""

    def __init__(self, frame, made_of):
        self.ids = {}
        self.keys = []  # by cell id: (count, dimension, group, region)
        self.tables = defaultdict(lambda: (defaultdict(list), defaultdict(list)))  # by group, by region
        self.value = []  # by cell id; None if no figure gives it
        self.carriers = []  # by cell id: row positions that show it
        self.rows = []  # by row position: (unit, numerator cell, denominator cell, denominator value)
        self._read(frame)
        equations, at_most = self._relations(frame, made_of)
        self.constraints = [(terms, "eq") for terms in equations] + [(terms, "ub") for terms in at_most]
        self._inequalities = defaultdict(list)
        for terms in at_most:
            for cell in terms:
                self._inequalities[cell].append((terms, "ub"))
        self.made_of = made_of
        self._parts_of = {part: (whole, groups) for whole, part, groups in made_of}
        self._everyone = defaultdict(dict)  # (count, region) -> {dimension: cell}
        self._regions = defaultdict(set)
        for cell, (count, dimension, group, region) in enumerate(self.keys):
            if group == ALL and region != ALL:
                self._everyone[(count, region)][dimension] = cell
                self._regions[count].add(region)
        self._flows = {}
        self._networks = {}
        self._signatures = {}
        self.rooms = [self._alone(cell) for cell in range(len(self.value))]
        self.touching = defaultdict(list)  # cell -> constraint numbers
        for number, (terms, _kind) in enumerate(self.constraints):
            for cell in terms:
                self.touching[cell].append(number)

    def _cell(self, key, value=None):
        cell = self.ids.get(key)
        if cell is None:
            cell = self.ids[key] = len(self.value)
            self.keys.append(key)
            count, dimension, group, region = key
            if group != ALL:
                by_group, by_region = self.tables[(count, dimension)]
                by_group[group].append((region, cell))
                by_region[region].append((group, cell))
            self.value.append(None)
            self.carriers.append([])
        if value is not None and not (isinstance(value, float) and math.isnan(value)):
            self.value[cell] = float(value)
        return cell

    def _read(self, frame):
        units = frame["unit"] if "unit" in frame else [None] * len(frame)
        columns = zip(
            frame["metric"], frame["dimension"], frame["group"], frame["region"], frame["numerator"],
            frame["denominator"], units, strict=True,
        )  # fmt: skip
        self.parts = defaultdict(lambda: (set(), None))
        for position, (metric, dimension, group, region, numerator, denominator, unit) in enumerate(columns):
            declared = counts(metric, unit)
            shown = []
            top = bottom = None
            if declared.numerator:
                top = self._cell((declared.numerator, dimension, group, region), numerator)
                shown.append(top)
            if declared.denominator:
                bottom = self._cell((declared.denominator, dimension, group, region), denominator)
            elif declared.unit == SHARE and declared.numerator:
                bottom = self._cell((declared.numerator, dimension, ALL, region), denominator)
            if bottom is not None:
                shown.append(bottom)
            if declared.compared_with:
                shown.append(self._cell((declared.compared_with, dimension, group, region)))
                shown.append(self._cell((declared.compared_with, dimension, ALL, region)))
            for cell in shown:
                self.carriers[cell].append(position)
            self.rows.append((declared.unit, top, bottom, denominator))
            if declared.parts_of and top is not None and bottom is not None:
                key = (declared.parts_of, dimension, group, region)
                members, _ = self.parts[key]
                self.parts[key] = (members | {top}, bottom)

    def _relations(self, frame, made_of):
        lines = defaultdict(dict)  # (count, dimension, region, "groups") -> {group: cell}, and so on
        for (count, dimension, group, region), cell in self.ids.items():
            lines[(count, dimension, region, "groups")][group] = cell
            lines[(count, dimension, group, "regions")][region] = cell
            if group == ALL:
                lines[(count, None, region, "everyone")][dimension] = cell
        equations = []
        for key, cells in lines.items():
            if key[-1] == "everyone":
                ordered = [cells[d] for d in sorted(cells)]
                equations += [{first: 1.0, other: -1.0} for first, other in zip(ordered, ordered[1:], strict=False)]
            elif ALL in cells and len(cells) > 1:
                equations.append({**{c: 1.0 for k, c in cells.items() if k != ALL}, cells[ALL]: -1.0})
        for whole, part, groups in made_of:
            for (count, dimension, region, kind), cells in lines.items():
                if kind != "groups" or dimension != whole:
                    continue
                pieces = lines.get((count, part, region, "groups"), {})
                for group, parts in groups.items():
                    if group in cells and (count, part, ALL, region) in self.ids:
                        terms = {pieces[p]: 1.0 for p in parts if p in pieces}
                        terms[cells[group]] = terms.get(cells[group], 0.0) - 1.0
                        equations.append(terms)
        at_most = [{top: 1.0, bottom: -1.0} for unit, top, bottom, _ in self.rows if unit == PROPORTION and top is not None and bottom is not None and top != bottom]  # fmt: skip
        at_most += [{**{m: 1.0 for m in members}, whole: -1.0} for members, whole in self.parts.values() if len(members) > 1]
        return equations, at_most

    def _alone(self, cell):
        """(fall, rise) for one cell with every other held at its true value: what the
        inequalities and "0 or more" allow."""
        value = self.value[cell]
        if value is None:
            return (0, 0)
        down, up = value, math.inf
        for terms, kind in self._inequalities.get(cell, ()):
            if any(self.value[c] is None for c in terms):
                return (0, 0)
            room = -sum(k * self.value[c] for c, k in terms.items())
            k = terms[cell]
            if k > 0:
                up = min(up, room / k)
            else:
                down = min(down, room / -k)
        return (math.floor(down + 1e-6), BIG if up == math.inf else math.floor(up + 1e-6))

    # The audit proper

    def failures(self, suppressed, min_denominator, max_small, solved, report=None):
        """One failing target per component: (target terms, component cells, published cells), or []."""
        published = np.array(
            [value is not None and any(not suppressed[p] for p in rows) for value, rows in zip(self.value, self.carriers, strict=True)]
        )  # fmt: skip
        constraints = self.constraints
        parent = {}

        def find(cell):
            while parent.setdefault(cell, cell) != cell:
                parent[cell] = parent[parent[cell]]
                cell = parent[cell]
            return cell

        for terms, _kind in constraints:
            unknown = [c for c in terms if not published[c]]
            for other in unknown[1:]:
                parent[find(other)] = find(unknown[0])
        targets = defaultdict(list)
        result = []
        failed_tables = set()
        self._signatures = self._table_signatures(published)
        for position in np.flatnonzero(suppressed):
            for what, terms in self._targets(position, min_denominator):
                unknown = [c for c in terms if not published[c]]
                if not unknown:
                    if report is not None:
                        report[(position, what)] = (0.0, 0.0)
                    result.append(terms)
                    continue
                moved = self._flow(terms, published)
                if moved is None:
                    moved = self._swap(terms, published)
                if moved is None:
                    moved = (0, 0)
                if True:
                    if report is not None:
                        report[(position, what)] = moved
                    if moved[1] - moved[0] < max_small and self.keys[unknown[0]][:2] not in failed_tables:
                        failed_tables.add(self.keys[unknown[0]][:2])
                        result.append(terms)
                    continue
                for other in unknown[1:]:
                    parent[find(other)] = find(unknown[0])
                targets[find(unknown[0])].append((position, what, terms))
        members = defaultdict(set)
        for cell in list(parent):
            members[find(cell)].add(cell)
        for root, found in targets.items():
            cells = members[root] or {root}
            key = (frozenset(cells), tuple(sorted((p, w) for p, w, _ in found)))
            if key not in solved:
                solved[key] = self._solve(cells, found, published, max_small)
            for (position, what, terms), (low, high) in zip(found, solved[key], strict=True):
                if report is not None:
                    report[(position, what)] = (low, high)
                if high - low < max_small:
                    result.append(terms)
                    break
        self._published = published
        return result if report is None else []

    def _table_signatures(self, published):
        hidden = defaultdict(list)
        for cell, key in enumerate(self.keys):
            if not published[cell]:
                hidden[key[:2]].append(cell)
        return {table: hash(tuple(cells)) for table, cells in hidden.items()}

    def _flow(self, terms, published):
        tables = {self.keys[c][:2] for c in terms} | {(count, part) for count, part, _ in self._mirrors(terms)}
        key = (tuple(sorted(terms.items())), tuple(sorted((t, self._signatures.get(t)) for t in tables)))
        if key not in self._flows:
            self._flows[key] = self._flow_uncached(terms, published)
        return self._flows[key]

    def _swap(self, terms, published):
        """(least, most) of a target on an everyone row: the same people are every dimension's
        everyone row, so it can move only if, in every dimension at once, it swaps with another
        region's hidden everyone row through hidden groups. None if no such swap is found."""
        best = None
        for cell, coefficient in terms.items():
            count, _dimension, group, region = self.keys[cell]
            if published[cell] or group != ALL or region == ALL:
                continue
            everyone = self._everyone[(count, region)]
            if any(published[c] for c in everyone.values()):
                continue
            for other in self._regions[count]:
                step = self._swap_step(count, region, other, published)
                found = None if step is None else self._along(terms, step)
                if found is not None and (best is None or found[1] - found[0] > best[1] - best[0]):
                    best = found
        return best

    def _swap_step(self, count, region, other, published):
        step = {}
        parents = {}
        for dimension, cell in sorted(self._everyone[(count, region)].items(), key=lambda d: self._order(d[0])):
            twin = self._everyone[(count, other)].get(dimension)
            if twin is None or published[twin]:
                return None
            step[cell], step[twin] = 1.0, -1.0
            pair = self._pair(count, dimension, region, other, published, parents)
            if pair is None:
                return None
            for cell_, sign in pair:
                step[cell_] = step.get(cell_, 0.0) + sign
        return step

    def _pair(self, count, dimension, region, other, published, parents):
        """Cells of one dimension that carry a swap of people from `other` to `region`:
        [(cell, +1 or -1)], or None."""
        ids = self.ids

        def hidden(key):
            cell = ids.get(key)
            return cell is not None and not published[cell] and self.value[cell] is not None

        own, theirs = (count, dimension, region, region), (count, dimension, other, other)
        if hidden(own) and hidden(theirs):  # the region dimension: its groups are the regions
            totals = (count, dimension, region, ALL), (count, dimension, other, ALL)
            if not all(hidden(t) for t in totals):
                return None
            return [(ids[own], 1.0), (ids[theirs], -1.0), (ids[totals[0]], 1.0), (ids[totals[1]], -1.0)]
        choices = list(self.tables[(count, dimension)][0])
        if dimension in self._parts_of:
            whole, groups = self._parts_of[dimension]
            choices = [g for g in choices if any(g in groups.get(p, ()) for p in parents.get(whole, ()))]
        choices = [g for g in choices if hidden((count, dimension, g, region)) and hidden((count, dimension, g, other))]
        if not choices:
            return None
        chosen = max(choices, key=lambda g: self.value[ids[(count, dimension, g, other)]])
        parents[dimension] = (chosen,)
        return [(ids[(count, dimension, chosen, region)], 1.0), (ids[(count, dimension, chosen, other)], -1.0)]

    def _order(self, dimension):
        return (dimension in self._parts_of, dimension)

    def _along(self, terms, step):
        """(least, most) of the target as the cells move by s * step, every relation still true."""
        if any(self.value[c] is None for c in step):
            return None
        low, high = -math.inf, math.inf
        for c, slope in step.items():
            if slope > 0:
                low = max(low, -self.value[c] / slope)
            elif slope < 0:
                high = min(high, self.value[c] / -slope)
        for number in {n for c in step for n in self.touching[c]}:
            constraint, kind = self.constraints[number]
            slope = sum(k * step.get(c, 0.0) for c, k in constraint.items())
            if abs(slope) < 1e-12:
                continue
            if kind == "eq" or any(self.value[c] is None for c in constraint):
                return None
            room = -sum(k * self.value[c] for c, k in constraint.items())
            if slope > 0:
                high = min(high, room / slope)
            else:
                low = max(low, room / slope)
        rate = sum(k * step.get(c, 0.0) for c, k in terms.items())
        if rate == 0 or low > high:
            return None
        value = sum(k * self.value[c] for c, k in terms.items())
        ends = sorted((value + low * rate, value + high * rate))
        return (math.ceil(ends[0] - 1e-6), math.floor(ends[1] + 1e-6))

    def _mirrors(self, terms):
        for cell in terms:
            for _allowed, mirror in self._moves(cell):
                if mirror is not None:
                    yield mirror[0], mirror[1], None

    def _flow_uncached(self, terms, published):
        """(least, most) a target can take by moving hidden cells of its own table, everything
        else held at its true value, or None. In a table whose lines must keep their totals, how
        far a cell can rise (or fall) is a maximum flow between its group and its region through
        the other hidden cells; a range found this way is part of the true one, so one as wide as
        `max_small` proves the target safe without a linear programme."""
        best = None
        for cell, coefficient in terms.items():
            if published[cell] or self.keys[cell][2] == ALL:
                continue
            for allowed, mirror in self._moves(cell):
                down, up = self._table_flow(cell, published, allowed, mirror)
                value = sum(k * self.value[c] for c, k in terms.items())
                found = (value - down, value + up) if coefficient > 0 else (value - up, value + down)
                if best is None or found[1] - found[0] > best[1] - best[0]:
                    best = found
        return best

    def _moves(self, cell):
        """Which groups may move with the cell: a part moves only with the other parts of its whole,
        so the whole is unchanged; a whole moves with one of its parts in step."""
        count, dimension, group, _region = self.keys[cell]
        for _whole, part, groups in self.made_of:
            if dimension == part:
                return [(next((set(p) for p in groups.values() if group in p), {group}), None)]
        for whole, part, groups in self.made_of:
            if dimension == whole:
                widest = max(len(p) for p in groups.values())
                return [(None, (count, part, {g: p[min(i, len(p) - 1)] for g, p in groups.items()})) for i in range(widest)]
        return [(None, None)]

    def _room(self, cell, published, mirror):
        """(how far the cell can fall, how far it can rise) alone; None if it cannot move."""
        if published[cell] or self.value[cell] is None:
            return None
        down, up = self.rooms[cell]
        if mirror is not None:
            count, part, parts = mirror
            _c, _d, group, region = self.keys[cell]
            twin = self.ids.get((count, part, parts.get(group), region))
            twin_room = None if twin is None else self._room(twin, published, None)
            if twin_room is None:
                return None
            down, up = min(down, twin_room[0]), min(up, twin_room[1])
        if self.keys[cell][3] == ALL:  # a column of totals: its lines count it the other way
            down, up = up, down
        return down, up

    def _table_flow(self, cell, published, allowed, mirror):
        count, dimension, group, region = self.keys[cell]
        own = self._room(cell, published, mirror)
        if own is None:
            return (0, 0)
        nodes, capacity = self._network(count, dimension, published, allowed, mirror)
        source, sink = nodes[("g", group)], nodes[("r", region)]
        capacity = capacity.copy()
        capacity[source, sink] = capacity[sink, source] = 0  # the cell itself is what moves
        graph = csr_array(capacity)
        up = min(maximum_flow(graph, source, sink).flow_value, own[1])
        down = min(maximum_flow(graph, sink, source).flow_value, own[0])
        return (up, down) if region == ALL else (down, up)

    def _network(self, count, dimension, published, allowed, mirror):
        """The table's hidden cells as a flow network: group -> region for a cell that can fall,
        region -> group for one that can rise, with how far as the capacity."""
        tables = [(count, dimension)] + ([(mirror[0], mirror[1])] if mirror else [])
        key = (
            count, dimension, None if allowed is None else tuple(sorted(allowed)),
            None if mirror is None else tuple(sorted(mirror[2].items())),
            tuple(self._signatures.get(t) for t in tables),
        )  # fmt: skip
        if key in self._networks:
            return self._networks[key]
        by_group, by_region = self.tables[(count, dimension)]
        nodes = {("g", g): i for i, g in enumerate(g for g in by_group if allowed is None or g in allowed)}
        for r in by_region:
            nodes[("r", r)] = len(nodes)
        capacity = np.zeros((len(nodes), len(nodes)), dtype=np.int32)
        for g in nodes:
            if g[0] != "g":
                continue
            for r, other in by_group[g[1]]:
                room = self._room(other, published, mirror)
                if room is not None:
                    capacity[nodes[g], nodes[("r", r)]] = min(int(room[0]), BIG)
                    capacity[nodes[("r", r)], nodes[g]] = min(int(room[1]), BIG)
        self._networks[key] = (nodes, capacity)
        return nodes, capacity

    def _targets(self, position, min_denominator):
        unit, top, bottom, denominator = self.rows[position]
        if top is not None:
            yield "numerator", {top: 1.0}
            if unit == PROPORTION and bottom is not None:
                yield "remainder", {bottom: 1.0, top: -1.0}
        if bottom is not None and unit != SHARE and (denominator is None or denominator < min_denominator):
            yield "denominator", {bottom: 1.0}

    def _solve(self, cells, found, published, max_small=0):
        """[(least, most)] for each target, over the constraints that touch `cells`.

        A quick certificate first: from the true figures, move along the projection of the target
        onto the equations' null space as far as every count stays 0 or more and every inequality
        holds. If that alone spans `max_small`, the target is safe (the range given is a part of
        the true one); otherwise two linear programmes give its exact least and most.
        """
        order = {cell: i for i, cell in enumerate(sorted(cells))}
        problem, truth = self._problem(order, published)
        answers = []
        for _position, _what, terms in found:
            objective, constant = self._objective(terms, order, published)
            low = linprog(objective, **problem)
            high = linprog(-objective, **problem)
            least = math.ceil(low.fun + constant - 1e-6) if low.status == 0 else -math.inf
            most = math.floor(-high.fun + constant + 1e-6) if high.status == 0 else math.inf
            answers.append((least, most))
        return answers

    def _problem(self, order, published):
        numbers = sorted({n for cell in order for n in self.touching[cell]})
        sparse = {"eq": ([], [], [], []), "ub": ([], [], [], [])}  # rows, columns, values, right-hand sides
        for number in numbers:
            terms, kind = self.constraints[number]
            rows, columns, values, right = sparse[kind]
            constant = 0.0
            for cell, coefficient in terms.items():
                if published[cell]:
                    constant += coefficient * self.value[cell]
                else:
                    rows.append(len(right))
                    columns.append(order[cell])
                    values.append(coefficient)
            right.append(-constant)
        problem = {"bounds": (0, None), "method": "highs"}
        for kind, (rows, columns, values, right) in sparse.items():
            matrix = csr_array((values, (rows, columns)), shape=(len(right), len(order))) if right else None
            problem[f"A_{kind}"], problem[f"b_{kind}"] = matrix, (np.array(right) if right else None)
        values = [self.value[cell] for cell in order]
        truth = None if any(v is None for v in values) else np.array(values)
        return problem, truth

    def _objective(self, terms, order, published):
        objective = np.zeros(len(order))
        constant = 0.0
        for cell, coefficient in terms.items():
            if published[cell]:
                constant += coefficient * self.value[cell]
            else:
                objective[order[cell]] += coefficient
        return objective, constant

    def cheapest_cover(self, terms, suppressed, max_small):
        """Rows to hide so that the failing target `terms` is no longer narrowed."""
        published = self._published
        near = {c for c in terms if published[c]}
        around = set()
        for cell in terms:
            for number in self.touching[cell]:
                around |= {c for c in self.constraints[number][0] if published[c]}
        candidates = sorted(near, key=self._size) + sorted(around - near, key=self._size)
        if not candidates:
            wider = set()
            for cell in self._component(terms, published):
                for number in self.touching[cell]:
                    wider |= {c for c in self.constraints[number][0] if published[c]}
            candidates = sorted(wider, key=self._size)
        moved = any(self.keys[c][2] != ALL for c in terms if not published[c])
        if moved:
            candidates = sorted(near, key=self._size) + sorted(self._in_lines(terms, published) - near, key=self._size)
        for candidate in candidates[:MAX_TRIALS]:
            trial = published.copy()
            trial[candidate] = False
            if moved:
                widened = self._flow_uncached(terms, trial)
                width = -1 if widened is None else widened[1] - widened[0]
            else:
                width = self._width(terms, trial, max_small)
            if width >= max_small:
                return self._shown_carriers(candidate, suppressed)
        return self._shown_carriers(candidates[0], suppressed) if candidates else []

    def _in_lines(self, terms, published):
        """Published cells in the same group or region as the target's hidden cells, in their table."""
        found = set()
        for cell in terms:
            count, dimension, group, region = self.keys[cell]
            if group == ALL:
                continue
            by_group, by_region = self.tables[(count, dimension)]
            found |= {c for _r, c in by_group[group] if published[c]}
            found |= {c for _g, c in by_region[region] if published[c]}
            for g in by_group:
                total = self.ids.get((count, dimension, g, ALL))
                if total is not None and published[total]:
                    found.add(total)
        return found

    def _size(self, cell):
        return (self.value[cell], cell)

    def _shown_carriers(self, cell, suppressed):
        return [p for p in self.carriers[cell] if not suppressed[p]]

    def _component(self, terms, published):
        seen, todo = set(), [c for c in terms if not published[c]]
        while todo:
            cell = todo.pop()
            if cell in seen:
                continue
            seen.add(cell)
            for number in self.touching[cell]:
                todo += [c for c in self.constraints[number][0] if not published[c] and c not in seen]
        return seen

    def _width(self, terms, published, max_small):
        cells = self._component(terms, published)
        if not cells:
            return 0
        ((low, high),) = self._solve(cells, [(None, None, terms)], published, max_small)
        return high - low
