"""The figures' reporting period, from the landlord's year (INEQUITIES_YEAR_STARTS_MONTH)."""

from datetime import date, timedelta

from django.conf import settings


def default_period(today):
    """The reporting year so far, to the end of the last whole month before `today` (in a year's
    first month, the whole year before): (first day, last day).

    Periods are fixed, not rolling: every snapshot of a year covers the same start, and its end
    moves a whole month at a time, so two snapshots differ by whole months added (or by late
    answers to the same months), which disclosure control checks (disclosure/earlier.py). Rolling
    windows would differ by a day in and a day out, and a reader who kept them all could unroll the
    chain to single days.
    """
    end = today.replace(day=1) - timedelta(days=1)
    first = settings.INEQUITIES_YEAR_STARTS_MONTH
    return date(end.year if end.month >= first else end.year - 1, first, 1), end


def reporting_year(year):
    """The landlord's year starting in `year` (2025: 1 April 2025 to 31 March 2026): (first day, last day)."""
    first = date(year, settings.INEQUITIES_YEAR_STARTS_MONTH, 1)
    return first, date(year + 1, first.month, 1) - timedelta(days=1)


def last_whole_year(today):
    """The start year of the last reporting year that ended before `today`."""
    return reporting_year_of(today) - 1


def reporting_year_of(day):
    """The start year of the reporting year `day` falls in."""
    return day.year if day.month >= settings.INEQUITIES_YEAR_STARTS_MONTH else day.year - 1
