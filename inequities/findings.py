"""Which gaps are called clear: findings that survive the number of comparisons made.

Each figure's 95% interval is shown as it is. On its own, a gap whose interval excludes zero would
turn up about once in 20 comparisons even where there is no real difference, and a page makes
hundreds of comparisons (every group of every characteristic, in every region). So a gap is called
clear only after the Benjamini-Hochberg step across the family of comparisons its page makes, at a
false discovery rate of 5%: of the gaps called clear, about 1 in 20 at most is expected to be
chance.

- A figure's p-value is read from its own 95% interval: the half of the interval on the side of
  zero is taken as 1.96 standard errors, so p is below 0.05 exactly when the interval excludes zero
  (the rule each figure had on its own before).
- A family is the comparisons one dashboard page shows, in every region and for every
  characteristic, of figures disclosure control lets through (a hidden figure is not shown, so it
  is not a comparison the page makes). Figures on no page (in the export only) are one family.
- Signals are judged the same way, as one family of their own (inequities/signals.py).
"""

import math

import numpy as np
import pandas as pd

from inequities import families
from inequities.metrics import ALL, Z95

FALSE_DISCOVERY_RATE = 0.05
EACH_ON_ITS_OWN = 0.05  # a 95% interval excludes zero by chance once in 20 comparisons
EXPORT_ONLY = ""  # the family of figures no page shows

_erfc = np.vectorize(math.erfc, otypes=[float])


def benjamini_hochberg(p_values, rate=FALSE_DISCOVERY_RATE):
    """Which p-values are discoveries at false discovery rate `rate` (Benjamini and Hochberg, 1995).

    Sort the m p-values; find the largest k with p(k) <= k / m * rate; the k smallest are
    discoveries. NaN is not a test: it counts neither in m nor as a discovery. Returns booleans in
    the order given."""
    p = np.asarray(p_values, dtype=float)
    found = np.zeros(p.shape, dtype=bool)
    tested = np.flatnonzero(~np.isnan(p))
    m = len(tested)
    if m == 0:
        return found
    order = tested[np.argsort(p[tested], kind="stable")]
    within = p[order] <= rate * np.arange(1, m + 1) / m
    if within.any():
        k = np.flatnonzero(within).max() + 1
        found[order[:k]] = True
    return found


def p_value(estimate, low, high, null=0.0, z=Z95):
    """Two-sided p-value of `estimate` against `null`, read from its 95% interval (low, high): the
    half of the interval on the side of `null` is z standard errors. Below 0.05 exactly when the
    interval excludes `null`. NaN where a number is missing or the interval has no width there."""
    estimate, low, high = (np.asarray(v, dtype=float) for v in (estimate, low, high))
    null = np.asarray(null, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        half = np.where(estimate >= null, estimate - low, high - estimate)
        error = half / z
        distance = np.abs(estimate - null)
        statistic = np.where(error > 0, distance / error, np.where(distance > 0, np.inf, 0.0))
    p = _erfc(np.nan_to_num(statistic, nan=0.0, posinf=1e6) / math.sqrt(2))
    missing = np.isnan(estimate) | np.isnan(low) | np.isnan(high) | np.isnan(null)
    return np.where(missing, np.nan, p)


def family_of(metric, dimension):
    """The page whose family of comparisons a figure belongs to (EXPORT_ONLY for none): the region
    page shows the region rows of its measures, the other page of a measure the rest."""
    pages = families.METRICS[metric].pages if metric in families.METRICS else ()
    if not pages:
        return EXPORT_ONLY
    if families.BY_REGION in pages and len(pages) > 1:
        return families.BY_REGION if dimension == "region" else next(p for p in pages if p != families.BY_REGION)
    return pages[0]


def compared(figures):
    """The rows that are comparisons: a group (not everyone) shown, or shown as a band (its gap is
    read at the band's edge nearest to no difference), with its comparison and gap interval."""
    banded = figures["band"].fillna("").ne("") if "band" in figures else False
    return (
        (~figures["suppressed"].astype(bool) | banded)
        & (figures["group"] != ALL)
        & figures["comparison_rate"].notna()
        & figures["gap_low"].notna()
    )


def judge(figures):
    """`figures` with `significant` set by the false discovery rate control, page by page: True for
    a clear gap, False for a comparison that could be chance, None where nothing is compared."""
    figures = figures.copy()
    tests = compared(figures)
    p = pd.Series(
        p_value(
            pd.to_numeric(figures["gap"], errors="coerce"),
            pd.to_numeric(figures["gap_low"], errors="coerce"),
            pd.to_numeric(figures["gap_high"], errors="coerce"),
        ),
        index=figures.index,
    )
    clear = pd.Series(False, index=figures.index)
    page = pd.Series(
        [family_of(m, d) for m, d in zip(figures["metric"], figures["dimension"], strict=True)], index=figures.index
    )
    for _page, rows in figures[tests].groupby(page[tests], sort=False):
        # A comparison without a usable p-value stays in the family (it was made) as p = 1.
        clear[rows.index] = benjamini_hochberg(p[rows.index].fillna(1.0))
    figures["significant"] = clear.astype(object).where(tests, None)
    return figures


def chance_alone(comparisons):
    """About how many of `comparisons` would look clear on their own by chance alone, with no real
    difference anywhere: one in 20."""
    return round(comparisons * EACH_ON_ITS_OWN)
