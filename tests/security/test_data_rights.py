"""Data rights: subject access (page and JSON), erasure that keeps the figures, retention, audit."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse

from desk.data_rights import HELD_BY_LABEL, erase_resident, relations_to_resident
from engagement.models import (
    AppendOnly,
    AuditEntry,
    CommunicationPreference,
    EqualityProfile,
    PanelMembership,
    ReasonableAdjustment,
    Resident,
    SupportNeed,
)
from repairs.models import Complaint, RepairRequest
from surveys.models import Answer, Question, Response
from tests.core.factories import PASSWORD, UserFactory
from tests.engagement.factories import (
    CommunicationPreferenceFactory,
    ContactRestrictionFactory,
    EqualityProfileFactory,
    PanelMembershipFactory,
    ReasonableAdjustmentFactory,
    ResidentFactory,
    SupportNeedFactory,
)
from tests.repairs.factories import ComplaintFactory, RepairRequestFactory
from tests.surveys.factories import InvitationFactory, answered_response
from tests.surveys.flow import start_url

pytestmark = pytest.mark.django_db

COMMENT = "My neighbour at number 4 knows about my anxiety."


@pytest.fixture
def held(personas):
    """A resident with something in every kind of record, and a neighbour who must be left alone."""
    user = UserFactory(username="hazel.h", email="hazel@example.org", role=None)
    resident = ResidentFactory(first_name="Hazel", last_name="Holloway", reference="P-7781", user=user)
    EqualityProfileFactory(resident=resident, ethnicity="white_irish")
    SupportNeedFactory(resident=resident)
    ReasonableAdjustmentFactory(resident=resident, request="Easy-read letters because of my dyslexia.")
    ContactRestrictionFactory(resident=resident)
    CommunicationPreferenceFactory(resident=resident, representative_name="Sister, Ivy Holloway")
    PanelMembershipFactory(resident=resident)
    invitation = InvitationFactory(resident=resident)
    response = answered_response(invitation, submit=False)
    comments = Question.objects.get(version=response.version, code="COMMENTS")
    Answer.objects.create(response=response, question=comments, value=COMMENT)
    RepairRequestFactory(
        household=resident.household, home=resident.household.home, reported_by=resident, description="Leak"
    )
    ComplaintFactory(resident=resident, household=resident.household, summary="Ignored for months.")
    AuditEntry.objects.create(
        user=personas["housing_officer"], resident=resident, action="viewed", subject="equality_profile"
    )
    neighbour = ResidentFactory(first_name="Nora", last_name="Neighbour")
    EqualityProfileFactory(resident=neighbour, ethnicity="white_british")
    return resident, invitation


def test_every_record_that_points_at_a_resident_is_in_the_export_and_erasure_list():
    labels = {label for label, _field in relations_to_resident()}
    missing = labels - set(HELD_BY_LABEL)
    assert missing == set(), f"Add these to HELD_ABOUT_A_RESIDENT in desk/data_rights.py: {missing}"


def test_the_subject_access_file_holds_everything_about_them_and_nothing_about_anyone_else(client, personas, held):
    resident, _invitation = held
    client.force_login(personas["administrator"])
    download = client.get(reverse("resident_data_json", args=[resident.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/json; charset=utf-8"
    assert download["Content-Disposition"] == f'attachment; filename="resident-{resident.pk}-data.json"'
    data = json.loads(download.content)
    sections = {section["title"]: section["records"] for section in data["sections"]}
    assert sections["About you"][0]["first name"] == "Hazel"
    assert sections["Your sign-in account"][0]["email"] == "hazel@example.org"
    assert sections["Equality information"][0]["ethnicity"] == "White: Irish"
    assert len(sections["Support needs"]) == 1
    assert sections["Reasonable adjustments"][0]["What was requested"] == "Easy-read letters because of my dyslexia."
    assert sections["Survey responses"][0]["answers"]["COMMENTS"]["answer"] == COMMENT
    assert sections["Survey responses"][0]["answers"]["TP01"]["answer"] == "fairly_satisfied"
    assert len(sections["Complaints"]) == 1
    assert len(sections["Repairs you reported"]) == 1
    assert len(sections["Who has looked at your sensitive information"]) == 1
    text = download.content.decode()
    assert "Neighbour" not in text and "white_british" not in text and "White: English" not in text
    assert "token_hash" not in text and "password" not in text
    entry = AuditEntry.objects.filter(resident=resident, action="exported").get()
    assert entry.user == personas["administrator"]
    assert entry.subject == "whole_record"
    assert entry.detail == "Fields: subject access, JSON"


def test_the_subject_access_page_is_readable_and_audited(client, personas, held):
    resident, _invitation = held
    client.force_login(personas["administrator"])
    page = client.get(reverse("resident_data", args=[resident.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert '<h1 class="govuk-heading-l">Everything we hold</h1>' in html
    for heading in ("Equality information", "Support needs", "Survey responses", "Complaints"):
        assert f'<h2 class="govuk-heading-m">{heading}</h2>' in html
    assert "White: Irish" in html
    assert "Nora" not in html
    assert (
        AuditEntry.objects.filter(resident=resident, action="exported", detail="Fields: subject access, page").count()
        == 1
    )


@pytest.mark.parametrize("slug", ["housing_officer", "contact_centre_agent", "insight_analyst", "resident"])
def test_only_the_administrator_exports_or_erases(client, personas, held, slug):
    resident, _invitation = held
    client.force_login(personas[slug])
    for name in ("resident_data", "resident_data_json", "resident_erase"):
        assert client.get(reverse(name, args=[resident.pk])).status_code == 403
    assert (
        client.post(reverse("resident_erase", args=[resident.pk]), {"reason": "x", "confirmed": "on"}).status_code
        == 403
    )
    assert not AuditEntry.objects.filter(action__in=["exported", "erased"]).exists()
    assert Resident.objects.get(pk=resident.pk).first_name == "Hazel"


def _counts():
    return {
        "residents": Resident.objects.count(),
        "responses": Response.objects.count(),
        "answers": Answer.objects.count(),
        "repairs": RepairRequest.objects.count(),
        "complaints": Complaint.objects.count(),
        "panel members": PanelMembership.objects.count(),
        "adjustments": ReasonableAdjustment.objects.count(),
    }


def test_erasure_keeps_every_count_and_removes_what_identifies_them(client, personas, held):
    resident, invitation = held
    link = invitation.token
    before = _counts()
    tp01_before = list(Answer.objects.filter(question__code="TP01").values_list("value", flat=True))

    changed = erase_resident(resident=resident, by=personas["administrator"], reason="Request DP-42")

    assert _counts() == before
    resident.refresh_from_db()
    assert (resident.first_name, resident.last_name, resident.reference, resident.date_of_birth) == (
        "Erased",
        "resident",
        None,
        None,
    )
    assert resident.user is None
    assert not EqualityProfile.objects.filter(resident=resident).exists()
    assert not SupportNeed.objects.filter(resident=resident).exists()
    assert not CommunicationPreference.objects.filter(resident=resident).exists()
    assert ReasonableAdjustment.objects.get(resident=resident).request == ""
    assert Complaint.objects.get(resident=resident).summary == ""
    assert Answer.objects.get(response__resident=resident, question__code="COMMENTS").value == ""
    assert list(Answer.objects.filter(question__code="TP01").values_list("value", flat=True)) == tp01_before
    assert changed["engagement.EqualityProfile"] == 1
    assert changed["free-text survey answers"] == 1
    # Their account no longer signs in, and their survey link no longer works.
    account = get_user_model().objects.get(username=f"erased-{resident.pk}")
    assert not account.is_active and account.email == "" and not account.has_usable_password()
    assert not client.login(request=HttpRequest(), username="hazel.h", password=PASSWORD)
    assert client.get(start_url(link)).status_code == 410
    # The neighbour is untouched.
    assert EqualityProfile.objects.get(resident__last_name="Neighbour").ethnicity == "white_british"
    # The audit keeps the earlier view and records the erasure, naming no values.
    entries = AuditEntry.objects.filter(resident=resident).order_by("pk")
    assert [entry.action for entry in entries] == ["viewed", "erased"]
    erased = entries.last()
    assert erased.user == personas["administrator"]
    assert erased.detail.startswith("Fields: reason: Request DP-42, engagement.EqualityProfile 1")
    assert "dyslexia" not in erased.detail and "Hazel" not in erased.detail


def test_erasing_twice_changes_nothing_more(personas, held):
    resident, _invitation = held
    erase_resident(resident=resident, by=personas["administrator"], reason="Request DP-42")
    before = _counts()
    changed = erase_resident(resident=resident, by=personas["administrator"], reason="Request DP-42 again")
    assert _counts() == before
    assert changed["engagement.EqualityProfile"] == 0
    assert AuditEntry.objects.filter(resident=resident, action="erased").count() == 2


def test_the_erasure_page_asks_for_a_reason_and_a_confirmation(client, personas, held):
    resident, _invitation = held
    client.force_login(personas["administrator"])
    url = reverse("resident_erase", args=[resident.pk])
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "Enter why this resident&#x27;s data is being erased" in text
    assert "Confirm you have checked the request before erasing" in text
    assert Resident.objects.get(pk=resident.pk).first_name == "Hazel"
    done = client.post(url, {"reason": "Request DP-42", "confirmed": "on"})
    assert done.status_code == 302 and done.url == reverse("resident_detail", args=[resident.pk])
    assert Resident.objects.get(pk=resident.pk).first_name == "Erased"


def test_audit_entries_refuse_bulk_changes_too(personas, held):
    resident, _invitation = held
    entry = AuditEntry.objects.get(resident=resident)
    entry.detail = "rewritten"
    with pytest.raises(AppendOnly), transaction.atomic():
        AuditEntry.objects.bulk_update([entry], ["detail"])
    with pytest.raises(AppendOnly), transaction.atomic():
        AuditEntry.objects.filter(resident=resident).update(detail="rewritten")
    with pytest.raises(AppendOnly), transaction.atomic():
        AuditEntry.objects.filter(resident=resident).delete()
    assert AuditEntry.objects.get(resident=resident).detail == ""


def _contact_with_notes(officer, days_ago, notes):
    from datetime import timedelta

    from django.utils import timezone

    from desk.models import Contact, LanguageFlag

    resident = ResidentFactory()
    contact = Contact.objects.create(
        household=resident.household, resident=resident, occurred_at=timezone.now() - timedelta(days=days_ago),
        channel="phone", made_by=officer, made_as="housing_officer", purpose="Check-in", notes=notes,
    )  # fmt: skip
    LanguageFlag.objects.create(
        source="contact_notes", contact=contact, phrase="refused access", matched_text=notes[:200],
        text_changed=False, still_in_text=True, flagged_by=officer,
    )  # fmt: skip
    return contact


def test_retention_blanks_old_contact_notes_and_what_the_language_check_quoted(personas, settings):
    from desk.models import LanguageFlag

    settings.CONTACT_NOTE_RETENTION_MONTHS = 12
    officer = personas["housing_officer"]
    old = _contact_with_notes(officer, 400, "Mr A refused access again, says his back is bad")
    recent = _contact_with_notes(officer, 30, "Refused access, neighbour says he is in hospital")
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert out.getvalue().strip() == "Contact notes: 1 older than 12 months blanked."
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.notes, old.purpose) == ("", "Check-in")
    assert recent.notes.startswith("Refused access")
    assert LanguageFlag.objects.get(contact=old).matched_text == ""
    assert LanguageFlag.objects.get(contact=recent).matched_text.startswith("Refused access")
    call_command("apply_retention", stdout=StringIO())  # again: nothing more to do
    settings.CONTACT_NOTE_RETENTION_MONTHS = 0
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert out.getvalue().strip() == "Contact notes: kept (CONTACT_NOTE_RETENTION_MONTHS is 0)."
    recent.refresh_from_db()
    assert recent.notes != ""


def test_retention_runs_nightly_as_a_task(settings):
    from desk.tasks import apply_retention

    assert settings.CELERY_BEAT_SCHEDULE["desk-apply-retention"]["task"] == "desk.tasks.apply_retention"
    assert apply_retention.apply().get() == 0  # no contacts yet: nothing to blank
