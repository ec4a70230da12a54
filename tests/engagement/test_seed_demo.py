from io import StringIO

import pytest
from django.core.management import call_command
from django.http import HttpRequest

from engagement.demo.users import DEMO_PASSWORD, USERNAMES
from engagement.models import Home, Resident

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


def test_it_keeps_existing_data_unless_asked_to_replace_it():
    seed(homes=20, seed=1)
    output = seed(homes=40, seed=1)
    assert Home.objects.count() == 20
    assert "already has 20 homes" in output


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
