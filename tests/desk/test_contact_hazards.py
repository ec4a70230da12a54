"""A repair raised at a contact can be a damp and mould (or emergency) hazard; its Awaab's Law
clocks start from the time of the contact, not from when the form was saved."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from desk.models import Contact
from repairs.working_days import add_working_days
from tests.engagement.factories import ResidentFactory

pytestmark = pytest.mark.django_db


def _contact(resident, day, **repair):
    return {
        "about": str(resident.pk),
        "occurred_on_0": day.day,
        "occurred_on_1": day.month,
        "occurred_on_2": day.year,
        "occurred_time": "10:15",
        "channel": "home_visit",
        "made_as": "housing_officer",
        "purpose": "Tenancy visit",
        "asked_repairs": "on",
        "repair_description": "Black mould across the bedroom ceiling",
        "repair_category": "damp_mould",
        "repair_priority": "urgent",
        **repair,
    }


def test_a_damp_and_mould_hazard_starts_the_clocks_at_the_contact(client, personas):
    resident = ResidentFactory()
    day = timezone.localdate() - timedelta(days=3)
    client.force_login(personas["housing_officer"])
    response = client.post(
        reverse("contact_add", args=[resident.pk]), _contact(resident, day, repair_hazard="damp_mould")
    )
    assert response.status_code == 302
    repair = Contact.objects.get().repairs.get()
    occurred = timezone.localtime(Contact.objects.get().occurred_at)
    assert (occurred.date(), occurred.strftime("%H:%M")) == (day, "10:15")
    assert repair.hazard == "damp_mould"
    assert repair.reported_at == Contact.objects.get().occurred_at
    assert repair.awaab_investigation_due == add_working_days(day, 10)
    assert add_working_days(day, 10) in [clock.due for clock in repair.clocks()]


def test_an_emergency_hazard_is_due_24_hours_after_the_contact(client, personas):
    resident = ResidentFactory()
    day = timezone.localdate()
    client.force_login(personas["housing_officer"])
    client.post(reverse("contact_add", args=[resident.pk]), _contact(resident, day, repair_hazard="emergency"))
    contact = Contact.objects.get()
    repair = contact.repairs.get()
    assert repair.hazard == "emergency"
    emergency = [clock for clock in repair.clocks() if clock.due == contact.occurred_at + timedelta(hours=24)]
    assert len(emergency) >= 1


def test_no_hazard_by_default(client, personas):
    resident = ResidentFactory()
    client.force_login(personas["housing_officer"])
    client.post(reverse("contact_add", args=[resident.pk]), _contact(resident, timezone.localdate()))
    assert Contact.objects.get().repairs.get().hazard == ""


def test_a_hazard_cannot_be_recorded_as_fixed_there_and_then(client, personas):
    resident = ResidentFactory()
    client.force_login(personas["housing_officer"])
    data = _contact(resident, timezone.localdate(), repair_hazard="damp_mould", repair_fixed="on")
    response = client.post(reverse("contact_add", args=[resident.pk]), data)
    assert response.status_code == 200
    assert "Raise a hazard as a repair, so its Awaab&#x27;s Law clocks start" in response.content.decode()
    assert Contact.objects.count() == 0
