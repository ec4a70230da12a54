import pytest
from django.urls import reverse

from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(db):
    home = HomeFactory(
        property_reference="PR000123",
        uprn="100023336956",
        address_line_1="14 Canal Walk",
        town="Leeds",
        postcode="LS9 7QT",
    )
    return ResidentFactory(household=HouseholdFactory(home=home), first_name="Ada", last_name="Okafor")


def search(client, user, text):
    client.force_login(user)
    return client.get(reverse("resident_search"), {"q": text})


@pytest.mark.parametrize(
    "text", ["Okafor", "ada okafor", "Canal Walk", "ls97qt", "LS9 7QT", "PR000123", "100023336956", "Leeds Ada"]
)
def test_an_officer_finds_a_resident_by_name_address_postcode_reference_or_uprn(client, personas, ada, text):
    response = search(client, personas["housing_officer"], text)
    assert response.status_code == 200
    assert [r.pk for r in response.context["residents"]] == [ada.pk]
    assert "1 resident found" in response.content.decode()


def test_former_residents_are_not_found(client, personas, ada):
    ada.household.tenancy_end = ada.household.tenancy_start.replace(year=2020)
    ada.household.save()
    response = search(client, personas["housing_officer"], "Okafor")
    assert response.context["residents"] == []
    assert "0 residents found" in response.content.decode()


def test_panel_members_cannot_search_residents(client, personas, ada):
    assert search(client, personas["panel_member"], "Okafor").status_code == 403
