"""seed_demo's homes and residents: as many homes as asked for, and silences kept apart from refusals."""

import re

import pytest

from engagement.models import EqualityProfile, Home, Resident
from tests.demo.conftest import DEMO_HOMES

pytestmark = pytest.mark.django_db


def test_it_builds_the_number_of_homes_asked_for_across_at_least_five_regions(demo_landlord):
    assert Home.objects.count() == DEMO_HOMES
    assert Home.objects.values("region").distinct().count() >= 5
    assert re.search(rf"{DEMO_HOMES} homes, {DEMO_HOMES} households, \d+ residents", demo_landlord)
    assert Resident.objects.count() > DEMO_HOMES  # some households have more than one adult
    assert EqualityProfile.objects.count() == Resident.objects.count()


def test_the_mix_of_residents_has_silences_and_declined_answers_kept_apart(demo_landlord):
    total = EqualityProfile.objects.count()
    not_asked = EqualityProfile.objects.filter(ethnicity="not_asked").count()
    declined = EqualityProfile.objects.filter(ethnicity="prefer_not_to_say").count()
    disabled = EqualityProfile.objects.filter(disability="yes").count()
    interpreter = EqualityProfile.objects.filter(interpreter_needed="yes").count()
    assert 0.06 < not_asked / total < 0.20
    assert 0 < declined / total < 0.07
    assert 0.20 < disabled / total < 0.50
    assert 0 < interpreter / total < 0.10
    # London homes are more ethnically diverse than elsewhere, as in the census.
    london = EqualityProfile.objects.filter(resident__household__home__region__name="London")
    elsewhere = EqualityProfile.objects.exclude(resident__household__home__region__name="London")
    assert london.filter(ethnicity="white_british").count() / london.count() < (
        elsewhere.filter(ethnicity="white_british").count() / elsewhere.count()
    )
