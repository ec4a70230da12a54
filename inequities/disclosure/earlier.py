"""Snapshots published before: a reader who kept one can subtract it from the new one.

Two snapshots whose periods overlap count many of the same people, so where both show a figure a
reader can subtract. With every count rounded the same way (rounding.py: one keyed draw per place,
so a count that grows is never published smaller) two published counts of one figure are equal or
5 or more apart, and the audit's ranges hold across snapshots. Snapshots published before rounding
showed exact counts: a figure whose new, rounded count is 1 to `max_small` (4) away from what such
a snapshot showed of it would narrow the change, so it is hidden (read in one query: the distinct
shown values of every overlapping snapshot).

Rounding alone does not make two snapshots safe together: a count "fewer than 8" before and shown
now is at most what is shown now, and that can narrow it with the lines it was in. The audit solves
the new snapshot together with those published before it (`frames`) and opens what they narrow.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

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
    region, numerator, denominator) of any overlapping snapshot. `frames`: the snapshots published
    before whose periods the new one holds, oldest first, whole (unit, rounded counts, `suppressed`,
    `band`), for the audit across them (audit.py). `newest`, `newest_facts`: digests of the newest
    frame and of the counts it was published from, blank where not known."""

    values: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=[*KEYS, "numerator", "denominator"]))
    frames: list = field(default_factory=list)
    newest: str = ""  # what the audit reads of the newest of `frames`, as a digest (services.growing_digest)
    newest_facts: str = ""  # what the newest snapshot counted (services.facts_digest)

    def without_newest(self):
        """The same, without the newest of `frames`."""
        return Earlier(values=self.values, frames=self.frames[:-1])

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

    def growing(self, metrics=None):
        """`frames`, each with only the figures of `metrics` (None: all): a reader can tell how an
        earlier count stands to the same count now only where counts only grow."""
        if metrics is None:
            return list(self.frames)
        return [frame[frame["metric"].isin(metrics)].reset_index(drop=True) for frame in self.frames]
