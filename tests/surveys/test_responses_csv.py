"""The responses CSV: who answered only for readers allowed special-category data; every download audited."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from engagement.models import AuditEntry
from tests.helpers.files import csv_records
from tests.surveys.test_import_responses import homes, tsm_survey, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(tmp_path):
    survey = tsm_survey()
    homes("PR000001", "PR000002")
    path = write(
        tmp_path,
        "property_reference,mode,language,date,TP01\n"
        "PR000001,paper,en,2026-03-02,very_satisfied\n"
        "PR000002,phone,en,2026-03-03,fairly_dissatisfied\n",
    )
    call_command("import_responses", str(survey.pk), str(path), stdout=io.StringIO())
    return survey


def download(client, user, survey):
    client.force_login(user)
    response = client.get(reverse("surveys:responses_csv", kwargs={"pk": survey.pk}))
    assert response.status_code == 200
    return csv_records(response)


def test_without_the_special_category_permission_the_file_names_nobody(client, personas, answered):
    analyst = personas["insight_analyst"]
    assert not analyst.has_perm("engagement.view_special_category")
    rows = download(client, analyst, answered)
    assert len(rows) == 2
    assert "resident_number" not in rows[0] and "property_reference" not in rows[0]
    assert sorted(row["TP01"] for row in rows) == ["fairly_dissatisfied", "very_satisfied"]


def test_with_it_the_file_says_who_answered(client, personas, answered):
    analyst = personas["insight_analyst"]
    analyst.user_permissions.add(Permission.objects.get(codename="view_special_category"))
    analyst = type(analyst).objects.get(pk=analyst.pk)  # permissions are cached per object
    rows = download(client, analyst, answered)
    assert sorted(row["property_reference"] for row in rows) == ["PR000001", "PR000002"]
    assert all(row["resident_number"] for row in rows)


def test_every_download_is_audited_once_per_resident(client, personas, answered):
    analyst = personas["insight_analyst"]
    download(client, analyst, answered)
    entries = AuditEntry.objects.filter(user=analyst, subject="survey_answers")
    assert entries.count() == 2
    assert all("CSV download" in entry.detail for entry in entries)
