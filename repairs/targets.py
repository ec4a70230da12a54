"""The landlord's own target times (settings), turned into a due moment for a repair."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from repairs.choices import Priority
from repairs.working_days import add_working_days


def target_working_days(priority):
    return {
        Priority.URGENT: settings.REPAIRS_TARGET_URGENT_WORKING_DAYS,
        Priority.ROUTINE: settings.REPAIRS_TARGET_ROUTINE_WORKING_DAYS,
    }[priority]


def due_at(priority, reported_at):
    """Emergencies are due a number of hours after the report; other priorities by the end of the
    working day their target falls on."""
    if priority == Priority.EMERGENCY:
        return reported_at + timedelta(hours=settings.REPAIRS_TARGET_EMERGENCY_HOURS)
    day = add_working_days(timezone.localdate(reported_at), target_working_days(priority))
    return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))


def recall_window():
    return timedelta(days=settings.REPAIRS_RECALL_WINDOW_DAYS)
