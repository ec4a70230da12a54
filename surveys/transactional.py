"""Invitations to the survey after a repair.

The surveys app does not import the repairs app. Whoever knows about completed repairs registers a
source: a callable taking the earliest completion date and returning CompletedRepair records. The
repairs app is expected to do this in its AppConfig.ready():

    from surveys.transactional import CompletedRepair, register_completed_repairs
    register_completed_repairs(lambda since: (CompletedRepair(r.resident, r.reference, r.completed_on) for r in ...))
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings

from surveys.choices import SurveyKind
from surveys.models import Survey
from surveys.services import invitations_create

_sources = []


@dataclass(frozen=True)
class CompletedRepair:
    resident: object  # engagement.models.Resident
    repair_reference: str
    completed_on: date


def register_completed_repairs(source):
    if source not in _sources:
        _sources.append(source)
    return source


def unregister_completed_repairs(source):
    if source in _sources:
        _sources.remove(source)


def completed_repairs(since):
    for source in _sources:
        yield from source(since)


def invite_after_repairs(*, today=None, days=None):
    """Invite, per their preferences, each resident whose repair completed in the last `days` days
    to every open transactional survey: at most once per repair, however often this runs."""
    today = today or date.today()
    days = settings.SURVEY_AFTER_REPAIR_DAYS if days is None else days
    repairs = [r for r in completed_repairs(today - timedelta(days=days)) if r.completed_on <= today]
    invited = 0
    for survey in Survey.objects.filter(kind=SurveyKind.TRANSACTIONAL, closed_at__isnull=True):
        if survey.current_version is None:
            continue
        for repair in repairs:
            invited += len(
                invitations_create(
                    survey=survey,
                    residents=[repair.resident],
                    repairs={repair.resident.pk: (repair.repair_reference, repair.completed_on)},
                )
            )
    return invited
