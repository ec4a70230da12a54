"""A date given without a time: one rule for forms and imports.

A date alone is taken as midday, UK local time. Midday is the middle of the day, so the moment
stays on the date that was given whichever clock (UTC or British Summer Time) reads it; the forms
say "Leave blank for midday" and the import formats (docs/data-formats.md) say the same.
"""

from datetime import datetime, time

from django.utils import timezone

DATE_ALONE_AT = time(12, 0)


def moment(day, at_time=None):
    """A date and optional time as an aware UK local datetime (midday when no time is given)."""
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, at_time or DATE_ALONE_AT))
