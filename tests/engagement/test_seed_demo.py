import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.http import HttpRequest

from engagement.demo.users import DEMO_PASSWORD, USERNAMES
from engagement.models import EqualityProfile, Home, Resident

pytestmark = pytest.mark.django_db


def fingerprint():
    """Everything seed_demo wrote about homes and people, without database ids."""
    homes = list(
        Home.objects.order_by("property_reference").values_list(
            "property_reference",
            "uprn",
            "address_line_1",
            "postcode",
            "region__name",
            "lsoa_code",
            "imd_decile",
            "crime_decile",
            "scheme_type",
            "has_communal_areas",
        )
    )
    residents = list(
        Resident.objects.order_by("household__tenancy_reference", "first_name", "date_of_birth").values_list(
            "household__tenancy_reference",
            "first_name",
            "last_name",
            "date_of_birth",
            "is_lead_tenant",
            "equality__ethnicity",
            "equality__disability",
            "equality__main_language",
            "equality__interpreter_needed",
        )
    )
    return homes, residents


def seed(**options):
    out = StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)  # --replace flushes, which PostgreSQL refuses mid-transaction
def test_the_same_seed_gives_the_same_landlord():
    seed(homes=80, seed=7)
    first = fingerprint()
    seed(homes=80, seed=7, replace=True)
    assert fingerprint() == first
    seed(homes=80, seed=8, replace=True)
    assert fingerprint() != first


def test_it_builds_the_number_of_homes_asked_for_across_at_least_five_regions():
    output = seed(homes=300, seed=3)
    assert Home.objects.count() == 300
    assert Home.objects.values("region").distinct().count() >= 5
    assert re.search(r"300 homes, 300 households, \d+ residents", output)
    assert Resident.objects.count() > 300  # some households have more than one adult
    assert EqualityProfile.objects.count() == Resident.objects.count()


def test_it_keeps_existing_data_unless_asked_to_replace_it():
    seed(homes=20, seed=1)
    output = seed(homes=40, seed=1)
    assert Home.objects.count() == 20
    assert "already has 20 homes" in output


def test_the_mix_of_residents_has_silences_and_declined_answers_kept_apart():
    seed(homes=600, seed=11)
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


def test_every_demo_user_can_sign_in_and_sees_a_home_page_for_their_role(client):
    output = seed(homes=30, seed=2)
    assert DEMO_PASSWORD in output
    headings = {
        "officer": "Your work",
        "operative": "Your jobs",
        "contact": "Find the caller",
        "panel": "Scrutiny panel",
        "resident": "Hello,",
        "analyst": "Insight overview",
        "admin": "Administration",
    }
    for username in USERNAMES.values():
        assert username in output
        assert client.login(request=HttpRequest(), username=username, password=DEMO_PASSWORD), username
        page = client.get("/").content.decode()
        assert headings[username] in page, username
        client.logout()
