"""An attacker written apart from the product: which hidden figures the published ones give away.

It knows what a reader of the figures knows: in each metric, a dimension's groups add up to its
everyone row, the regions add up to all regions, every dimension's everyone row counts the same
people, and a deprivation fifth is two tenths. A hidden count is given away when those equations
fix it, that is when it has no freedom in the null space of the equations over the hidden counts.
"""

from collections import defaultdict

import numpy as np
from scipy.linalg import null_space

ALL = "all"
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
        found += [(metric, *key) for key in _fixed(cells, more[metric])]
    return found


def _equations(cells):
    lines = defaultdict(list)
    for dimension, group, region in cells:
        if group != ALL:
            lines[("g", dimension, region)].append((dimension, group, region))
        if region != ALL:
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


def _fixed(cells, more=()):
    hidden = sorted(key for key, suppressed in cells.items() if suppressed)
    if not hidden:
        return []
    order = {key: i for i, key in enumerate(hidden)}
    rows = []
    for terms in [*_equations(cells), *more]:
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
