"""Who may read support needs is one named rule (issue 25): engagement.selectors.profiles.can_see_needs."""

import pytest

from engagement.selectors.profiles import can_see_needs
from engagement.selectors.visits import household_visit
from tests.engagement.factories import ResidentFactory, SupportNeedFactory

pytestmark = pytest.mark.django_db


def test_an_officer_sees_needs_everywhere_and_an_operative_only_before_a_visit(personas):
    officer, operative = personas["housing_officer"], personas["repairs_operative"]
    assert (can_see_needs(officer), can_see_needs(officer, visiting=True)) == (True, True)
    assert (can_see_needs(operative), can_see_needs(operative, visiting=True)) == (False, True)
    assert (can_see_needs(personas["insight_analyst"]), can_see_needs(personas["insight_analyst"], visiting=True)) == (
        False,
        False,
    )


def test_the_visit_shows_needs_by_the_same_rule(personas):
    resident = ResidentFactory()
    SupportNeedFactory(resident=resident)
    assert household_visit(resident.household, personas["repairs_operative"]).needs_shown == [resident]
    assert household_visit(resident.household, personas["insight_analyst"]).needs_shown == []
