"""One rule for a current tenancy (issue 25): a household whose tenancy has not ended, and its residents."""

from datetime import date

import pytest

from engagement.models import Household, Resident
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def test_current_households_and_residents_are_those_whose_tenancy_has_not_ended():
    home = HomeFactory()
    ended = HouseholdFactory(home=home, tenancy_start=date(2010, 1, 1), tenancy_end=date(2019, 3, 31))
    living = HouseholdFactory(home=home, tenancy_start=date(2019, 4, 1))
    moved_out = ResidentFactory(household=ended)
    lives_here = ResidentFactory(household=living)

    assert list(Household.objects.current()) == [living]
    assert list(Resident.objects.current()) == [lives_here]
    assert moved_out not in home.households.current().get().residents.all()


def test_a_homes_current_household_is_its_latest_current_tenancy_or_none_when_empty():
    home = HomeFactory()
    HouseholdFactory(home=home, tenancy_start=date(2010, 1, 1), tenancy_end=date(2019, 3, 31))
    assert home.current_household() is None

    HouseholdFactory(home=home, tenancy_start=date(2019, 4, 1))
    latest = HouseholdFactory(home=home, tenancy_start=date(2021, 6, 1))
    assert home.current_household() == latest
