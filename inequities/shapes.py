"""How each family's counts become figures: pure functions from a query's frame to figure rows.

Each takes (counts, family, residents): the frame its query returned (by dimension, group and
region), the family's declaration in `inequities/families.py` (which names the metrics and the
columns that are their numerators and denominator) and the residents' counts (the population that
shares are compared with). The arithmetic is in `inequities/metrics.py`.
"""

import pandas as pd

from inequities import extract, metrics
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
    """Each group's share of those counted (survey responses) against its share of residents, for
    every metric of the family, in the dimensions the family's query counts by (residents are also
    counted by the representation review's own questions, which only that review shows)."""
    frames = []
    for metric in family.metrics:
        table = _part(counts, metric)
        if table.empty:
            continue
        population = residents[residents["dimension"].isin(set(table["dimension"]))].assign(metric=metric.key)
        frames.append(
            metrics.share_of_voice(
                metrics.with_all_regions(table[KEYS + ["count"]], ["count"]),
                metrics.with_all_regions(population[KEYS + ["count"]], ["count"]),
            )
        )
    return pd.concat(frames, ignore_index=True) if frames else counts.iloc[0:0]


def representation_counts(counts, family):
    """The representation query's frame as counts by metric, group and region, with region ALL for
    every region together: named and unnamed participants added up; unnamed people at an activity
    for every region count in every region together only."""
    panel, participants = family.metrics
    named = counts[counts["metric"] != extract.UNNAMED]
    named = named.assign(metric=named["metric"].map({panel.part: panel.key, participants.part: participants.key}))
    unnamed = counts[counts["metric"] == extract.UNNAMED].assign(metric=participants.key)
    regional = pd.concat([named, unnamed[unnamed["region"] != metrics.ALL]], ignore_index=True)
    regional = regional.groupby(KEYS, as_index=False)["count"].sum()
    table = pd.concat([metrics.with_all_regions(regional, ["count"]), unnamed[unnamed["region"] == metrics.ALL]])
    return table.groupby(KEYS, as_index=False, sort=False)["count"].sum()


def representation(counts, family, residents):
    """Panel members and people who took part (named, and unnamed from activities' headcounts): each
    group's share against its share of residents, with everyone's row, which the representation
    review's columns add up to."""
    table = representation_counts(counts, family)
    frames = []
    for metric, rows in table.groupby("metric", sort=False):
        population = metrics.with_all_regions(residents.assign(metric=metric)[KEYS + ["count"]], ["count"])
        # People counted in groups no resident is in (unnamed people at an activity for every region
        # have none) are compared with no residents.
        absent = rows.merge(population[KEYS], on=KEYS, how="left", indicator=True)
        absent = absent[absent["_merge"] == "left_only"][KEYS].assign(count=0)
        frames.append(metrics.share_of_voice(rows, pd.concat([population, absent], ignore_index=True)))
    if not frames:
        return counts.iloc[0:0]
    found = pd.concat(frames, ignore_index=True)
    everyone = found.groupby(["metric", "dimension", "region"], as_index=False)["numerator"].sum()
    # A region with nobody counted keeps its everyone row (of 0) beside its groups' rows of 0.
    everyone = everyone.assign(group=metrics.ALL, denominator=everyone["numerator"])
    everyone["rate"] = (everyone["numerator"] > 0).map({True: 1.0, False: float("nan")})
    return pd.concat([found, everyone], ignore_index=True)


def medians(histogram, family, residents):
    """Each group's median from the query's histogram (how many took each number of days)."""
    if histogram.empty:
        return histogram
    histogram = _part(histogram, family.metrics[0])
    everywhere = histogram.groupby(["metric", "dimension", "group", "days"], as_index=False)["count"].sum()
    return metrics.medians(pd.concat([histogram, everywhere.assign(region=metrics.ALL)], ignore_index=True))


def events_per_1000(counts, family, residents):
    """Events per 1,000 of the denominator (complaints per 1,000 households), for each metric of the
    family (its `count` column the events); everyone's row alone in its table has no comparison."""
    frames = []
    for metric in family.metrics:
        table = _part(counts, metric).rename(columns={metric.count: "numerator", family.denominator: "denominator"})
        with_regions = metrics.with_all_regions(table[KEYS + ["numerator", "denominator"]])
        compared = metrics.event_rates(with_regions)
        everyone = metrics.with_everyone(with_regions).query("group == @metrics.ALL")
        everyone = metrics.event_rates(everyone)  # alone in its table: no comparison
        frames += [compared, everyone]
    return pd.concat(frames, ignore_index=True)


def _rates(counts):
    """Groups against everyone else, per region and for all regions, plus everyone's own row."""
    with_regions = metrics.with_all_regions(counts)
    compared = metrics.proportions(with_regions)
    everyone = metrics.with_everyone(with_regions).query("group == @metrics.ALL")
    everyone = everyone.assign(rate=everyone["numerator"] / everyone["denominator"].where(everyone["denominator"] > 0))
    low, high = metrics.wilson_interval(everyone["numerator"], everyone["denominator"])
    everyone = everyone.assign(ci_low=low, ci_high=high)
    return pd.concat([compared, everyone], ignore_index=True)
