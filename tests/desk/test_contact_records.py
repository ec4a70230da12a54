"""A contact after it was logged: its page, corrections that keep the original words, follow-ups
changed or handed on, patches assigned in the service and by import, and one "not heard from" window."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.roles import HOUSING_OFFICER
from desk.models import Contact, ContactCorrection, FollowUp
from desk.selectors.worklist import patch_silences, worklist_for
from engagement.models import Home
from tests.core.factories import UserFactory
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.repairs.factories import RepairRequestFactory

pytestmark = pytest.mark.django_db


def _contact(author, resident=None, **extra):
    resident = resident or ResidentFactory(first_name="Amina")
    return Contact.objects.create(
        household=resident.household, resident=resident, occurred_at=extra.pop("occurred_at", timezone.now()),
        channel="phone", made_by=author, made_as="housing_officer", purpose="Rent query",
        notes="She was agressive on the phone.", **extra,
    )  # fmt: skip


def _correct(client, contact, **data):
    return client.post(reverse("contact_detail", args=[contact.pk]), {"purpose": contact.purpose, **data})


def test_the_author_corrects_a_contact_and_the_original_is_kept(client, personas):
    officer = personas["housing_officer"]
    contact = _contact(officer)
    client.force_login(officer)
    response = _correct(client, contact, notes="She was upset about the rent letter.", reason="Wrong word, unfair")
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.notes == "She was upset about the rent letter."
    correction = ContactCorrection.objects.get()
    assert (correction.field, correction.old_value, correction.corrected_by, correction.reason) == (
        "notes", "She was agressive on the phone.", officer, "Wrong word, unfair")  # fmt: skip
    page = client.get(reverse("contact_detail", args=[contact.pk])).content.decode()
    assert "She was agressive on the phone." in page and "Wrong word, unfair" in page and "Corrections" in page


def test_a_correction_needs_a_reason_and_nothing_changes_without_one(client, personas):
    contact = _contact(personas["housing_officer"])
    client.force_login(personas["housing_officer"])
    response = _correct(client, contact, notes="Changed")
    assert response.status_code == 200
    assert "Enter why you are correcting the contact" in response.content.decode()
    assert ContactCorrection.objects.count() == 0


def test_someone_else_may_read_but_not_correct(client, personas):
    contact = _contact(personas["housing_officer"])
    RepairRequestFactory(household=contact.household, operative=personas["repairs_operative"])  # their job's home
    client.force_login(personas["repairs_operative"])
    page = client.get(reverse("contact_detail", args=[contact.pk])).content.decode()
    assert "Rent query" in page and "Correct the contact" not in page
    assert _correct(client, contact, notes="x", reason="y").status_code == 403
    assert Contact.objects.get().notes == "She was agressive on the phone."


def test_a_manager_corrects_anyones_contact(client, personas):
    manager = UserFactory(role=HOUSING_OFFICER)
    manager.user_permissions.add(Permission.objects.get(codename="correct_any_contact"))
    contact = _contact(personas["housing_officer"])
    client.force_login(manager)
    _correct(client, contact, purpose="Rent arrears query", notes=contact.notes, reason="Purpose too vague")
    assert ContactCorrection.objects.get().corrected_by == manager
    assert Contact.objects.get().purpose == "Rent arrears query"


def test_a_follow_up_is_changed_and_handed_to_someone_else(client, personas):
    officer = personas["housing_officer"]
    colleague = UserFactory(role=HOUSING_OFFICER, username="colleague")
    follow_up = FollowUp.objects.create(contact=_contact(officer), action="Send statement", owner=officer,
                                        due_on=date(2025, 1, 6))  # fmt: skip
    client.force_login(officer)
    due = date.today() + timedelta(days=10)
    response = client.post(reverse("follow_up_edit", args=[follow_up.pk]), {
        "action": "Send the rent statement by post", "owner": colleague.pk,
        "due_on_0": due.day, "due_on_1": due.month, "due_on_2": due.year})  # fmt: skip
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.action, follow_up.owner, follow_up.due_on) == ("Send the rent statement by post", colleague, due)
    assert worklist_for(colleague).follow_ups == [follow_up]


def test_an_officer_who_neither_owns_nor_logged_it_cannot_change_a_follow_up(client, personas):
    officer = personas["housing_officer"]
    follow_up = FollowUp.objects.create(contact=_contact(officer), action="Call", owner=officer, due_on=date.today())
    client.force_login(UserFactory(role=HOUSING_OFFICER))
    assert client.get(reverse("follow_up_edit", args=[follow_up.pk])).status_code == 403


def test_homes_are_assigned_to_a_patch_by_reference_and_by_postcode_area(client, personas):
    officer = personas["housing_officer"]
    a = HomeFactory(property_reference="A1", postcode="BD7 1AB")
    HomeFactory(property_reference="B1", postcode="BD7 2XY")
    HomeFactory(property_reference="C1", postcode="BD71 1AA")  # another district: not BD7
    client.force_login(personas["administrator"])
    url = reverse("patch_assign")
    response = client.post(url, {"officer": officer.pk, "property_references": "A1", "postcode_area": ""}, follow=True)
    assert "1 homes moved to" in response.content.decode()
    assert list(Home.objects.filter(housing_officer=officer).values_list("pk", flat=True)) == [a.pk]
    client.post(url, {"officer": officer.pk, "postcode_area": "bd7"})
    assert set(Home.objects.filter(housing_officer=officer).values_list("property_reference", flat=True)) == {
        "A1",
        "B1",
    }
    response = client.post(url, {"officer": officer.pk, "property_references": "A1, ZZ9"})
    assert "No home has the reference ZZ9" in response.content.decode()


def test_the_homes_import_sets_the_housing_officer(tmp_path, personas):
    officer = personas["housing_officer"]
    HomeFactory(property_reference="KEEP1", housing_officer=officer)
    header = "property_reference,address_line_1,town,postcode,region_code,local_authority,housing_officer\n"
    rows = [
        "NEW1,1 New Road,Leeds,LS9 8AB,E12000003,Leeds,housing_officer\n",
        "KEEP1,2 Old Road,Leeds,LS9 8AB,E12000003,Leeds,\n",  # blank: the home keeps its officer
    ]
    path = tmp_path / "homes.csv"
    path.write_text(header + "".join(rows))
    call_command("import_homes", str(path))
    assert Home.objects.get(property_reference="NEW1").housing_officer == officer
    assert Home.objects.get(property_reference="KEEP1").housing_officer == officer


def test_the_homes_import_refuses_an_unknown_officer(tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "homes.csv"
    path.write_text("property_reference,address_line_1,town,postcode,region_code,local_authority,housing_officer\n"
                    "NEW1,1 New Road,Leeds,LS9 8AB,E12000003,Leeds,nobody\n")  # fmt: skip
    with pytest.raises(CommandError):
        call_command("import_homes", str(path))
    assert not Home.objects.filter(property_reference="NEW1").exists()


def test_one_not_heard_from_window_for_the_worklist_and_the_patch(settings, personas):
    officer = personas["housing_officer"]
    settings.CONTACT_NOT_HEARD_DAYS = 200
    quiet = ResidentFactory(household=HouseholdFactory(home=HomeFactory(housing_officer=officer)))
    heard = ResidentFactory(household=HouseholdFactory(home=HomeFactory(housing_officer=officer)))
    _contact(officer, quiet, occurred_at=timezone.now() - timedelta(days=250))
    _contact(officer, heard, occurred_at=timezone.now() - timedelta(days=190))
    assert [r.pk for r in worklist_for(officer).not_contacted] == [quiet.pk]
    silences = patch_silences(officer, officer)
    assert (silences.total, silences.not_heard_days) == (1, 200)


def test_the_ways_in_are_linked(client, personas):
    client.force_login(personas["administrator"])
    assert f'href="{reverse("patch_assign")}"' in client.get(reverse("home")).content.decode()
    officer = personas["housing_officer"]
    resident = ResidentFactory(household=HouseholdFactory(home=HomeFactory(housing_officer=officer)))
    contact = _contact(officer, resident)
    FollowUp.objects.create(contact=contact, action="Call back", owner=officer, due_on=date.today())
    client.force_login(officer)
    assert f'href="{reverse("contact_detail", args=[contact.pk])}"' in client.get(reverse("home")).content.decode()
    page = client.get(reverse("resident_detail", args=[resident.pk])).content.decode()
    assert f'href="{reverse("contact_detail", args=[contact.pk])}"' in page


def test_corrections_age_out_and_are_erased_with_the_notes(personas, settings):
    from io import StringIO

    from desk.contact_logging import contact_correct
    from desk.data_rights import erase_resident

    officer = personas["housing_officer"]
    settings.CONTACT_NOTE_RETENTION_MONTHS = 12
    old = _contact(officer, occurred_at=timezone.now() - timedelta(days=400))
    contact_correct(contact=old, by=officer, changes={"notes": "Upset about the letter."}, reason="Wording")
    call_command("apply_retention", stdout=StringIO())
    assert list(ContactCorrection.objects.values_list("old_value", "new_value")) == [("", "")]

    recent = _contact(officer)
    contact_correct(contact=recent, by=officer, changes={"purpose": "Rent arrears"}, reason="Vague")
    erase_resident(resident=recent.resident, by=personas["administrator"], reason="Request DP-7")
    assert ContactCorrection.objects.get(contact=recent).old_value == ""


def test_a_subject_access_export_includes_corrections(personas):
    from desk.contact_logging import contact_correct
    from desk.data_rights import subject_access

    officer = personas["housing_officer"]
    contact = _contact(officer)
    contact_correct(contact=contact, by=officer, changes={"notes": "Upset about the letter."}, reason="Wording")
    sections = {section["title"]: section["records"] for section in subject_access(contact.resident)["sections"]}
    [record] = sections["Contacts with you"]
    assert [c["old value"] for c in record["corrections"]] == ["She was agressive on the phone."]
