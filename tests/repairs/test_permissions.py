"""Object-level rules: an operative sees only their own jobs; a resident only their household's repairs."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from core.roles import REPAIRS_OPERATIVE
from tests.core.factories import UserFactory
from tests.engagement.factories import ResidentFactory
from tests.repairs.factories import AppointmentFactory, RepairRequestFactory


@pytest.fixture
def jobs(personas):
    mine = RepairRequestFactory(operative=personas["repairs_operative"], description="Mine")
    someone_elses = RepairRequestFactory(operative=UserFactory(role=REPAIRS_OPERATIVE), description="Not mine")
    unassigned = RepairRequestFactory(description="Nobody's yet")
    return mine, someone_elses, unassigned


@pytest.mark.parametrize("name", ["repairs:detail", "repairs:visit"])
def test_an_operative_gets_404_for_a_job_that_is_not_theirs(client, personas, jobs, name):
    mine, someone_elses, unassigned = jobs
    client.force_login(personas["repairs_operative"])
    assert client.get(reverse(name, args=[mine.pk])).status_code == 200
    assert client.get(reverse(name, args=[someone_elses.pk])).status_code == 404
    assert client.get(reverse(name, args=[unassigned.pk])).status_code == 404


def test_an_operative_cannot_record_a_visit_on_someone_elses_job(client, personas, jobs):
    _mine, someone_elses, _unassigned = jobs
    visit = AppointmentFactory(repair=someone_elses)
    client.force_login(personas["repairs_operative"])
    response = client.post(
        reverse("repairs:visit", args=[someone_elses.pk]), {"appointment": visit.pk, "outcome": "kept"}
    )
    assert response.status_code == 404
    visit.refresh_from_db()
    assert visit.outcome == "booked"


def test_an_operatives_list_shows_only_their_jobs(client, personas, jobs):
    client.force_login(personas["repairs_operative"])
    page = client.get(reverse("repairs:list")).content.decode()
    mine, someone_elses, unassigned = jobs
    assert mine.reference in page
    assert someone_elses.reference not in page
    assert unassigned.reference not in page


def test_an_officer_sees_every_repair(client, personas, jobs):
    client.force_login(personas["housing_officer"])
    page = client.get(reverse("repairs:list")).content.decode()
    assert all(repair.reference in page for repair in jobs)


def test_todays_jobs_lists_only_the_operatives_visits_today(client, personas, jobs):
    mine, someone_elses, _unassigned = jobs
    today = timezone.localdate()
    AppointmentFactory(repair=mine, date=today, slot="pm")
    AppointmentFactory(repair=mine, date=date(2020, 1, 2), slot="am")
    AppointmentFactory(repair=someone_elses, date=today)
    client.force_login(personas["repairs_operative"])
    response = client.get(reverse("repairs:jobs"))
    assert [job.repair for job in response.context["jobs"]] == [mine]


def test_a_resident_sees_only_their_own_households_repairs(client, personas):
    resident = personas["resident"].resident
    neighbour = ResidentFactory()
    ours = RepairRequestFactory(household=resident.household, home=resident.household.home)
    theirs = RepairRequestFactory(household=neighbour.household, home=neighbour.household.home)
    client.force_login(personas["resident"])
    listing = client.get(reverse("repairs:mine")).content.decode()
    assert ours.reference in listing
    assert theirs.reference not in listing
    assert client.get(reverse("repairs:my_repair", args=[ours.pk])).status_code == 200
    assert client.get(reverse("repairs:my_repair", args=[theirs.pk])).status_code == 404


def test_a_past_tenants_repairs_are_not_shown_to_the_new_household(client, personas):
    resident = personas["resident"].resident
    home = resident.household.home
    past = RepairRequestFactory(household__home=home, home=home)
    client.force_login(personas["resident"])
    assert client.get(reverse("repairs:my_repair", args=[past.pk])).status_code == 404


def test_residents_cannot_open_staff_repair_pages(client, personas):
    resident = personas["resident"].resident
    ours = RepairRequestFactory(household=resident.household, home=resident.household.home)
    client.force_login(personas["resident"])
    assert client.get(reverse("repairs:detail", args=[ours.pk])).status_code == 403
