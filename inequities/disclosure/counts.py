"""Tables of plain counts through the one disclosure control: the representation review's.

Each column of such a page (residents, panel members, people who took part) is a metric; its
dimensions' groups add up to an everyone row, which the page does not print but a reader can add up
or read on the dashboards, so it is a figure like any other. `wholes` declares what else a page lets
a reader add up: the representation review shows shares of known answers, which give away how many
answered, and so how many did not.
"""

import pandas as pd

from inequities.disclosure import DEFAULT_MAX_SMALL, suppress
from inequities.metrics import ALL


def hidden_counts(counts, wholes=None, max_small=DEFAULT_MAX_SMALL):
    """The keys of `counts` that must not be shown, and of the wholes whose total must not be given.

    `counts`: {(column, dimension, group): count}, every group of each dimension in one region.
    `wholes`: {dimension: {whole: its groups}}; a whole's key is (column, whole_dimension(dimension), whole).
    """
    wholes = wholes or {}
    rows = [(column, dimension, group, count) for (column, dimension, group), count in counts.items()]
    totals = {}
    for column, dimension, _group, count in rows:
        totals[(column, dimension)] = totals.get((column, dimension), 0) + count
    links = []
    for dimension, parts in wholes.items():
        whole = whole_dimension(dimension)
        links.append((whole, dimension, parts))
        for column in {c for c, d in totals if d == dimension}:
            for name, groups in parts.items():
                rows.append((column, whole, name, sum(counts.get((column, dimension, g), 0) for g in groups)))
            totals[(column, whole)] = totals[(column, dimension)]
    rows += [(column, dimension, ALL, total) for (column, dimension), total in totals.items()]
    frame = pd.DataFrame(rows, columns=["metric", "dimension", "group", "numerator"])
    frame = frame.assign(region=ALL, denominator=float("nan"), unit="count")
    result = suppress(frame, max_small=max_small, links=links)
    hidden = result[result["suppressed"] & (result["group"] != ALL)]
    return set(zip(hidden["metric"], hidden["dimension"], hidden["group"], strict=True))


def whole_dimension(dimension):
    return f"{dimension} (wholes)"
