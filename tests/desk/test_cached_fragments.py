"""Pages whose parts are cached by what they show (issue 29, core/fragments.py): the next page after
a change shows the change, and one person's cached markup never reaches another whose page differs."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.roles import HOUSING_OFFICER
from desk.models import Contact
from engagement.models import Resident
from tests.core.factories import UserFactory
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory, SupportNeedFactory
from tests.repairs.factories import RepairRequestFactory

pytestmark = pytest.mark.django_db


def _in_patch(officer, first_name):
    home = HomeFactory(housing_officer=officer, address_line_1=f"1 {first_name} Road")
    return ResidentFactory(household=HouseholdFactory(home=home), first_name=first_name, last_name="Patch")


def _contact(officer, resident, days_ago, purpose="Check-in"):
    return Contact.objects.create(
        household=resident.household,
        resident=resident,
        occurred_at=timezone.now() - timedelta(days=days_ago),
        channel="phone",
        made_by=officer,
        made_as="housing_officer",
        purpose=purpose,
    )


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def officer(client, personas, settings):
    settings.CONTACT_NOT_HEARD_DAYS = 180
    client.force_login(personas["housing_officer"])
    return personas["housing_officer"]


def test_the_worklist_shows_a_renamed_resident_a_moved_home_and_a_new_need_on_the_next_visit(client, officer):
    quiet = _in_patch(officer, "Quiet")
    _contact(officer, quiet, days_ago=400)
    assert "Quiet Patch" in _page(client, reverse("home"))  # now cached

    Resident.objects.filter(pk=quiet.pk).update(last_name="Renamed")
    quiet.household.home.__class__.objects.filter(pk=quiet.household.home_id).update(address_line_1="9 New Street")
    page = _page(client, reverse("home"))
    assert "Quiet Renamed" in page and "Quiet Patch" not in page
    assert "9 New Street" in page and "1 Quiet Road" not in page

    need = SupportNeedFactory(resident=quiet, review_by=timezone.localdate() - timedelta(days=3))
    page = _page(client, reverse("home"))
    assert "1 support need past its review date" in page
    assert reverse("support_need_edit", kwargs={"resident_pk": quiet.pk, "pk": need.pk}) in page
    need.review_by = timezone.localdate() + timedelta(days=30)
    need.save()
    page = _page(client, reverse("home"))
    assert "0 support needs past their review date" in page
    assert reverse("support_need_edit", kwargs={"resident_pk": quiet.pk, "pk": need.pk}) not in page


def test_the_patch_view_drops_a_resident_as_soon_as_they_are_heard_from(client, officer):
    quiet = _in_patch(officer, "Quiet")
    _in_patch(officer, "Silent")
    _contact(officer, quiet, days_ago=400)
    page = _page(client, reverse("patch"))
    assert "Quiet Patch" in page and "Silent Patch" in page

    _contact(officer, quiet, days_ago=1)
    page = _page(client, reverse("patch"))
    assert "Quiet Patch" not in page and "Silent Patch" in page
    assert "Everyone else not heard from: 1 resident" in page


def test_the_contact_form_lists_a_new_household_member_and_a_new_colleague(client, officer):
    resident = _in_patch(officer, "Quiet")
    url = reverse("contact_add", kwargs={"pk": resident.pk})
    page = _page(client, url)
    assert "Newcomer Patch" not in page and "newcolleague" not in page

    ResidentFactory(household=resident.household, first_name="Newcomer", last_name="Patch")
    UserFactory(username="newcolleague", role=HOUSING_OFFICER)
    page = _page(client, url)
    assert "Newcomer Patch" in page
    assert page.count(">newcolleague</option>") == 2  # both follow-up owner selects


def test_the_contact_form_of_another_role_keeps_its_own_answers(client, personas, officer):
    resident = _in_patch(officer, "Quiet")
    url = reverse("contact_add", kwargs={"pk": resident.pk})
    assert '<option value="housing_officer" selected>' in _page(client, url)

    client.force_login(personas["contact_centre_agent"])
    page = _page(client, url)
    assert '<option value="contact_centre" selected>' in page
    assert '<option value="housing_officer" selected>' not in page


def test_the_resident_page_shows_a_new_contact_a_changed_purpose_and_a_repair_status_at_once(client, officer):
    resident = _in_patch(officer, "Quiet")
    repair = RepairRequestFactory(household=resident.household, status="reported")
    contact = _contact(officer, resident, days_ago=2, purpose="Asked about the boiler")
    url = reverse("resident_detail", kwargs={"pk": resident.pk})
    page = _page(client, url)
    assert "Asked about the boiler" in page and "Reported" in page

    Contact.objects.filter(pk=contact.pk).update(purpose="Asked about the radiators")
    _contact(officer, resident, days_ago=1, purpose="Booked a visit")
    type(repair).objects.filter(pk=repair.pk).update(status="completed", completed_at=timezone.now())
    page = _page(client, url)
    assert "Asked about the radiators" in page and "Asked about the boiler" not in page
    assert "Booked a visit" in page
    assert "Completed" in page and "Repairs: 0 open" in page


def test_a_repair_linked_for_an_officer_is_not_linked_for_an_operative_on_the_same_page(client, personas, officer):
    resident = _in_patch(officer, "Quiet")
    repair = RepairRequestFactory(household=resident.household, operative=personas["repairs_operative"])
    url = reverse("resident_detail", kwargs={"pk": resident.pk})
    link = f'<a class="govuk-link" href="{reverse("repairs:detail", args=[repair.pk])}">{repair.reference}</a>'
    assert link in _page(client, url)  # cached with the officer's link

    client.force_login(personas["repairs_operative"])  # may not open every repair: no link
    page = _page(client, url)
    assert repair.reference in page and link not in page


def test_among_finds_the_same_rows_as_in(officer):
    residents = [_in_patch(officer, name) for name in ("Ann", "Bob", "Cat")]
    keys = [residents[0].pk, residents[2].pk]
    assert list(Resident.objects.filter(pk__among=keys).order_by("pk")) == [residents[0], residents[2]]
    assert list(Resident.objects.filter(household__among={residents[1].household_id})) == [residents[1]]
    assert list(Resident.objects.filter(pk__among=[])) == []


def test_an_unchanged_list_is_rendered_once_and_then_read_from_the_cache(client, officer, monkeypatch):
    from desk.templatetags import resident_rows

    rendered = []
    render = resident_rows._rows
    monkeypatch.setattr(resident_rows, "_rows", lambda residents: rendered.append(len(residents)) or render(residents))
    _contact(officer, _in_patch(officer, "Quiet"), days_ago=400)
    first, second = _page(client, reverse("home")), _page(client, reverse("home"))
    assert rendered == [1] and "Quiet Patch" in second
    assert first.count("Quiet Patch") == second.count("Quiet Patch")


def test_a_fragment_whose_values_the_page_did_not_give_is_never_shared():
    from django.template import Context, Template

    template = Template('{% load fragments %}{% fragment "test-missing" missing %}{{ value }}{% endfragment %}')
    assert template.render(Context({"value": "first"})) == "first"
    assert template.render(Context({"value": "second"})) == "second"
    shown = Template('{% load fragments %}{% fragment "test-shown" shown %}{{ value }}{% endfragment %}')
    assert shown.render(Context({"value": "first", "shown": ["a"]})) == "first"
    assert shown.render(Context({"value": "second", "shown": ["a"]})) == "first"  # same values shown: cached
    assert shown.render(Context({"value": "second", "shown": ["b"]})) == "second"
