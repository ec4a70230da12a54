"""The Complaint Handling Code's extension limits, and categories corrected with the change kept."""

from datetime import date

import pytest
from django.urls import reverse

from repairs.forms import ComplaintStageForm
from repairs.models import ComplaintCategoryChange, DiscriminationAllegation
from repairs.services import complaint_escalate, complaint_raise

pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint(personas):
    return complaint_raise(
        resident=personas["resident"].resident, received_on=date(2025, 3, 3), summary="Boiler put off.",
        categories=["repairs"],
    )  # fmt: skip


def _stage_form(stage, days):
    return ComplaintStageForm(
        {"extension_working_days": days, "extension_reason": "Waiting for the contractor's report"}, instance=stage
    )


@pytest.mark.parametrize(("days", "valid"), [(10, True), (11, False), (20, False)])
def test_a_stage_1_extension_is_at_most_10_working_days(complaint, days, valid):
    form = _stage_form(complaint.current_stage(), days)
    assert form.is_valid() is valid
    if not valid:
        assert form.errors["extension_working_days"] == ["The extension at stage 1 can be at most 10 working days"]


def test_a_stage_2_extension_may_be_up_to_20_working_days(complaint):
    stage_one = complaint.current_stage()
    stage_one.acknowledged_on, stage_one.responded_on, stage_one.outcome = (
        date(2025, 3, 4),
        date(2025, 3, 10),
        "not_upheld",
    )
    stage_one.save()
    complaint_escalate(complaint=complaint, received_on=date(2025, 3, 20))
    stage_two = complaint.stages.get(number=2)
    assert _stage_form(stage_two, 20).is_valid()
    assert not _stage_form(stage_two, 21).is_valid()


def test_categories_are_corrected_and_the_change_is_recorded(client, personas, complaint):
    officer = personas["housing_officer"]
    client.force_login(officer)
    url = reverse("repairs:complaint_categories", args=[complaint.pk])
    response = client.post(
        url, {"categories": ["repairs", "discrimination"], "reason": "Resident said so on the phone"}
    )
    assert response.status_code == 302
    assert sorted(complaint.category_codes()) == ["discrimination", "repairs"]
    change = ComplaintCategoryChange.objects.get()
    assert (change.before, change.after, change.changed_by) == (["repairs"], ["repairs", "discrimination"], officer)
    assert DiscriminationAllegation.objects.filter(complaint=complaint).exists()  # answered in its own right
    page = client.get(reverse("repairs:complaint", args=[complaint.pk])).content.decode()
    assert "Resident said so on the phone" in page
    assert "Changed on" in page


def test_a_correction_needs_a_reason(client, personas, complaint):
    client.force_login(personas["housing_officer"])
    response = client.post(
        reverse("repairs:complaint_categories", args=[complaint.pk]), {"categories": ["staff_conduct"]}
    )
    assert "Enter why you are changing what the complaint is about" in response.content.decode()
    assert complaint.category_codes() == ["repairs"]
    assert ComplaintCategoryChange.objects.count() == 0
