"""Snapshots published before: a reader who kept one can subtract it from the new one.

Two snapshots whose periods overlap count many of the same people, so where both show a figure its
change is known exactly: the late answers added to the same period, or the month that came into a
rolling year less the month that left it. A change of a handful of people would point to them as
surely as a small count does. For every earlier snapshot whose period overlaps the new one's:

1. A figure whose numerator, denominator or remainder differs from what an earlier snapshot showed
   of the same figure by 1 to `max_small` people is hidden in the new one (a primary rule beside
   the small-count one).
2. Along every line (lines.py), what a reader can work out is the change of the line's hidden part:
   its figures shown in both snapshots put in, the rest is known. When that change is 1 to
   `max_small`, the smallest figure shown in both whose count changed is hidden too, and again
   until no line of that snapshot gives a small change away.

Step 1 compares with every figure any overlapping snapshot showed (the distinct values, read in one
query); step 2 compares line by line with each distinct version of them (snapshots that show the
same, by Snapshot.shown_digest, are one), all lines at once as sparse matrices. Limits are in
docs/inequities.md.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.sparse import csr_array

from inequities.disclosure.lines import TOGETHER

KEYS = ["metric", "dimension", "group", "region"]
TOLERANCE = 1e-6


def kinds(frame):
    """{kind: each row's count of that kind, NaN where it has none}: every count a reader can
    subtract (a proportion's remainder too; a share or a count has none)."""
    unit = frame["unit"].astype(str).to_numpy() if "unit" in frame else np.full(len(frame), "")
    numerator = frame["numerator"].to_numpy(dtype=float, na_value=np.nan)
    denominator = frame["denominator"].to_numpy(dtype=float, na_value=np.nan)
    with_remainder = ~np.isin(unit, ["count", "share", "per_1000"])
    return {
        "numerator": numerator,
        "denominator": denominator,
        "remainder": np.where(with_remainder, denominator - numerator, np.nan),
    }


def _few(change, max_small):
    change = np.abs(change)
    return (change >= 1 - TOLERANCE) & (change <= max_small + TOLERANCE)


@dataclass
class Earlier:
    """What earlier snapshots showed. `values`: every distinct shown (metric, dimension, group,
    region, unit, numerator, denominator) of any overlapping snapshot; `snapshots`: one frame of
    the same columns plus `suppressed` for each snapshot compared line by line."""

    values: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=[*KEYS, "numerator", "denominator"]))
    snapshots: list = field(default_factory=list)

    def changed_by_a_few(self, frame, max_small):
        """Rows of `frame` whose count of any kind is 1 to `max_small` away from one shown before."""
        few = np.zeros(len(frame), dtype=bool)
        if self.values.empty:
            return few
        rows = frame[KEYS].assign(_row=np.arange(len(frame)))
        # `unit` is taken from the new frame, so the same figure has the same kinds in both.
        unit = frame[["unit"]] if "unit" in frame else pd.DataFrame({"unit": [""] * len(frame)})
        pairs = rows.assign(unit=unit["unit"].to_numpy()).merge(
            self.values[[*KEYS, "numerator", "denominator"]], on=KEYS
        )
        if pairs.empty:
            return few
        before = kinds(pairs)
        now = kinds(frame.iloc[pairs["_row"].to_numpy()].reset_index(drop=True))
        hit = np.zeros(len(pairs), dtype=bool)
        for kind, values in now.items():
            hit |= _few(values - before[kind], max_small)  # NaN on either side compares False
        few[pairs["_row"].to_numpy()[hit]] = True
        return few

    def aligned(self, frame):
        """[{kind: what that snapshot showed of each row of `frame`, NaN where it hid it or had no
        such figure}] for each snapshot compared line by line."""
        found = []
        rows = frame[KEYS].assign(_row=np.arange(len(frame)))
        for snapshot in self.snapshots:
            shown = snapshot[~snapshot["suppressed"].astype(bool)]
            pairs = rows.merge(shown[[*KEYS, "numerator", "denominator"]], on=KEYS)
            columns = {}
            for column in ("numerator", "denominator"):
                values = np.full(len(frame), np.nan)
                values[pairs["_row"].to_numpy()] = pairs[column].to_numpy(dtype=float, na_value=np.nan)
                columns[column] = values
            before = frame[[c for c in ("unit",) if c in frame]].assign(**columns)
            found.append(kinds(before))
        return found


class Subtraction:
    """The lines of one frame checked against the snapshots published before it, as sparse
    matrices: one row per line, +1 for its members and -1 for its total."""

    def __init__(self, frame, published, earlier, max_small):
        self.max_small = max_small
        self.now = kinds(frame)
        self.before = earlier.aligned(frame)
        rows, columns, signs, count = [], [], [], 0
        for kind, members, total in published.lines:
            if kind == TOGETHER:
                continue  # not an equation: their numerators differ
            for cell, sign in [*((m, 1.0) for m in members), (total, -1.0)]:
                rows.append(count)
                columns.append(cell)
                signs.append(sign)
            count += 1
        self.lines = csr_array((signs, (rows, columns)), shape=(count, len(frame)))
        self.signs = np.split(self.lines.data, self.lines.indptr[1:-1])
        self.cells = np.split(self.lines.indices, self.lines.indptr[1:-1])

    def more_to_hide(self, hidden, rank):
        """Rows to hide so that no line of any earlier snapshot gives a small change away (one per
        failing line, chosen as step 2 of the module's docstring says)."""
        added = []
        if not self.lines.shape[0]:
            return added
        present = abs(self.lines)
        for before in self.before:
            for kind, now in self.now.items():
                for line in self._failing(now, before[kind], hidden, present):
                    cells, signs = self.cells[line], self.signs[line]
                    known = ~hidden[cells] & ~np.isnan(before[kind][cells])
                    change = np.where(known, now[cells] - np.nan_to_num(before[kind][cells]), 0.0)
                    if known.all() or not _few(np.array([-(signs @ change)]), self.max_small)[0]:
                        continue  # a figure hidden for another line of this round opened it already
                    moved = [c for c, k, d in zip(cells, known, change, strict=True) if k and abs(d) > TOLERANCE]
                    if moved:
                        pick = min(moved, key=rank.__getitem__)
                        hidden[pick] = True
                        added.append(pick)
        return added

    def _failing(self, now, before, hidden, present):
        """Line numbers whose hidden part changed by 1 to max_small since `before`."""
        missing = np.isnan(now).astype(float)
        known = (~hidden & ~np.isnan(before)).astype(float)
        change = np.where(known > 0, np.nan_to_num(now) - np.nan_to_num(before), 0.0)
        whole = (present @ missing == 0) & (np.abs(self.lines @ np.nan_to_num(now)) <= TOLERANCE)
        some_known, some_not = present @ known > 0, present @ (1.0 - known) > 0
        hidden_part = -(self.lines @ change)
        return np.flatnonzero(whole & some_known & some_not & _few(hidden_part, self.max_small))
