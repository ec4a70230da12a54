"""Pure functions that turn small aggregate frames into figures: rates, intervals, comparisons, gaps.

DataFrames in, DataFrames out: no ORM, no I/O. Rates are proportions between 0 and 1; gaps are in
percentage points. Intervals are 95% Wilson score intervals; the interval of a difference between
two independent proportions is Newcombe's hybrid score interval (his method 10), built from the two
Wilson intervals.
"""

import numpy as np
import pandas as pd

Z95 = 1.959963984540054
KEYS = ["metric", "dimension", "group", "region"]
ALL = "all"  # the group or region label for everyone


def wilson_interval(successes, trials, z=Z95):
    """Wilson score interval for successes/trials (scalars or aligned arrays); NaN where trials is 0."""
    successes = np.asarray(successes, dtype=float)
    trials = np.asarray(trials, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = successes / trials
        z2 = z * z
        denominator = 1 + z2 / trials
        centre = (p + z2 / (2 * trials)) / denominator
        half = z * np.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / denominator
    low = np.where(trials > 0, np.clip(centre - half, 0, 1), np.nan)
    high = np.where(trials > 0, np.clip(centre + half, 0, 1), np.nan)
    return low, high


def difference_interval(x1, n1, x2, n2, z=Z95):
    """Newcombe's hybrid score interval for p1 - p2 (independent samples)."""
    x1, n1, x2, n2 = (np.asarray(v, dtype=float) for v in (x1, n1, x2, n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson_interval(x1, n1, z)
    l2, u2 = wilson_interval(x2, n2, z)
    d = p1 - p2
    low = d - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return low, high


def proportions(counts):
    """Rates with intervals, and each group against everyone else in the same dimension and region.

    `counts` has one row per (metric, dimension, group, region) with `numerator` and `denominator`;
    the groups of a dimension must partition the people counted (missing answers are groups too).
    Adds: rate, ci_low, ci_high, comparison_rate, gap, gap_low, gap_high, significant.
    """
    frame = counts.copy()
    frame["rate"] = _ratio(frame["numerator"], frame["denominator"])
    frame["ci_low"], frame["ci_high"] = wilson_interval(frame["numerator"], frame["denominator"])
    totals = frame.groupby(["metric", "dimension", "region"])[["numerator", "denominator"]].transform("sum")
    other_numerator = totals["numerator"] - frame["numerator"]
    other_denominator = totals["denominator"] - frame["denominator"]
    frame["comparison_rate"] = _ratio(other_numerator, other_denominator)
    frame["gap"] = (frame["rate"] - frame["comparison_rate"]) * 100
    low, high = difference_interval(frame["numerator"], frame["denominator"], other_numerator, other_denominator)
    frame["gap_low"], frame["gap_high"] = low * 100, high * 100
    frame["significant"] = (frame["gap_low"] > 0) | (frame["gap_high"] < 0)
    return frame


def share_of_voice(responses, residents):
    """Each group's share of all responses against its share of all residents.

    Both frames: (metric, dimension, group, region) with `count`. The figure's numerator is the
    group's responses and its denominator all responses; the comparison is the group's share of
    residents. A negative gap means the group is heard less than its size.
    """
    merged = residents.rename(columns={"count": "residents"}).merge(
        responses.rename(columns={"count": "responses"}), on=KEYS, how="left"
    )
    merged["responses"] = merged["responses"].fillna(0).astype(int)
    by = ["metric", "dimension", "region"]
    merged["numerator"] = merged["responses"]
    merged["denominator"] = merged.groupby(by)["responses"].transform("sum")
    resident_total = merged.groupby(by)["residents"].transform("sum")
    merged["rate"] = _ratio(merged["numerator"], merged["denominator"])
    merged["ci_low"], merged["ci_high"] = wilson_interval(merged["numerator"], merged["denominator"])
    merged["comparison_rate"] = _ratio(merged["residents"], resident_total)
    merged["gap"] = (merged["rate"] - merged["comparison_rate"]) * 100
    # The residents' share is a count of the whole population, not a sample: only the response
    # share is uncertain, so the gap is clear when its interval excludes the population share.
    merged["gap_low"] = (merged["ci_low"] - merged["comparison_rate"]) * 100
    merged["gap_high"] = (merged["ci_high"] - merged["comparison_rate"]) * 100
    merged["significant"] = (merged["gap_low"] > 0) | (merged["gap_high"] < 0)
    return merged.drop(columns=["residents", "responses"])


def _ratio(numerator, denominator):
    numerator = pd.Series(numerator, dtype=float)
    denominator = pd.Series(denominator, dtype=float)
    return (numerator / denominator.where(denominator > 0)).astype(float)


def with_all_regions(counts, value_columns=("numerator", "denominator")):
    """Add region=ALL rows: each group's counts summed over the regions."""
    columns = list(value_columns)
    summed = counts.groupby(["metric", "dimension", "group"], as_index=False)[columns].sum()
    summed["region"] = ALL
    return pd.concat([counts, summed[KEYS + columns]], ignore_index=True)


def with_everyone(counts, value_columns=("numerator", "denominator")):
    """Add group=ALL rows: the counts for everyone, summed over the groups of each dimension."""
    columns = list(value_columns)
    summed = counts.groupby(["metric", "dimension", "region"], as_index=False)[columns].sum()
    summed["group"] = ALL
    return pd.concat([counts, summed[KEYS + columns]], ignore_index=True)


def byar_interval(events, exposure, z=Z95):
    """Byar's approximation to the exact Poisson interval for a rate of events per unit exposure."""
    x = np.asarray(events, dtype=float)
    n = np.asarray(exposure, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        low_count = np.where(x > 0, x * (1 - 1 / (9 * x) - z / (3 * np.sqrt(x))) ** 3, 0.0)
        y = x + 1
        high_count = y * (1 - 1 / (9 * y) + z / (3 * np.sqrt(y))) ** 3
        low, high = low_count / n, high_count / n
    return np.where(n > 0, low, np.nan), np.where(n > 0, high, np.nan)


def event_rates(counts, per=1000):
    """Rates of events (`numerator`) per `per` units of exposure (`denominator`), each group against
    everyone else in its dimension and region, with Byar intervals; the gap is in the same units,
    and is clear when the interval of the difference (MOVER, from the two Byar intervals) excludes 0."""
    frame = counts.copy()
    totals = frame.groupby(["metric", "dimension", "region"])[["numerator", "denominator"]].transform("sum")
    other_n, other_d = totals["numerator"] - frame["numerator"], totals["denominator"] - frame["denominator"]
    frame["rate"] = _ratio(frame["numerator"], frame["denominator"]) * per
    low, high = byar_interval(frame["numerator"], frame["denominator"])
    frame["ci_low"], frame["ci_high"] = low * per, high * per
    frame["comparison_rate"] = _ratio(other_n, other_d) * per
    other_low, other_high = byar_interval(other_n, other_d)
    return _with_difference(frame, other_low * per, other_high * per, scale=1)


def medians(histogram):
    """Each group's median (with a 95% interval) from counts of how many took each value.

    `histogram`: (metric, dimension, group, region, days, count), region=ALL rows included. The
    comparison is the median of everyone else in the dimension and region; the gap (in the value's
    own units) and its interval use MOVER from the two medians' intervals. The interval of a median
    is the distribution-free one from the order statistics at ranks n/2 -/+ z*sqrt(n)/2.
    """
    by = ["metric", "dimension", "region"]
    # Each (metric, dimension, region)'s values, and how many took each, as dense arrays: a group's
    # own counts and everyone else's are then arrays on the same values.
    totals = {key: _dense(table) for key, table in histogram.groupby(by, sort=False)}
    rows = []
    for (metric, dimension, group, region), table in histogram.groupby(KEYS, sort=False):
        values, total = totals[(metric, dimension, region)]
        own = np.zeros_like(total)
        np.add.at(own, np.searchsorted(values, table["days"].to_numpy(dtype=float)), table["count"].to_numpy(float))
        others = total - own
        rows.append(
            (metric, dimension, group, region, *_median_with_interval(values, own),
             *_median_with_interval(values, others))
        )  # fmt: skip
    for (metric, dimension, region), (values, total) in totals.items():
        rows.append((metric, dimension, ALL, region, *_median_with_interval(values, total), 0, np.nan, np.nan, np.nan))
    columns = [
        *KEYS,
        "denominator",
        "rate",
        "ci_low",
        "ci_high",
        "other_n",
        "comparison_rate",
        "other_low",
        "other_high",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["numerator"] = np.nan
    frame = _with_difference(frame, frame["other_low"], frame["other_high"], scale=1)
    return frame.drop(columns=["other_n", "other_low", "other_high"])


def _dense(table):
    """(the distinct values in order, how many took each) of a histogram's rows."""
    values, where = np.unique(table["days"].to_numpy(dtype=float), return_inverse=True)
    return values, np.bincount(where, weights=table["count"].to_numpy(dtype=float), minlength=len(values))


def _median_with_interval(values, counts, z=Z95):
    """(n, median, low, high) of `values` (sorted) weighted by `counts` (aligned arrays)."""
    taken = counts > 0
    values, counts = values[taken], counts[taken]
    n = int(round(counts.sum()))
    if n == 0:
        return 0, np.nan, np.nan, np.nan
    cumulative = np.cumsum(counts)

    def at_rank(rank):  # the value of the rank-th smallest observation, rank 1..n
        rank = min(max(int(rank), 1), n)
        return values[np.searchsorted(cumulative, rank)]

    median = (at_rank((n + 1) // 2) + at_rank(n // 2 + 1)) / 2
    half = z * np.sqrt(n) / 2
    return n, median, at_rank(np.floor(n / 2 - half)), at_rank(np.ceil(1 + n / 2 + half))


def mover_interval(a, a_low, a_high, b, b_low, b_high):
    """The MOVER interval of a - b (Zou and Donner 2008) from each estimate's own interval, for
    independent estimates. From two Wilson intervals it is Newcombe's hybrid score interval."""
    a, a_low, a_high, b, b_low, b_high = (np.asarray(v, dtype=float) for v in (a, a_low, a_high, b, b_low, b_high))
    d = a - b
    return d - np.sqrt((a - a_low) ** 2 + (b_high - b) ** 2), d + np.sqrt((a_high - a) ** 2 + (b - b_low) ** 2)


def _with_difference(frame, other_low, other_high, scale):
    """Gap = rate - comparison, with the MOVER interval built from both intervals."""
    frame["gap"] = (frame["rate"] - frame["comparison_rate"]) * scale
    low, high = mover_interval(
        frame["rate"], frame["ci_low"], frame["ci_high"], frame["comparison_rate"], other_low, other_high
    )
    frame["gap_low"], frame["gap_high"] = low * scale, high * scale
    frame["significant"] = (frame["gap_low"] > 0) | (frame["gap_high"] < 0)
    return frame
