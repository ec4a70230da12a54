"""Every view and every change of special-category data is audited, and the audit cannot be altered."""

import pytest
from django.db import connection
from django.urls import reverse

from engagement.models import AppendOnly, AuditAction, AuditEntry, AuditSubject
from tests.engagement.factories import EqualityProfileFactory, ResidentFactory, SupportNeedFactory
from tests.repairs.factories import RepairRequestFactory


@pytest.fixture
def resident(db):
    resident = ResidentFactory()
    EqualityProfileFactory(resident=resident, ethnicity="white_irish")
    SupportNeedFactory(resident=resident)
    return resident


def test_an_officer_viewing_an_equality_profile_creates_exactly_one_audit_record(client, personas, resident):
    officer = personas["housing_officer"]
    client.force_login(officer)

    response = client.get(reverse("equality_profile", kwargs={"pk": resident.pk}))

    assert response.status_code == 200
    assert "White: Irish" in response.content.decode()
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.resident, entry.action, entry.subject) == (
        officer,
        resident,
        AuditAction.VIEWED,
        AuditSubject.EQUALITY_PROFILE,
    )
    assert entry.path == f"/residents/{resident.pk}/equality/"


def test_the_resident_page_records_one_view_of_support_needs_for_an_officer(client, personas, resident):
    client.force_login(personas["housing_officer"])

    response = client.get(reverse("resident_detail", kwargs={"pk": resident.pk}))

    assert "needs ground-floor appointments" in response.content.decode()
    entry = AuditEntry.objects.get()
    assert (entry.subject, entry.action, entry.detail) == (
        AuditSubject.SUPPORT_NEEDS,
        AuditAction.VIEWED,
        "Resident page: 1 support needs shown",
    )


@pytest.mark.parametrize("slug", ["contact_centre_agent", "repairs_operative", "administrator"])
def test_staff_without_the_special_category_permission_see_no_needs_and_leave_no_audit(
    client, personas, resident, slug
):
    RepairRequestFactory(household=resident.household, operative=personas["repairs_operative"])  # their job
    client.force_login(personas[slug])

    response = client.get(reverse("resident_detail", kwargs={"pk": resident.pk}))

    assert response.status_code == 200
    page = response.content.decode()
    assert "needs ground-floor appointments" not in page
    assert "Equality information" not in page
    assert AuditEntry.objects.count() == 0
    assert client.get(reverse("equality_profile", kwargs={"pk": resident.pk})).status_code == 403


def test_changing_equality_answers_records_which_fields_changed_but_not_their_values(client, personas, resident):
    client.force_login(personas["housing_officer"])
    form = {
        "ethnicity": "white_irish",
        "disability": "yes",
        "sex": "female",
        "gender_identity": "not_asked",
        "sexual_orientation": "prefer_not_to_say",
        "religion": "not_asked",
        "interpreter_needed": "not_asked",
        "main_language": "",
        "consent_method": "phone",
        # The date of birth the factory gave them, unchanged.
        "date_of_birth_0": "15",
        "date_of_birth_1": "6",
        "date_of_birth_2": "1970",
    }

    response = client.post(reverse("equality_profile_edit", kwargs={"pk": resident.pk}), form)

    assert response.status_code == 302
    entry = AuditEntry.objects.get(action=AuditAction.CHANGED)
    assert entry.subject == AuditSubject.EQUALITY_PROFILE
    assert entry.detail == (
        "Fields: disability, sex, sexual_orientation, consent_method, consent_given_on, consent_explained_by"
    )
    assert "female" not in entry.detail


def test_an_audit_entry_cannot_be_changed_or_deleted(personas, resident):
    entry = AuditEntry.objects.create(
        user=personas["housing_officer"], resident=resident, action="viewed", subject="equality_profile"
    )
    entry.detail = "covering my tracks"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="covering my tracks")
    with pytest.raises(AppendOnly):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().detail == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger is PostgreSQL only")
def test_postgresql_refuses_changes_to_audit_entries_made_around_django(personas, resident):
    from django.db import InternalError, transaction

    AuditEntry.objects.create(
        user=personas["housing_officer"], resident=resident, action="viewed", subject="equality_profile"
    )
    for statement in ("UPDATE engagement_auditentry SET detail = 'x'", "DELETE FROM engagement_auditentry"):
        with pytest.raises(InternalError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert AuditEntry.objects.count() == 1


def test_an_administrator_can_read_and_filter_the_audit_in_the_admin_but_not_change_it(client, personas, resident):
    officer = personas["housing_officer"]
    entry = AuditEntry.objects.create(user=officer, resident=resident, action="viewed", subject="equality_profile")
    AuditEntry.objects.create(user=officer, resident=resident, action="changed", subject="support_needs")
    client.force_login(personas["administrator"])
    changelist = reverse("admin:engagement_auditentry_changelist")

    filtered = client.get(changelist, {"action__exact": "changed"})

    assert filtered.status_code == 200
    assert filtered.context["cl"].result_count == 1
    assert client.get(changelist, {"q": str(resident.pk)}).context["cl"].result_count == 2
    detail = client.get(reverse("admin:engagement_auditentry_change", args=[entry.pk]))
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content
    assert (
        client.post(reverse("admin:engagement_auditentry_change", args=[entry.pk]), {"detail": "x"}).status_code == 403
    )
    assert client.get(reverse("admin:engagement_auditentry_delete", args=[entry.pk])).status_code == 403
    assert client.get(reverse("admin:engagement_auditentry_add")).status_code == 403
    bulk = client.post(changelist, {"action": "delete_selected", "_selected_action": [entry.pk]})
    assert AuditEntry.objects.count() == 2
    assert bulk.status_code in (200, 302)


@pytest.mark.parametrize("slug", ["housing_officer", "repairs_operative", "contact_centre_agent", "insight_analyst"])
def test_only_administrators_may_read_the_audit(client, personas, slug):
    client.force_login(personas[slug])
    response = client.get(reverse("admin:engagement_auditentry_changelist"))
    assert response.status_code == 302  # sent to the admin sign-in: they are not staff
