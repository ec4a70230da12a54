"""The figures' period: the reporting year so far, to the end of the last whole month."""

from datetime import date

import pytest

from core.periods import default_period


@pytest.mark.parametrize(
    ("today", "period"),
    [
        (date(2026, 11, 30), (date(2026, 4, 1), date(2026, 10, 31))),
        (date(2026, 12, 1), (date(2026, 4, 1), date(2026, 11, 30))),
        (date(2027, 1, 15), (date(2026, 4, 1), date(2026, 12, 31))),
        # In a year's first month the whole year before is the period, once it has closed.
        (date(2027, 4, 15), (date(2026, 4, 1), date(2027, 3, 31))),
        (date(2027, 5, 3), (date(2027, 4, 1), date(2027, 4, 30))),
    ],
)
def test_the_period_is_the_reporting_year_to_the_last_whole_month(today, period):
    assert default_period(today) == period


def test_the_year_can_start_in_another_month(settings):
    settings.INEQUITIES_YEAR_STARTS_MONTH = 1
    assert default_period(date(2027, 1, 5)) == (date(2026, 1, 1), date(2026, 12, 31))
    assert default_period(date(2027, 3, 5)) == (date(2027, 1, 1), date(2027, 2, 28))


def test_every_period_of_a_year_starts_on_the_same_day_so_each_holds_the_one_before():
    periods = [default_period(date(2026, month, 10)) for month in range(5, 13)]
    assert {start for start, _end in periods} == {date(2026, 4, 1)}
    assert [end.month for _start, end in periods] == list(range(4, 12))


def test_the_reporting_year_its_days_and_the_last_whole_one():
    from core.periods import last_whole_year, reporting_year, reporting_year_of

    assert reporting_year(2025) == (date(2025, 4, 1), date(2026, 3, 31))
    assert [reporting_year_of(day) for day in (date(2026, 3, 31), date(2026, 4, 1))] == [2025, 2026]
    assert [last_whole_year(day) for day in (date(2026, 3, 31), date(2026, 4, 1), date(2026, 12, 6))] == [
        2024,
        2025,
        2025,
    ]
