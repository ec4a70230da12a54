"""Working days skip weekends and English bank holidays (from the `holidays` package). Every
expected date below was worked out by hand on a calendar."""

from datetime import date

import pytest

from repairs.working_days import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    "start, days, expected",
    [
        # Monday + 5: the next Monday.
        (date(2025, 3, 3), 5, date(2025, 3, 10)),
        # Saturday + 5: Monday to Friday of the next week.
        (date(2025, 3, 1), 5, date(2025, 3, 7)),
        # Friday 20 December 2024 + 5: 23, 24, (Christmas and Boxing Day), 27, (weekend), 30, 31.
        (date(2024, 12, 20), 5, date(2024, 12, 31)),
        # Wednesday 16 April 2025 + 3: 17, (Good Friday, weekend, Easter Monday), 22, 23.
        (date(2025, 4, 16), 3, date(2025, 4, 23)),
        # Thursday 24 December 2026 + 1: Christmas is a Friday, Boxing Day a Saturday, so Monday
        # 28 December is the substitute bank holiday.
        (date(2026, 12, 24), 1, date(2026, 12, 29)),
        # Zero days: the same day.
        (date(2025, 3, 3), 0, date(2025, 3, 3)),
    ],
)
def test_adding_working_days_skips_weekends_and_bank_holidays(start, days, expected):
    assert add_working_days(start, days) == expected


def test_a_substitute_bank_holiday_is_not_a_working_day():
    assert not is_working_day(date(2026, 12, 28))
    assert not is_working_day(date(2025, 4, 18))  # Good Friday
    assert not is_working_day(date(2025, 4, 21))  # Easter Monday
    assert is_working_day(date(2025, 4, 22))


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (date(2024, 12, 20), date(2024, 12, 31), 5),
        (date(2025, 4, 17), date(2025, 4, 22), 1),
        (date(2025, 3, 3), date(2025, 3, 3), 0),
        (date(2025, 3, 7), date(2025, 3, 3), 0),
        # Tuesday 1 April to Tuesday 6 May 2025: 22 (Easter and the May Day holiday skipped).
        (date(2025, 4, 1), date(2025, 5, 6), 22),
    ],
)
def test_working_days_between_two_dates(start, end, expected):
    assert working_days_between(start, end) == expected


def test_counting_backwards_is_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2025, 3, 3), -1)
