"""Imports find homes and residents by one lookup each (issue 25)."""

import pytest

from engagement.models import Home, Resident
from tests.engagement.factories import HomeFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def test_homes_are_found_by_property_reference():
    home = HomeFactory(property_reference="H100")
    assert Home.objects.pks_by_reference() == {"H100": home.pk}


def test_residents_are_found_by_their_reference_and_those_without_one_are_left_out():
    alex = ResidentFactory(reference="P1")
    sam = ResidentFactory(reference="P2")
    ResidentFactory(reference=None)
    assert Resident.objects.pks_by_reference() == {"P1": alex.pk, "P2": sam.pk}
    assert Resident.objects.pks_by_reference(["P2", "P9"]) == {"P2": sam.pk}
