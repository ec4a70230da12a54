"""Completed repairs feed the survey after a repair (surveys/transactional.py)."""

from datetime import date

import pytest

from surveys import transactional
from surveys.models import Invitation
from tests.engagement.factories import CommunicationPreferenceFactory, ContactDetailsFactory, ResidentFactory
from tests.repairs.factories import RepairRequestFactory, at
from tests.surveys.factories import transactional_survey

pytestmark = pytest.mark.django_db


def test_a_completed_repair_invites_the_resident_who_reported_it_once_by_their_preference():
    survey = transactional_survey()
    reporter = ResidentFactory(is_lead_tenant=False)
    CommunicationPreferenceFactory(resident=reporter, channels=["email", "phone"], no_internet=True)
    ContactDetailsFactory(resident=reporter)  # a number to call: a channel is used only with an address for it
    RepairRequestFactory(
        household=reporter.household,
        reported_by=reporter,
        reference="RR-7",
        status="completed",
        reported_at=at(2026, 3, 2),
        completed_at=at(2026, 3, 9, 15),
    )
    RepairRequestFactory(reference="RR-8", status="in_progress", reported_at=at(2026, 3, 2))  # not done: no survey

    assert transactional.invite_after_repairs(today=date(2026, 3, 10), days=7) == 1
    assert transactional.invite_after_repairs(today=date(2026, 3, 10), days=7) == 0
    invitation = Invitation.objects.get(survey=survey)
    assert (invitation.resident, invitation.repair_reference, invitation.channel) == (reporter, "RR-7", "phone")


def test_a_repair_reported_by_staff_invites_the_lead_tenant():
    transactional_survey()
    lead = ResidentFactory(is_lead_tenant=True)
    ResidentFactory(household=lead.household, is_lead_tenant=False)
    RepairRequestFactory(
        household=lead.household,
        reference="RR-9",
        status="completed",
        reported_at=at(2026, 3, 2),
        completed_at=at(2026, 3, 8),
    )
    assert transactional.invite_after_repairs(today=date(2026, 3, 10), days=7) == 1
    assert Invitation.objects.get().resident == lead
