"""Who is reached by which channel, and the one reminder to those who have not answered."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from engagement.models import RestrictionKind
from surveys import sending
from surveys.models import Delivery, DeliveryKind, DeliveryStatus
from tests.engagement.factories import ContactRestrictionFactory, reachable_resident
from tests.helpers.surveys import invite
from tests.surveys.factories import answered_response, tsm_survey

pytestmark = pytest.mark.django_db


def test_contact_restrictions_rule_channels_out_and_a_single_contact_is_not_invited_at_all():
    survey = tsm_survey()
    written = reachable_resident(channels=["phone", "email"], details={"landline_phone": "+441134960123"})
    ContactRestrictionFactory(resident=written, kind=RestrictionKind.WRITTEN_ONLY)
    visits = reachable_resident(channels=["in_person", "letter"])
    ContactRestrictionFactory(resident=visits, kind=RestrictionKind.TWO_STAFF_VISITS)
    single = reachable_resident(channels=["email"])
    ContactRestrictionFactory(resident=single, kind=RestrictionKind.SINGLE_CONTACT)
    ended = reachable_resident(channels=["phone"], details={"landline_phone": "+441134960124"})
    ContactRestrictionFactory(resident=ended, kind=RestrictionKind.WRITTEN_ONLY, ended_on=date(2025, 1, 1))

    invitations = invite(survey, written, visits, single, ended)

    assert invitations[written.pk].channel == "email"
    assert invitations[visits.pk].channel == "letter"
    assert single.pk not in invitations
    assert invitations[ended.pk].channel == "phone"


def test_a_channel_we_hold_no_address_for_is_skipped():
    survey = tsm_survey()
    no_email = reachable_resident(channels=["email", "text"], details={"email": ""})
    no_mobile_or_email = reachable_resident(channels=["text", "email"], details={"email": "", "mobile_phone": ""})
    invitations = invite(survey, no_email, no_mobile_or_email)
    assert invitations[no_email.pk].channel == "text"
    assert invitations[no_mobile_or_email.pk].channel == "letter"


def sent_days_ago(invitation, channel, days):
    return Delivery.objects.create(
        invitation=invitation,
        channel=channel,
        status=DeliveryStatus.SENT,
        sent_at=timezone.now() - timedelta(days=days),
    )


def test_one_reminder_by_the_next_preferred_channel_only_to_those_who_have_not_answered(jobs_in_process):
    survey = tsm_survey()
    quiet = reachable_resident(channels=["email", "letter"])
    answered = reachable_resident(channels=["email", "letter"])
    recent = reachable_resident(channels=["email", "letter"])
    only_email = reachable_resident(channels=["email"])
    offline = reachable_resident(
        channels=["letter", "email", "phone"], no_internet=True, details={"landline_phone": "+441134960125"}
    )
    invitations = invite(survey, quiet, answered, recent, only_email, offline)
    for resident in (quiet, answered, only_email):
        sent_days_ago(invitations[resident.pk], "email", 15)
    sent_days_ago(invitations[recent.pk], "email", 3)
    sent_days_ago(invitations[offline.pk], "letter", 20)
    answered_response(invitations[answered.pk])

    with jobs_in_process(execute=False):
        queued = sending.reminders_queue(days=14)
        again = sending.reminders_queue(days=14)

    reminders = {d.invitation.resident_id: d.channel for d in Delivery.objects.filter(kind=DeliveryKind.REMINDER)}
    assert reminders == {quiet.pk: "letter", only_email.pk: "email", offline.pk: "phone"}
    assert dict(queued) == {"letter": 1, "email": 1, "phone": 1}
    assert dict(again) == {}


def test_no_reminder_once_a_restriction_rules_out_every_channel(jobs_in_process):
    survey = tsm_survey()
    resident = reachable_resident(channels=["email", "letter"])
    invitation = invite(survey, resident)[resident.pk]
    sent_days_ago(invitation, "email", 20)
    ContactRestrictionFactory(resident=resident, kind=RestrictionKind.SINGLE_CONTACT)
    with jobs_in_process(execute=False):
        assert sending.reminders_queue(days=14) == {}
