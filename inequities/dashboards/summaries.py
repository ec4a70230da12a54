"""The sentences under a table: its largest statistically clear gaps in plain English."""

from django.utils.translation import gettext as _g

from inequities import labels
from inequities.families import PER_1000, SHARE, WORKING_DAYS
from inequities.metrics import ALL

MOST_GAPS = 2


def _numbers(*values):
    """Gaps in a sentence: whole numbers, unless one would round to (or near) nothing; then all to one
    decimal place, so "0.9 to 16.4" never reads as "1 to 16" beside a gap shown as "0"."""
    places = 0 if all(abs(v) >= 1 for v in values) else 1
    return [f"{v:.{places}f}" for v in values]


def clear_gaps(figures):
    """The groups clearly different from everyone else, largest gap first: shown figures and shares
    shown as a band (whose gap is read at the band's edge)."""
    gaps = [
        f
        for f in figures
        if (not f.suppressed or getattr(f, "band", ""))
        and f.group != ALL
        and f.significant
        and f.gap is not None
        and f.gap_low is not None
    ]
    return sorted(gaps, key=lambda f: -abs(f.gap))


def band_sentence(figure, metric, dimension):
    """A clear gap of a share shown as a band, in plain English."""
    words = labels.metric(metric)
    gap, low, high = figure.gap, figure.gap_low, figure.gap_high
    if gap < 0:
        low, high = -high, -low
    n, low, high = _numbers(abs(gap), low, high)
    values = {
        "who": str(labels.people(dimension, figure.group)),
        "what": str(words.phrase),
        "d": f"{figure.denominator:,.0f}",
        "comparison": f"{figure.comparison_rate * 100:.0f}%",
        "n": n,
        "low": low,
        "high": high,
    }
    values["count"] = _g("fewer than 8") if figure.band == "fewer" else _g("all but 1 to 7")
    if gap < 0:
        template = _g(
            "%(who)s made up %(count)s of about %(d)s %(what)s but %(comparison)s of residents: at least %(n)s "
            "points less than their share (95%% interval %(low)s to %(high)s points)."
        )
    else:
        template = _g(
            "%(who)s made up %(count)s of about %(d)s %(what)s but %(comparison)s of residents: at least %(n)s "
            "points more than their share (95%% interval %(low)s to %(high)s points)."
        )
    return template % values


def sentence(figure, metric, dimension, unit):
    """One clear gap in plain English, with its 95% interval."""
    if figure.suppressed and getattr(figure, "band", ""):
        return band_sentence(figure, metric, dimension)
    words = labels.metric(metric)
    who = str(labels.people(dimension, figure.group))
    gap, low, high = figure.gap, figure.gap_low, figure.gap_high
    if gap < 0:
        low, high = -high, -low
    n, low, high = _numbers(abs(gap), low, high)
    values = {"who": who, "n": n, "low": low, "high": high, "what": str(words.phrase)}
    if unit == SHARE:
        values.update(rate=f"{figure.rate * 100:.0f}%", comparison=f"{figure.comparison_rate * 100:.0f}%")
        if gap > 0:
            return (
                _g(
                    "%(who)s made up %(rate)s of %(what)s but %(comparison)s of residents: %(n)s points more than "
                    "their share (95%% interval %(low)s to %(high)s points)."
                )
                % values
            )
        return (
            _g(
                "%(who)s made up %(rate)s of %(what)s but %(comparison)s of residents: %(n)s points less than "
                "their share (95%% interval %(low)s to %(high)s points)."
            )
            % values
        )
    if unit == PER_1000:
        template = (
            _g("%(who)s made %(n)s more %(what)s per 1,000 households than other residents (95%% interval %(low)s to %(high)s).")
            if gap > 0
            else _g("%(who)s made %(n)s fewer %(what)s per 1,000 households than other residents (95%% interval %(low)s to %(high)s).")
        )  # fmt: skip
        return template % values
    if unit == WORKING_DAYS:
        template = (
            _g("%(who)s waited %(n)s more %(what)s than other residents (95%% interval %(low)s to %(high)s days).")
            if gap > 0
            else _g(
                "%(who)s waited %(n)s fewer %(what)s than other residents (95%% interval %(low)s to %(high)s days)."
            )
        )
        return template % values
    template = (
        _g("%(who)s were %(n)s points more likely than other residents to %(what)s (95%% interval %(low)s to %(high)s points).")
        if gap > 0
        else _g("%(who)s were %(n)s points less likely than other residents to %(what)s (95%% interval %(low)s to %(high)s points).")
    )  # fmt: skip
    return template % values


def summarise(figures, metric, dimension, unit):
    """A paragraph on the largest statistically clear gaps, or a plain statement that there are none."""
    groups = [f for f in figures if f.group != ALL]
    if groups and all(f.suppressed and not getattr(f, "band", "") for f in groups):
        return _g("Every group's figure is hidden, because the numbers are small enough to identify people.")
    gaps = clear_gaps(figures)
    if not gaps:
        if not groups:
            return _g("There are no figures to show for this region and period.")
        return _g(
            "No group's figure is clearly different from everyone else's: the differences in this table could be "
            "down to chance."
        )
    text = " ".join(sentence(f, metric, dimension, unit) for f in gaps[:MOST_GAPS])
    others = len(gaps) - MOST_GAPS
    if others > 0:
        text += " " + (
            _g("One more group's gap is clear too; see the table.")
            if others == 1
            else _g("%(n)s more groups' gaps are clear too; see the table.") % {"n": others}
        )
    return text
