"""Bands: a share whose one small count is its own is published as a band, not hidden blank
(docs/adr/0012-bands-for-small-shares.md).

A share (people of one group among everyone counted in its region: those who answered a survey,
who took part, on the panel) is hidden when its count or its remainder is 1 to `max_small` (7).
With its table's total shown, a reader already knows which: the count is 1 to 7, or all but 1 to
7 of the total are in the group. So the hidden share says as much, in words:

- FEWER: "fewer than 8" (the count is 1 to 7);
- ALL_BUT: "all but 1 to 7" (the remainder, total less the count, is 1 to 7).

Its interval is the whole band's: from the lower 95% bound of the share at the band's lowest count
to the upper bound at its highest, each of the published (rounded) total. Its gap against the
group's share of residents is read at the band's edge nearest to no difference, so a gap called
clear is clear for every count in the band (0 where the band holds the residents' share). Nothing
in it is worked out from more than the band and the rounded total.

The audit (audit.py) knows the band: a banded count lies from 1 to 7 (or its remainder does), and
the band must still leave a reader six or more possible values.
"""

import numpy as np

from inequities import metrics
from inequities.metrics import ALL

FEWER, ALL_BUT = "fewer", "all_but"
NONE = ""
BANDED_UNITS = ("share",)


def candidates(frame, hidden, max_small):
    """Each row's band: FEWER or ALL_BUT for a hidden group share or proportion whose only small
    count is its count or its remainder (its total, or denominator, more than `max_small`), else
    NONE."""
    unit = frame["unit"].astype(str).to_numpy() if "unit" in frame else np.full(len(frame), "")
    n = frame["numerator"].to_numpy(dtype=float, na_value=np.nan)
    d = frame["denominator"].to_numpy(dtype=float, na_value=np.nan)
    small = _between(n, 1, max_small)
    remainder_small = _between(d - n, 1, max_small)
    eligible = hidden & np.isin(unit, BANDED_UNITS) & frame["group"].ne(ALL).to_numpy() & (d > max_small)
    return np.where(
        eligible & small & ~remainder_small,
        FEWER,
        np.where(eligible & remainder_small & ~small, ALL_BUT, NONE),
    ).astype(object)


def with_total_shown(frame, band, hidden):
    """`band` less the shares whose table total (everyone's row of its metric and region) is
    hidden: a share's band is read against the total."""
    if not (band != NONE).any():
        return band
    everyone = frame["group"].eq(ALL).to_numpy()
    hidden_totals = set(
        zip(frame["metric"].to_numpy()[everyone & hidden], frame["region"].to_numpy()[everyone & hidden], strict=True)
    )
    if not hidden_totals:
        return band
    keys = zip(frame["metric"], frame["region"], strict=True)
    without = np.array([key in hidden_totals for key in keys], dtype=bool) & frame["unit"].eq("share").to_numpy()
    return np.where(without, NONE, band).astype(object)


def counts(band, total, max_small):
    """(least, most) count of each banded row, given its published `total`; NaN elsewhere."""
    least = np.where(band == FEWER, 1.0, np.where(band == ALL_BUT, total - max_small, np.nan))
    most = np.where(band == FEWER, float(max_small), np.where(band == ALL_BUT, total - 1, np.nan))
    return least, most


def intervals(band, total, share, max_small):
    """For banded shares: (ci_low, ci_high, gap, gap_low, gap_high), the interval of the share over
    the whole band and its gap against `share` (the group's share of residents; gaps in points)."""
    least, most = counts(band, total, max_small)
    with np.errstate(divide="ignore", invalid="ignore"):
        low, _ = metrics.wilson_interval(least, total)
        _, high = metrics.wilson_interval(most, total)
        below, above = most / total - share, least / total - share
    gap = np.where(below < 0, below, np.where(above > 0, above, 0.0))
    return low, high, gap * 100, (low - share) * 100, (high - share) * 100


def _between(values, low, high):
    with np.errstate(invalid="ignore"):
        return (values >= low) & (values <= high)
