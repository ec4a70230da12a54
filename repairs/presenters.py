"""Formatting for templates, so templates stay simple."""

from datetime import datetime

from django.utils import timezone

from repairs.clocks import MET, MISSED, OPEN, OVERDUE, STATUS_LABELS

TAG_COLOURS = {MET: "govuk-tag--green", MISSED: "govuk-tag--red", OVERDUE: "govuk-tag--red", OPEN: "govuk-tag--blue"}


def when(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d %B %Y, %H:%M")
    return value.strftime("%d %B %Y")


def clock_rows(clocks, now=None):
    rows = []
    for clock in clocks:
        status = clock.status(now)
        rows.append({
            "name": clock.name, "rule": clock.rule, "due": when(clock.due), "done": when(clock.done),
            "status": STATUS_LABELS[status], "tag": TAG_COLOURS.get(status, "govuk-tag--grey"),
            "extension_reason": clock.extension_reason,
        })  # fmt: skip
    return rows
