"""Complaints: a discrimination allegation must be answered before the complaint closes."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from repairs.services import complaint_close, complaint_escalate, complaint_raise
from tests.engagement.factories import ResidentFactory

ALLEGATION_NOT_ANSWERED = (
    "This complaint alleges discrimination. Record when the allegation was acknowledged and "
    "investigated, and the finding, before closing the complaint."
)


def decided(complaint):
    stage = complaint.stages.get(number=1)
    stage.acknowledged_on = date(2025, 3, 4)
    stage.responded_on = date(2025, 3, 14)
    stage.outcome = "partly_upheld"
    stage.save()
    return complaint


@pytest.fixture
def discrimination_complaint(db):
    return decided(
        complaint_raise(
            resident=ResidentFactory(),
            received_on=date(2025, 3, 3),
            summary="The contractor refused to come in because of my religion.",
            categories=["repairs", "discrimination"],
        )
    )


def test_a_discrimination_complaint_cannot_close_without_the_allegations_finding(discrimination_complaint):
    with pytest.raises(ValidationError) as raised:
        complaint_close(complaint=discrimination_complaint, closed_on=date(2025, 3, 20))
    assert raised.value.messages == [ALLEGATION_NOT_ANSWERED]
    discrimination_complaint.refresh_from_db()
    assert discrimination_complaint.closed_on is None


def test_acknowledged_and_investigated_without_a_finding_is_still_not_enough(discrimination_complaint):
    allegation = discrimination_complaint.allegation
    allegation.acknowledged_on = date(2025, 3, 4)
    allegation.investigated_on = date(2025, 3, 12)
    allegation.save()
    with pytest.raises(ValidationError, match="alleges discrimination"):
        complaint_close(complaint=discrimination_complaint, closed_on=date(2025, 3, 20))


def test_a_discrimination_complaint_closes_once_the_finding_is_recorded(discrimination_complaint):
    allegation = discrimination_complaint.allegation
    allegation.acknowledged_on = date(2025, 3, 4)
    allegation.investigated_on = date(2025, 3, 12)
    allegation.finding = "substantiated"
    allegation.finding_detail = (
        "The contractor's supervisor confirmed it. The contractor has been removed from our list."
    )
    allegation.save()
    complaint_close(complaint=discrimination_complaint, closed_on=date(2025, 3, 20), lesson_learnt="Vet contractors.")
    discrimination_complaint.refresh_from_db()
    assert discrimination_complaint.closed_on == date(2025, 3, 20)


def test_a_complaint_cannot_close_before_its_decision(db):
    complaint = complaint_raise(
        resident=ResidentFactory(), received_on=date(2025, 3, 3), summary="Late", categories=["repairs"]
    )
    with pytest.raises(ValidationError) as raised:
        complaint_close(complaint=complaint, closed_on=date(2025, 3, 20))
    assert raised.value.messages == [
        "Record the decision date and outcome of the current stage before closing the complaint."
    ]


def test_escalation_needs_the_stage_one_decision_first(db):
    complaint = complaint_raise(
        resident=ResidentFactory(), received_on=date(2025, 3, 3), summary="Late", categories=["repairs"]
    )
    with pytest.raises(ValidationError, match="Send the stage 1 decision before escalating"):
        complaint_escalate(complaint=complaint, received_on=date(2025, 3, 20))
    decided(complaint)
    stage_two = complaint_escalate(complaint=complaint, received_on=date(2025, 3, 20))
    assert (stage_two.number, complaint.current_stage().number) == (2, 2)


def test_the_close_page_shows_why_a_discrimination_complaint_cannot_close(client, personas, discrimination_complaint):
    client.force_login(personas["housing_officer"])
    response = client.post(
        reverse("repairs:complaint_close", args=[discrimination_complaint.pk]),
        {"closed_on_0": "20", "closed_on_1": "3", "closed_on_2": "2025", "lesson_learnt": ""},
    )
    assert response.status_code == 200
    assert ALLEGATION_NOT_ANSWERED in response.content.decode()
    assert response.content.decode().count("<title>Error: Close the complaint") == 1


def test_an_extension_needs_the_reason_given_to_the_resident(client, personas, discrimination_complaint):
    client.force_login(personas["contact_centre_agent"])
    response = client.post(
        reverse("repairs:complaint_stage", args=[discrimination_complaint.pk]),
        {
            "acknowledged_on_0": "4",
            "acknowledged_on_1": "3",
            "acknowledged_on_2": "2025",
            "extension_working_days": "5",
        },
    )
    assert "Give the reason for the extension, as you explained it to the resident" in response.content.decode()
    assert discrimination_complaint.stages.get(number=1).extension_working_days == 0
