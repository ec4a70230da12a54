"""Working days: Monday to Friday except English bank holidays.

Legal timescales (Awaab's Law, the Complaint Handling Code) and the landlord's own targets count
working days. Bank holidays come from the maintained `holidays` package (England's list, with
one-off days such as a coronation or a state funeral), never from a hand-kept list.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def bank_holidays(year):
    """England's bank holidays in `year`, as a frozen set of dates."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_working_day(day):
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(start, days):
    """The date `days` working days after `start` (a request on Monday due "within 5 working days"
    is due the next Monday). `start` itself never counts, even when it is a working day."""
    if days < 0:
        raise ValueError("Count working days forwards only.")
    day = _as_date(start)
    while days:
        day += timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def working_days_between(start, end):
    """How many working days after `start`, up to and including `end` (0 when `end` is not later)."""
    day, end = _as_date(start), _as_date(end)
    count = 0
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def _as_date(value):
    # A datetime is also a date; keep only its date part (callers pass local times).
    return date(value.year, value.month, value.day)
