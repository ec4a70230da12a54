"""Invitations to the survey after a repair, fed by the repairs app's completed repairs."""

from datetime import date, timedelta

from django.conf import settings

from repairs.selectors import CompletedRepair, completed_repairs_since
from surveys.choices import SurveyKind
from surveys.models import Survey
from surveys.services import invitations_create

__all__ = ["CompletedRepair", "completed_repairs", "invite_after_repairs"]


def completed_repairs(since):
    """CompletedRepair records for repairs completed on or after `since` (surveys depend on
    repairs, never the other way round)."""
    return completed_repairs_since(since)


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
