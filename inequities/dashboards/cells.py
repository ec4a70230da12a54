"""How a figure's numbers read in a table's cells (the page and its CSV print the same strings)."""

from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from inequities.families import PER_1000, WORKING_DAYS

HIDDEN = _("hidden")
FEWER = _("fewer than 8")
ALL_BUT = _("all but 1 to 7")
BANDS = {"fewer": FEWER, "all_but": ALL_BUT}


def number(value, unit):
    """A rate as the page prints it."""
    if value is None:
        return ""
    if unit in (PER_1000, WORKING_DAYS):
        return f"{value:,.1f}"
    return f"{value * 100:.1f}%"


def count(value):
    return "" if value is None else f"{value:,.0f}"


def gap_unit(unit):
    if unit == PER_1000:
        return _g("per 1,000")
    if unit == WORKING_DAYS:
        return _g("working days")
    return _g("points")


def gap_words(gap, unit):
    if gap is None:
        return ""
    if round(gap, 1) == 0:
        return _g("no difference")
    direction = _g("higher") if gap > 0 else _g("lower")
    return f"{abs(gap):.1f} {gap_unit(unit)} {direction}"


def interval(low, high, suffix=""):
    if low is None or high is None:
        return ""
    return _g("%(low)s to %(high)s") % {"low": low, "high": high} + suffix


def clear(significant, gap_low=None, gap_high=None):
    """Whether the gap is called clear (inequities/findings.py). A gap whose interval misses zero
    but that the page's many comparisons could give by chance says so."""
    if significant is None:
        return ""
    if significant:
        return _g("Yes, a clear difference")
    if gap_low is not None and gap_high is not None and (gap_low > 0 or gap_high < 0):
        return _g("No, could be chance among this many comparisons")
    return _g("No, could be chance")


def based_on(figure, unit):
    """What a rate is based on: its denominator, or its numerator "of" its denominator."""
    if unit in (PER_1000, WORKING_DAYS):
        return count(figure.denominator)
    if figure.denominator is None:  # a share of a total that is hidden: the count alone
        return count(figure.numerator)
    return of(figure.numerator, figure.denominator)


def of(numerator, denominator):
    return _g("%(n)s of %(d)s") % {"n": count(numerator), "d": count(denominator)}


def band(figure):
    """A banded share's count in words ("fewer than 8"), or "" for a figure without a band."""
    return str(BANDS[figure.band]) if getattr(figure, "band", "") in BANDS else ""


def band_of(figure):
    """What a banded share is based on: "fewer than 8 of 45"."""
    return _g("%(band)s of %(d)s") % {"band": band(figure), "d": count(figure.denominator)}


def band_gap_words(gap, unit):
    """A banded share's gap, read at the edge of its band: "at least 3.2 points lower"."""
    if gap is None or round(gap, 1) == 0:
        return ""
    return _g("at least %(gap)s") % {"gap": gap_words(gap, unit)}
