"""Issue 24, item 2: an operative sees the households of their own jobs and nothing else.

One rule (core.access.within_own_households), followed by the search, the resident page, the
contact pages and "Log a contact". Another household answers 404, as a repair that is not theirs.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from desk.models import Contact
from engagement.models import AuditEntry
from tests.engagement.factories import ResidentFactory, SupportNeedFactory
from tests.repairs.factories import RepairRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def households(personas):
    """Olive's household has the operative persona's job; Nina's has another operative's job only."""
    olive = ResidentFactory(first_name="Olive", last_name="Ownjob")
    nina = ResidentFactory(first_name="Nina", last_name="Notmine")
    RepairRequestFactory(household=olive.household, operative=personas["repairs_operative"])
    RepairRequestFactory(household=nina.household, operative=personas["housing_officer"])
    RepairRequestFactory(household=olive.household, operative=personas["repairs_operative"])  # two jobs: no duplicates
    return olive, nina


def _contact(resident, by):
    return Contact.objects.create(
        household=resident.household,
        resident=resident,
        occurred_at=timezone.now(),
        channel="phone",
        made_by=by,
        made_as="housing_officer",
        purpose="Rent query",
    )


def test_the_search_lists_only_the_residents_of_the_operatives_own_jobs(client, personas, households):
    olive, nina = households
    client.force_login(personas["repairs_operative"])
    for text in ("Ownjob", "Notmine", olive.household.home.postcode, nina.household.home.property_reference):
        response = client.get(reverse("resident_search"), {"q": text})
        found = [r.pk for r in response.context["residents"]]
        assert nina.pk not in found and nina.household.home.address_line_1 not in response.content.decode()
    assert [r.pk for r in client.get(reverse("resident_search"), {"q": "Ownjob"}).context["residents"]] == [olive.pk]


def test_an_officer_still_finds_everyone(client, personas, households):
    client.force_login(personas["housing_officer"])
    response = client.get(reverse("resident_search"), {"q": "Notmine"})
    assert [r.pk for r in response.context["residents"]] == [households[1].pk]


def test_the_resident_page_opens_for_their_jobs_household_only(client, personas, households):
    olive, nina = households
    SupportNeedFactory(resident=olive)
    SupportNeedFactory(resident=nina)
    client.force_login(personas["repairs_operative"])

    assert client.get(reverse("resident_detail", kwargs={"pk": olive.pk})).status_code == 200
    refused = client.get(reverse("resident_detail", kwargs={"pk": nina.pk}))

    assert refused.status_code == 404 and "Notmine" not in refused.content.decode()
    # Needs are shown to an operative on their visit page (audited there), never on another household's.
    assert not AuditEntry.objects.filter(resident=nina).exists()


def test_log_a_contact_opens_and_saves_only_for_their_jobs_household(client, personas, households):
    olive, nina = households
    client.force_login(personas["repairs_operative"])

    assert client.get(reverse("contact_add", kwargs={"pk": olive.pk})).status_code == 200
    assert client.get(reverse("contact_add", kwargs={"pk": nina.pk})).status_code == 404
    posted = client.post(reverse("contact_add", kwargs={"pk": nina.pk}), {"channel": "visit", "purpose": "x"})

    assert posted.status_code == 404
    assert not Contact.objects.filter(household=nina.household).exists()


def test_a_contact_page_opens_only_for_their_jobs_household(client, personas, households):
    olive, nina = households
    mine = _contact(olive, personas["housing_officer"])
    other = _contact(nina, personas["housing_officer"])
    client.force_login(personas["repairs_operative"])

    assert client.get(reverse("contact_detail", kwargs={"pk": mine.pk})).status_code == 200
    refused = client.get(reverse("contact_detail", kwargs={"pk": other.pk}))
    assert refused.status_code == 404 and "Notmine" not in refused.content.decode()


def test_raising_a_repair_names_only_the_residents_of_their_jobs_households(client, personas, households):
    olive, nina = households
    client.force_login(personas["repairs_operative"])
    url = reverse("repairs:raise") + "?home={}"
    mine = client.get(url.format(olive.household.home.property_reference)).content.decode()
    other = client.get(url.format(nina.household.home.property_reference)).content.decode()
    assert "Olive Ownjob" in mine
    assert "Nina" not in other and "Notmine" not in other
    assert "No one in the household" in other
