"""The selectors and include the officer's resident page uses to show a household's repairs and complaints."""

from datetime import date

from django.template.loader import render_to_string
from django.test import RequestFactory

from repairs.selectors import complaints_for_household, household_summary, repairs_for_household
from repairs.services import complaint_raise
from tests.engagement.factories import ResidentFactory
from tests.repairs.factories import RepairRequestFactory, at


def test_a_households_repairs_and_complaints_and_no_one_elses(personas):
    resident = ResidentFactory()
    household = resident.household
    old = RepairRequestFactory(household=household, home=household.home, reported_at=at(2024, 5, 1))
    new = RepairRequestFactory(household=household, home=household.home, reported_at=at(2025, 5, 1))
    RepairRequestFactory()  # another household's
    complaint = complaint_raise(resident=resident, received_on=date(2025, 5, 9), summary="Slow", categories=["repairs"])
    assert list(repairs_for_household(household)) == [new, old]
    assert list(complaints_for_household(household)) == [complaint]

    request = RequestFactory().get("/")
    request.user = personas["housing_officer"]
    html = render_to_string(
        "repairs/_resident_summary.html",
        {"summary": household_summary(household), "perms": _perms(request.user)},
        request,
    )
    assert new.reference in html and old.reference in html
    assert complaint.reference in html
    assert "Complaints: 1 open" in html


def _perms(user):
    from django.contrib.auth.context_processors import PermWrapper

    return PermWrapper(user)
