"""An officer opens an anti-social behaviour case from a logged contact (NM01 counts them)."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from desk.models import Contact
from repairs import management_information
from repairs.models import AsbCase
from tests.engagement.factories import ResidentFactory

pytestmark = pytest.mark.django_db


def _asb_report(officer, channel="home_visit"):
    resident = ResidentFactory(first_name="Amina")
    return Contact.objects.create(
        household=resident.household, resident=resident,
        occurred_at=timezone.make_aware(timezone.datetime(2026, 3, 2, 10, 0)), channel=channel, made_by=officer,
        made_as="housing_officer", purpose="Neighbour shouting abuse", notes="Shouted slurs at her in the stairwell.",
    )  # fmt: skip


def test_an_officer_opens_a_case_from_a_contact_and_nm01_counts_it(client, personas):
    officer = personas["housing_officer"]
    contact = _asb_report(officer)
    client.force_login(officer)
    page = client.get(reverse("contact_detail", args=[contact.pk]))
    assert "Open an anti-social behaviour case from this contact" in page.content.decode()
    form = client.get(reverse("asb_case_add", args=[contact.pk]))
    html = form.content.decode()
    assert "Does it involve a hate incident?" in html and "Shouted slurs at her in the stairwell." in html

    missing = client.post(reverse("asb_case_add", args=[contact.pk]), {"summary": "x"})
    assert "Select yes if the case involves a hate incident" in missing.content.decode()
    assert not AsbCase.objects.exists()

    done = client.post(
        reverse("asb_case_add", args=[contact.pk]),
        {"involves_hate_incident": "yes", "opened_on_0": "2", "opened_on_1": "3", "opened_on_2": "2026",
         "summary": "Shouted slurs at her in the stairwell."},
        follow=True,
    )  # fmt: skip
    case = AsbCase.objects.get()
    assert (case.home, case.opened_on, case.involves_hate_incident, case.channel, case.opened_by) == (
        contact.household.home,
        date(2026, 3, 2),
        True,
        "in_person",
        officer,
    )
    assert case.reference == f"ASB{case.pk:06d}"
    assert f"Anti-social behaviour case {case.reference} opened." in done.content.decode()
    assert list(contact.asb_cases.all()) == [case]
    figures = {f.code: f for f in management_information.figures(date(2025, 4, 1), date(2026, 3, 31))}
    assert (figures["NM01 (1)"].count, figures["NM01 (2)"].count) == (1, 1)


def test_an_agent_may_read_the_contact_but_not_open_a_case(client, personas):
    contact = _asb_report(personas["housing_officer"], channel="phone")
    client.force_login(personas["contact_centre_agent"])
    assert (
        "Open an anti-social behaviour case"
        not in client.get(reverse("contact_detail", args=[contact.pk])).content.decode()
    )
    assert client.post(reverse("asb_case_add", args=[contact.pk]), {"involves_hate_incident": "no"}).status_code == 403
    assert not AsbCase.objects.exists()
