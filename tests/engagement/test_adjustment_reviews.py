"""Review dates of reasonable adjustments: shown on the resident page, and due ones on the worklist."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from desk.selectors.worklist import worklist_for
from tests.engagement.factories import HomeFactory, HouseholdFactory, ReasonableAdjustmentFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def test_in_place_adjustments_past_review_are_on_the_officers_worklist(client, personas):
    officer = personas["housing_officer"]
    today = date.today()
    resident = ResidentFactory(household=HouseholdFactory(home=HomeFactory(housing_officer=officer)))
    due = ReasonableAdjustmentFactory(resident=resident, status="in_place", review_by=today - timedelta(days=2),
                                      request="Calls before visits")  # fmt: skip
    ReasonableAdjustmentFactory(resident=resident, status="in_place", review_by=today + timedelta(days=2))
    ReasonableAdjustmentFactory(resident=resident, status="declined", review_by=today - timedelta(days=2))
    ReasonableAdjustmentFactory(status="in_place", review_by=today - timedelta(days=2))  # not in the patch
    assert worklist_for(officer, today=today).adjustments_to_review == [due]
    client.force_login(officer)
    page = client.get(reverse("home")).content.decode()
    assert "1 adjustment in place past its review date" in page


def test_the_resident_page_shows_each_adjustments_review_date(client, personas):
    adjustment = ReasonableAdjustmentFactory(status="in_place", review_by=date(2024, 1, 5))
    client.force_login(personas["housing_officer"])
    page = client.get(reverse("resident_detail", args=[adjustment.resident.pk])).content.decode()
    assert "Review by" in page and "5 Jan 2024" in page and "Review overdue" in page
