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

    `counts`: {(column, dimension, group, region): count}, every group of each dimension in each
    region, with region ALL for every region together (its regions add up to it).
    `wholes`: {dimension: {whole: its groups}}; a whole's key is
    (column, whole_dimension(dimension), whole, region).
    """
    wholes = wholes or {}
    rows = [(*key, count) for key, count in counts.items()]
    totals = {}
    for column, dimension, _group, region, count in rows:
        totals[(column, dimension, region)] = totals.get((column, dimension, region), 0) + count
    links = []
    for dimension, parts in wholes.items():
        whole = whole_dimension(dimension)
        links.append((whole, dimension, parts))
        for column, region in {(c, r) for c, d, r in totals if d == dimension}:
            for name, groups in parts.items():
                number = sum(counts.get((column, dimension, g, region), 0) for g in groups)
                rows.append((column, whole, name, region, number))
            totals[(column, whole, region)] = totals[(column, dimension, region)]
    rows += [(column, dimension, ALL, region, total) for (column, dimension, region), total in totals.items()]
    frame = pd.DataFrame(rows, columns=["metric", "dimension", "group", "region", "numerator"])
    frame = frame.assign(denominator=float("nan"), unit="count")
    # An everyone row is on the dashboards, or adds up from the page, whatever this hides.
    frame["published"] = frame["group"].eq(ALL) & ~frame["numerator"].between(1, max_small)
    result = suppress(frame, max_small=max_small, links=links)
    hidden = result[result["suppressed"] & (result["group"] != ALL)]
    return set(zip(hidden["metric"], hidden["dimension"], hidden["group"], hidden["region"], strict=True))


def whole_dimension(dimension):
    return f"{dimension} (wholes)"
