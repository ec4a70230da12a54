"""Recomputing the figures in tests whose data is dated anywhere in the year before `today`."""

from datetime import timedelta

from django.utils import timezone

from inequities.services import recompute


def recompute_over_a_year(today=None, **options):
    """The recompute over the 365 days to `today` (default: today), where the test's data is dated.
    The product's own period, the reporting year to the last whole month, is tested apart
    (tests/core/test_periods.py)."""
    today = today or timezone.localdate()
    return recompute(today=today, start=today - timedelta(days=364), end=today, **options)
