"""The demo gives residents plausible contact details, so every channel can be seen working."""

import re

import pytest

from engagement.models import ContactDetails
from surveys import sending
from surveys.models import Delivery, Survey

pytestmark = pytest.mark.django_db


def test_demo_residents_have_example_org_emails_and_drama_range_numbers_and_every_channel_is_used(demo_landlord):
    details = list(ContactDetails.objects.all())
    emails = [d.email for d in details if d.email]
    mobiles = [d.mobile_phone for d in details if d.mobile_phone]
    landlines = [d.landline_phone for d in details if d.landline_phone]
    assert emails and all(email.endswith("@example.org") for email in emails)
    assert mobiles and all(re.fullmatch(r"\+447700900\d{3}", number) for number in mobiles)
    assert landlines and all(re.fullmatch(r"\+441134960\d{3}", number) for number in landlines)
    # The TSM round went out; the survey after repairs waits to be sent.
    assert Delivery.objects.filter(channel="email", status="sent").exists()
    after_repair = Survey.objects.get(kind="transactional")
    unanswered = after_repair.invitations.exclude(response__submitted_at__isnull=False).count()
    counts = sending.invitations_queue(survey=after_repair)
    assert unanswered > 0 and sum(counts.values()) == unanswered
