"""A contact corrected in two tabs keeps the first correction (issue 24 item 3)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from desk.models import Contact, ContactCorrection, FollowUp
from tests.engagement.factories import ResidentFactory
from tests.stale import assert_refused, revision_on

pytestmark = pytest.mark.django_db


def _contact(author):
    resident = ResidentFactory(first_name="Amina")
    return Contact.objects.create(
        household=resident.household, resident=resident, occurred_at=timezone.now(), channel="phone",
        made_by=author, made_as="housing_officer", purpose="Rent query", notes="She was agressive on the phone.",
    )  # fmt: skip


def test_a_contact_corrected_in_two_tabs_keeps_the_first_correction(client, personas):
    officer = personas["housing_officer"]
    contact = _contact(officer)
    client.force_login(officer)
    url = reverse("contact_detail", args=[contact.pk])
    first_tab, second_tab = revision_on(client.get(url)), revision_on(client.get(url))
    first = client.post(
        url,
        {"revision": first_tab, "purpose": "Rent query", "notes": "She was upset about the letter.", "reason": "Fair"},
    )
    assert first.status_code == 302
    second = client.post(
        url, {"revision": second_tab, "purpose": "Rent arrears", "notes": contact.notes, "reason": "Vaguer purpose"}
    )
    html = assert_refused(second, "Notes is now saved as: She was upset about the letter.")
    assert 'value="Rent arrears"' in html  # the second tab's typing is kept
    stored = Contact.objects.get(pk=contact.pk)
    assert (stored.purpose, stored.notes) == ("Rent query", "She was upset about the letter.")
    assert ContactCorrection.objects.filter(contact=contact).count() == 1


def test_a_stale_follow_up_change_is_refused(client, personas):
    officer = personas["housing_officer"]
    contact = _contact(officer)
    follow_up = FollowUp.objects.create(
        contact=contact, action="Call back", owner=officer, due_on=timezone.localdate() + timedelta(days=7)
    )
    client.force_login(officer)
    url = reverse("follow_up_edit", args=[follow_up.pk])
    read_at = int(revision_on(client.get(url)))
    due = timezone.localdate() + timedelta(days=3)
    FollowUp.objects.filter(pk=follow_up.pk).update(action="Call back about the boiler", revision=read_at + 1)
    refused = client.post(
        url,
        {
            "revision": read_at,
            "action": "Call back",
            "owner": officer.pk,
            "due_on_0": due.day,
            "due_on_1": due.month,
            "due_on_2": due.year,
        },
    )
    assert_refused(refused, "What needs doing is now saved as: Call back about the boiler")
    assert FollowUp.objects.get(pk=follow_up.pk).action == "Call back about the boiler"
