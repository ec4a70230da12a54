import pytest

from tests.engagement.factories import ResidentFactory
from tests.repairs.factories import RepairRequestFactory, at

pytestmark = pytest.mark.django_db


def test_the_officers_resident_page_lists_the_households_repairs(client, personas):
    resident = ResidentFactory()
    RepairRequestFactory(household=resident.household, reference="RR-42", reported_at=at(2026, 3, 2))
    client.force_login(personas["housing_officer"])
    page = client.get(f"/residents/{resident.pk}/").content.decode()
    assert "Repairs and complaints" in page
    assert "RR-42" in page
