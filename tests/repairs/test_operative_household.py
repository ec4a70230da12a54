"""Operatives know the household before they knock: who lives there, what to do differently,
how to contact them and any restriction. Reading support needs is audited."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from desk.models import Contact
from engagement.models import AuditEntry
from tests.engagement.factories import (
    CommunicationPreferenceFactory,
    ContactRestrictionFactory,
    ReasonableAdjustmentFactory,
    ResidentFactory,
    SupportNeedFactory,
)
from tests.repairs.factories import AppointmentFactory, RepairRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(personas):
    operative = personas["repairs_operative"]
    repair = RepairRequestFactory(operative=operative, status="scheduled")
    grace = ResidentFactory(household=repair.household, first_name="Grace", last_name="Okafor")
    ResidentFactory(household=repair.household, first_name="Tobi", last_name="Okafor", is_lead_tenant=False)
    ReasonableAdjustmentFactory(
        resident=grace, request="Knock loudly and wait two minutes", status="in_place", review_by=date(2099, 1, 1)
    )
    ReasonableAdjustmentFactory(resident=grace, request="Declined request", status="declined")
    SupportNeedFactory(resident=grace, category="hearing", description="Deaf in one ear")
    SupportNeedFactory(resident=grace, description="Broken ankle, healed", ended_on=date(2024, 6, 1))
    CommunicationPreferenceFactory(
        resident=grace, channels=["text", "letter"], interpreter_language="Yoruba", best_times="Mornings"
    )
    ContactRestrictionFactory(
        resident=grace, kind="two_staff_visits", reason="A visitor was threatened by a dog in 2024."
    )
    return AppointmentFactory(repair=repair, operative=operative, date=timezone.localdate())


def test_todays_jobs_show_the_household_and_what_to_do_differently(client, personas, job):
    client.force_login(personas["repairs_operative"])
    page = client.get(reverse("repairs:jobs")).content.decode()
    assert "Grace Okafor" in page and "Tobi Okafor" in page
    assert "Knock loudly and wait two minutes" in page
    assert "Declined request" not in page  # only adjustments in place change the visit
    assert "Deaf in one ear" in page
    assert "Broken ankle" not in page  # an ended need is history, not something to act on
    assert "Yoruba" in page
    assert "Text message, Letter" in page and "Mornings" in page
    assert "A visitor was threatened by a dog in 2024." in page
    assert "two members of staff must attend the visit" in page


def test_an_operatives_read_of_support_needs_is_audited(client, personas, job):
    operative = personas["repairs_operative"]
    client.force_login(operative)
    client.get(reverse("repairs:jobs"))
    client.get(reverse("repairs:detail", args=[job.repair.pk]))
    entries = list(AuditEntry.objects.filter(user=operative).order_by("pk"))
    assert [(e.resident.first_name, e.subject, e.action) for e in entries] == [
        ("Grace", "support_needs", "viewed"),
        ("Grace", "support_needs", "viewed"),
    ]
    assert entries[0].detail == "Today's jobs: support needs of the household visited"
    assert entries[0].path == reverse("repairs:jobs")
    assert entries[1].detail == "Repair page: support needs of the household visited"


def test_no_audit_entry_when_no_needs_are_shown(client, personas):
    operative = personas["repairs_operative"]
    repair = RepairRequestFactory(operative=operative)
    ResidentFactory(household=repair.household)
    AppointmentFactory(repair=repair, operative=operative, date=timezone.localdate())
    client.force_login(operative)
    client.get(reverse("repairs:jobs"))
    assert AuditEntry.objects.count() == 0


def test_the_job_page_shows_the_household_and_offers_to_log_a_contact(client, personas, job):
    client.force_login(personas["repairs_operative"])
    response = client.get(reverse("repairs:detail", args=[job.repair.pk]))
    page = response.content.decode()
    assert "Who you are visiting" in page and "Knock loudly and wait two minutes" in page
    lead = job.repair.household.residents.get(first_name="Grace")
    assert f"{reverse('contact_add', args=[lead.pk])}?repair={job.repair.pk}" in page


def test_an_operative_logs_a_contact_from_the_job_in_their_role(client, personas, job):
    operative = personas["repairs_operative"]
    lead = job.repair.household.residents.get(first_name="Grace")
    url = f"{reverse('contact_add', args=[lead.pk])}?repair={job.repair.pk}"
    client.force_login(operative)
    form = client.get(url).context["form"]
    assert form.initial["channel"] == "repair_appointment"
    assert form.initial["made_as"] == "repairs_operative"
    assert form.initial["purpose"] == f"Repair {job.repair.reference}: plumbing"
    today = timezone.localdate()
    data = {
        "about": str(lead.pk),
        "occurred_on_0": today.day,
        "occurred_on_1": today.month,
        "occurred_on_2": today.year,
        "occurred_time": "09:30",
        "channel": "repair_appointment",
        "made_as": "repairs_operative",
        "purpose": "Tap repair",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert response.url == reverse("repairs:detail", args=[job.repair.pk])
    contact = Contact.objects.get()
    assert (contact.made_by, contact.made_as, contact.household) == (operative, "repairs_operative", lead.household)


def test_a_contact_cannot_be_logged_from_someone_elses_job(client, personas, job):
    other = RepairRequestFactory(household=job.repair.household, home=job.repair.home)  # not assigned to them
    lead = job.repair.household.residents.get(first_name="Grace")
    client.force_login(personas["repairs_operative"])
    response = client.get(f"{reverse('contact_add', args=[lead.pk])}?repair={other.pk}")
    assert response.status_code == 404


def test_an_operative_still_cannot_open_the_residents_needs_elsewhere(client, personas, job):
    lead = job.repair.household.residents.get(first_name="Grace")
    client.force_login(personas["repairs_operative"])
    page = client.get(reverse("resident_detail", args=[lead.pk])).content.decode()
    assert "Deaf in one ear" not in page
