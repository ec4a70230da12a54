"""A date without a time is read one way by forms and imports (issue 25): midday, UK local time."""

from datetime import UTC, date, datetime, time

from django.utils import timezone

from core.dates import moment
from core.forms.govuk import moment as form_moment
from core.imports.cells import a_moment


def test_a_date_alone_in_an_import_is_midday_as_in_the_forms():
    imported = a_moment(required=True)("31/03/2025")
    assert timezone.localtime(imported) == timezone.make_aware(datetime(2025, 3, 31, 12, 0))
    assert imported == form_moment(date(2025, 3, 31), None) == moment(date(2025, 3, 31))


def test_a_given_time_is_kept_and_summer_time_keeps_the_date():
    assert timezone.localtime(a_moment(required=True)("2025-07-01 08:15")).time() == time(8, 15)
    summer = moment(date(2025, 7, 1))
    assert summer.astimezone(UTC).date() == date(2025, 7, 1)
