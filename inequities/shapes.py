"""How each family's counts become figures: pure functions from a query's frame to figure rows.

Each takes (counts, family, residents): the frame its query returned (by dimension, group and
region), the family's declaration in `inequities/families.py` (which names the metrics and the
columns that are their numerators and denominator) and the residents' counts (the population that
shares are compared with). The arithmetic is in `inequities/metrics.py`.
"""

import pandas as pd

from inequities import metrics
from inequities.metrics import KEYS


def _part(counts, metric):
    """The query's rows for one metric, named by its key."""
    rows = counts[counts["metric"] == metric.part] if metric.part else counts
    return rows.assign(metric=metric.key)


def population(counts, family, residents):
    """Each group's share of the residents, per region and for all regions."""
    frame = _part(counts, family.metrics[0]).rename(columns={"count": "numerator"})
    frame = metrics.with_all_regions(frame[KEYS + ["numerator"]], ["numerator"])
    frame["denominator"] = frame.groupby(["metric", "dimension", "region"])["numerator"].transform("sum")
    frame = metrics.with_everyone(frame)
    frame["denominator"] = frame.groupby(["metric", "dimension", "region"])["numerator"].transform("max")
    frame["rate"] = frame["numerator"] / frame["denominator"]
    return frame


def rates(counts, family, residents):
    """Proportions: each metric's count out of the family's denominator, groups against everyone else."""
    columns = KEYS + ["numerator", "denominator"]
    frames = [
        _part(counts, metric).rename(columns={metric.count: "numerator", family.denominator: "denominator"})[columns]
        for metric in family.metrics
    ]
    counts = pd.concat(frames, ignore_index=True)
    return counts if counts.empty else _rates(counts)


def shares(counts, family, residents):
    """Each group's share of those counted (responses, panel members, participants) against its
    share of residents, for every metric of the family."""
    frames = []
    for metric in family.metrics:
        table = _part(counts, metric)
        if table.empty:
            continue
        population = residents.assign(metric=metric.key)
        frames.append(
            metrics.share_of_voice(
                metrics.with_all_regions(table[KEYS + ["count"]], ["count"]),
                metrics.with_all_regions(population[KEYS + ["count"]], ["count"]),
            )
        )
    return pd.concat(frames, ignore_index=True) if frames else counts.iloc[0:0]


def medians(histogram, family, residents):
    """Each group's median from the query's histogram (how many took each number of days)."""
    if histogram.empty:
        return histogram
    histogram = _part(histogram, family.metrics[0])
    everywhere = histogram.groupby(["metric", "dimension", "group", "days"], as_index=False)["count"].sum()
    return metrics.medians(pd.concat([histogram, everywhere.assign(region=metrics.ALL)], ignore_index=True))


def events_per_1000(counts, family, residents):
    """Events per 1,000 of the denominator (complaints per 1,000 households); everyone's row alone
    in its table has no comparison."""
    metric = family.metrics[0]
    counts = _part(counts, metric).rename(columns={metric.count: "numerator", family.denominator: "denominator"})
    with_regions = metrics.with_all_regions(counts[KEYS + ["numerator", "denominator"]])
    compared = metrics.event_rates(with_regions)
    everyone = metrics.with_everyone(with_regions).query("group == @metrics.ALL")
    everyone = metrics.event_rates(everyone)  # alone in its table: no comparison
    return pd.concat([compared, everyone], ignore_index=True)


def _rates(counts):
    """Groups against everyone else, per region and for all regions, plus everyone's own row."""
    with_regions = metrics.with_all_regions(counts)
    compared = metrics.proportions(with_regions)
    everyone = metrics.with_everyone(with_regions).query("group == @metrics.ALL")
    everyone = everyone.assign(rate=everyone["numerator"] / everyone["denominator"].where(everyone["denominator"] > 0))
    low, high = metrics.wilson_interval(everyone["numerator"], everyone["denominator"])
    everyone = everyone.assign(ci_low=low, ci_high=high)
    return pd.concat([compared, everyone], ignore_index=True)
