"""Formatting for templates, so templates stay simple."""

from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from repairs.clocks import MET, MISSED, OPEN, OVERDUE, STATUS_LABELS, awaabs_law_applies, awaabs_law_commences

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


def awaabs_law_note(repair):
    """Why a hazard has no Awaab's Law clock: its group had not commenced when it was reported."""
    if not repair.hazard or awaabs_law_applies(repair.hazard, timezone.localdate(repair.reported_at)):
        return ""
    commences = awaabs_law_commences(repair.hazard)
    if commences is None:
        return _("Awaab's Law timescales do not cover this hazard in our settings, so it has no legal clock.")
    return _(
        "Awaab's Law timescales cover this hazard for reports from %(day)s. It was reported before then, "
        "so it has no legal clock."
    ) % {"day": formats.date_format(commences, "j F Y")}
