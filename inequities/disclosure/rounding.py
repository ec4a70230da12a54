"""Rounding: every count that is shown is rounded to a multiple of `base` (5), the same way every
time, and the rates, intervals and gaps are worked out again from the rounded counts.

How a count x is rounded. Counts of 1 to `max_small` (7) are hidden, never rounded. 0 stays 0,
and a multiple of 5 stays as it is. Any other count goes to the multiple of 5 below or above it:
up when a number u between 0 and 1 is below (x - the multiple below) / 5, so on average a count is
not moved at all; 8 and 9 always go up to 10 (a published 5 would say "8 or 9"). So a published R
means the count is between R - 4 and R + 4 (and at least 8), and a published 0 means none.

Where u comes from. u is read from a keyed hash (HMAC-SHA256) of where the count is: its group,
region and dimension (the everyone rows of all dimensions are one place, and so are a region's
row in the region dimension and its everyone rows), with the metric for a numerator; every
denominator of one place shares it. The key is derived from INEQUITIES_ROUNDING_KEY (by default
from SECRET_KEY). So:

- the same count in the same place is rounded the same way in every table and every snapshot;
  people counted in two tables (satisfied and dissatisfied share a denominator, everyone rows
  count the same people in every dimension) get one published number;
- with one u per place, a larger count is never published smaller (x rounds to the multiple of 5
  at or below x + 5(1 - u)): a count that grows between snapshots of overlapping periods never
  shows a fall, which would pin it between the two;
- a reader without the key cannot tell which way any count went.

A count that equals its figure's denominator (everyone dissatisfied, an everyone row of a share)
takes the denominator's rounding, so a rate never passes 100%.

The audit (audit.py) may choose the other multiple for a count (`flip`) where the rounded figures
of a line, taken together, would narrow a count to fewer than five values.
"""

import hashlib
import hmac

import numpy as np
import pandas as pd

from inequities import metrics
from inequities.disclosure import bands
from inequities.metrics import ALL

REGION = "region"
DENOMINATOR = "D"


def key_from(secret):
    """The rounding key: derived from the configured secret, never the secret itself."""
    return hashlib.sha256(b"inequities-rounding:" + str(secret).encode()).digest()


def _place(dimension, group, region):
    """Where a count is, with the places that count the same people made one."""
    if group == ALL:
        return f"*|{ALL}|{region}"
    if dimension == REGION and region in (ALL, group):
        return f"*|{ALL}|{group}"
    return f"{dimension}|{group}|{region}"


def keys(frame):
    """(numerator keys, denominator keys) of every row of `frame`."""
    unit = frame["unit"].astype(str).to_numpy() if "unit" in frame else np.full(len(frame), "")
    numerator_keys, denominator_keys = [], []
    columns = zip(frame["metric"], frame["dimension"], frame["group"], frame["region"], unit, strict=True)
    for metric, dimension, group, region, kind in columns:
        place = _place(dimension, group, region)
        # A share's denominator is its table's total: everyone in the region, in every dimension.
        total = f"{DENOMINATOR}|{_place(dimension, ALL, region)}"
        denominator_keys.append(total if kind == "share" else f"{DENOMINATOR}|{place}")
        shared = kind == "share" and place.startswith("*|")  # a share's everyone: its table's total
        numerator_keys.append(f"{DENOMINATOR}|{place}" if shared else f"{metric}|{place}")
    return np.array(numerator_keys, dtype=object), np.array(denominator_keys, dtype=object)


def draws(key, names):
    """u in [0, 1) for each name, from the keyed hash (each distinct name hashed once)."""
    found = {}
    for name in set(names):
        digest = hmac.new(key, name.encode(), hashlib.sha256).digest()
        found[name] = int.from_bytes(digest[:8], "big") / 2**64
    return np.array([found[n] for n in names], dtype=float)


def rounded(values, u, base=5, smallest=10, flipped=None):
    """`values` rounded as the module says (NaN stays NaN); `flipped` (bool) takes the other multiple."""
    values = np.asarray(values, dtype=float)
    below = np.floor(values / base) * base
    up = u < (values - below) / base
    if flipped is not None:
        up = np.where(flipped & (values != below), ~up, up)
    result = np.where(up, below + base, below)
    result = np.where((values > 0) & (result < smallest), smallest, result)
    return np.where(np.isnan(values) | (values == 0), values, result)


def flippable(values, base=5, smallest=10):
    """Counts whose other multiple of 5 is also one they may be published as."""
    values = np.asarray(values, dtype=float)
    below = np.floor(values / base) * base
    return ~np.isnan(values) & (values != below) & (below >= smallest)


def republish(frame, residents_key, max_small):
    """Rates, intervals, comparisons and gaps worked out again from the rounded `numerator` and
    `denominator` of the shown rows (`suppressed` False), and of banded shares from their band
    (1 to `max_small`, or all but that) and rounded total: nothing published carries more than the
    rounded counts and the bands do. A group's comparison is everyone's row less its own (both rounded), where
    everyone's row is shown; a share's comparison is the group's share of residents, rounded."""
    result = frame
    shown = ~result["suppressed"].astype(bool).to_numpy()
    unit = result["unit"].astype(str).to_numpy()
    n = result["numerator"].to_numpy(dtype=float, na_value=np.nan)
    d = result["denominator"].to_numpy(dtype=float, na_value=np.nan)
    everyone = _everyone(result, shown)
    group = result["group"].to_numpy() != ALL
    columns = {c: result[c].to_numpy(dtype=float, na_value=np.nan).copy() for c in metrics_columns(result)}
    with np.errstate(divide="ignore", invalid="ignore"):
        for kind, per in (("proportion", 1.0), ("per_1000", 1000.0)):
            rows = shown & (unit == kind)
            if not rows.any():
                continue
            rate = np.where(d > 0, n / d, np.nan)
            if kind == "proportion":
                low, high = metrics.wilson_interval(n, d)
            else:
                low, high = metrics.byar_interval(n, d)
            _put(columns, rows, rate=rate * per, ci_low=low * per, ci_high=high * per)
            other_d = everyone["denominator"] - d
            other_n = np.clip(everyone["numerator"] - n, 0, np.where(kind == "proportion", other_d, np.inf))
            compared = rows & group & (other_d > 0) & ~np.isnan(other_n)
            other = np.where(other_d > 0, other_n / other_d, np.nan)
            if kind == "proportion":
                gap_low, gap_high = metrics.difference_interval(n, d, other_n, other_d)
                scale = 100.0
            else:
                gap_low, gap_high = metrics.mover_interval(
                    rate, low, high, other, *metrics.byar_interval(other_n, other_d)
                )
                scale = per
            _put(
                columns,
                compared,
                comparison_rate=other * per,
                gap=(rate - other) * scale,
                gap_low=gap_low * scale,
                gap_high=gap_high * scale,
            )
            _put(columns, rows & ~compared & group, comparison_rate=np.nan, gap=np.nan, gap_low=np.nan, gap_high=np.nan)
        rows = shown & (unit == "share")
        if rows.any():
            rate = np.where(d > 0, n / d, np.nan)
            low, high = metrics.wilson_interval(n, d)
            _put(columns, rows, rate=rate)
            _put(columns, rows & ~np.isnan(columns["ci_low"]), ci_low=low, ci_high=high)
            share = _residents_share(result, residents_key)
            compared = rows & ~np.isnan(columns["comparison_rate"])
            _put(
                columns,
                compared,
                comparison_rate=share,
                gap=(rate - share) * 100,
                gap_low=(low - share) * 100,
                gap_high=(high - share) * 100,
            )
    if "band" in result:
        # A banded share (bands.py): its interval over the whole band, its gap at the band's edge.
        band = result["band"].to_numpy()
        banded = (band != bands.NONE) & (unit == "share")
        if banded.any():
            share = _residents_share(result, residents_key)
            low, high, gap, gap_low, gap_high = bands.intervals(result["band"].to_numpy(), d, share, max_small)
            _put(columns, banded, rate=np.nan)
            _put(columns, banded & _present(columns, "ci_low", len(result)), ci_low=low, ci_high=high)
            compared = banded & _present(columns, "comparison_rate", len(result)) & ~np.isnan(share)
            _put(columns, compared, comparison_rate=share, gap=gap, gap_low=gap_low, gap_high=gap_high)
            _put(columns, banded & ~compared, comparison_rate=np.nan, gap=np.nan, gap_low=np.nan, gap_high=np.nan)
    for column, values in columns.items():
        result[column] = values
    if "significant" in result:
        clear = (result["gap_low"] > 0) | (result["gap_high"] < 0)
        result["significant"] = clear.where(result["gap_low"].notna(), None)
    return result


def metrics_columns(frame):
    names = ("rate", "ci_low", "ci_high", "comparison_rate", "gap", "gap_low", "gap_high")
    return [c for c in names if c in frame]


def _present(columns, name, size):
    return ~np.isnan(columns[name]) if name in columns else np.zeros(size, dtype=bool)


def _put(columns, rows, **values):
    for name, value in values.items():
        if name in columns:
            columns[name] = np.where(rows, value, columns[name])


def _everyone(frame, shown):
    """Each row's everyone row's rounded counts (same metric, dimension and region), NaN where that
    row is hidden."""
    keys = ["metric", "dimension", "region"]
    total = frame[(frame["group"] == ALL) & shown][[*keys, "numerator", "denominator"]]
    total = total.drop_duplicates(keys)
    merged = frame[keys].merge(total, on=keys, how="left")
    return {c: merged[c].to_numpy(dtype=float, na_value=np.nan) for c in ("numerator", "denominator")}


def _residents_share(frame, residents_key):
    """Each row's group's share of residents, from the rounded residents' figures: NaN where that
    figure is hidden; 0 where no resident is in the group (no residents' figure) and everyone's is shown."""
    keys = ["dimension", "group", "region"]
    residents = frame[(frame["metric"] == residents_key)][[*keys, "numerator", "denominator", "suppressed"]]
    residents = residents.drop_duplicates(keys)
    merged = frame[keys].merge(residents, on=keys, how="left")
    n = merged["numerator"].to_numpy(dtype=float, na_value=np.nan)
    d = merged["denominator"].to_numpy(dtype=float, na_value=np.nan)
    nobody = merged["suppressed"].isna().to_numpy()
    hidden = merged["suppressed"].astype("boolean").fillna(True).to_numpy(dtype=bool)
    everyone = residents[residents["group"] == ALL].drop(columns="group").drop_duplicates(["dimension", "region"])
    counted = frame[["dimension", "region"]].merge(everyone, on=["dimension", "region"], how="left")
    counted = counted["suppressed"].astype("boolean").fillna(True).eq(False).to_numpy(dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(~hidden & (d > 0), n / d, np.nan)
    return np.where(nobody & counted & (frame["group"].to_numpy() != ALL), 0.0, share)


__all__ = ["draws", "flippable", "key_from", "keys", "republish", "rounded", "pd"]
