"""Repairs and complaints: a save from a stale page is refused and both changes kept (issue 24 item 3)."""

from datetime import date

import pytest
from django.urls import reverse

from repairs.models import ComplaintStage, RepairRequest
from repairs.services import complaint_raise
from tests.engagement.factories import ResidentFactory
from tests.repairs.factories import RepairRequestFactory
from tests.stale import assert_refused, post_data, revision_on

pytestmark = pytest.mark.django_db


def test_a_stale_repair_update_is_refused(client, personas):
    repair = RepairRequestFactory(hazard="")
    client.force_login(personas["housing_officer"])
    url = reverse("repairs:update", args=[repair.pk])
    page = post_data(client.get(url).context["form"])
    # Someone else marks it a hazard meanwhile (another page, another person).
    other = RepairRequest.objects.get(pk=repair.pk)
    other.hazard = "damp_mould"
    other.save()
    refused = client.post(url, {**page, "cancellation_reason": "Typed by me"})
    assert_refused(refused, "is now saved as: Significant damp and mould hazard")
    stored = RepairRequest.objects.get(pk=repair.pk)
    assert stored.hazard == "damp_mould"
    assert stored.cancellation_reason == ""


def test_a_stale_complaint_stage_is_refused(client, personas):
    complaint = complaint_raise(
        resident=ResidentFactory(), received_on=date(2025, 3, 3), summary="Leak not fixed", categories=["repairs"]
    )
    client.force_login(personas["contact_centre_agent"])
    url = reverse("repairs:complaint_stage", args=[complaint.pk])
    first = post_data(client.get(url).context["form"])
    second = dict(first)
    first.update({"acknowledged_on_0": "4", "acknowledged_on_1": "3", "acknowledged_on_2": "2025"})
    second.update({"acknowledged_on_0": "5", "acknowledged_on_1": "3", "acknowledged_on_2": "2025"})
    assert client.post(url, first).status_code == 302
    refused = client.post(url, second)
    html = assert_refused(refused, "is now saved as: 4/3/2025")
    assert 'value="5"' in html
    assert ComplaintStage.objects.get(complaint=complaint, number=1).acknowledged_on == date(2025, 3, 4)


def test_what_a_complaint_is_about_corrected_in_two_tabs_keeps_the_first(client, personas):
    complaint = complaint_raise(
        resident=ResidentFactory(), received_on=date(2025, 3, 3), summary="Leak not fixed", categories=["repairs"]
    )
    client.force_login(personas["contact_centre_agent"])
    url = reverse("repairs:complaint_categories", args=[complaint.pk])
    first_tab, second_tab = revision_on(client.get(url)), revision_on(client.get(url))
    first = client.post(url, {"revision": first_tab, "categories": ["repairs", "communication"], "reason": "Both"})
    assert first.status_code == 302, first.context["form"].errors
    second = client.post(url, {"revision": second_tab, "categories": ["repairs", "staff_conduct"], "reason": "Rude"})
    assert_refused(second, "What the complaint is about is now saved as:")
    complaint.refresh_from_db()
    assert sorted(complaint.category_codes()) == ["communication", "repairs"]
