"""Issue 24, item 8: files uploaded for import and not confirmed (ImportBatch.content: names, dates
of birth, equality answers) are deleted after IMPORT_BATCH_RETENTION_DAYS by a nightly task, and
until then subject access shows the rows naming a resident and erasure deletes them."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import ImportBatch
from core.tasks import delete_unconfirmed_imports
from desk.data_rights import erase_resident, subject_access
from tests.core.factories import ImportBatchFactory
from tests.engagement.factories import ResidentFactory

pytestmark = pytest.mark.django_db
RESIDENTS = (
    "Resident_Reference,tenancy_reference,property_reference,tenancy_start,first_name,last_name,date_of_birth\n"
    "P-7781,T-1,PR-1,2020-01-01,Hazel,Holloway,1961-04-02\n"
    "P-9000,T-2,PR-2,2020-01-01,Nora,Neighbour,1970-01-01\n"
)
EQUALITY = "resident_reference,ethnicity\np-7781 ,white_irish\n"
OTHERS_ONLY = "resident_reference,ethnicity\nP-9000,white_british\n"


def _batch(content, days_ago=0, imported=False, kind="residents"):
    batch = ImportBatchFactory(kind=kind, file_name=f"{kind}.csv", content=content)
    ImportBatch.objects.filter(pk=batch.pk).update(
        uploaded_at=timezone.now() - timedelta(days=days_ago, minutes=1),
        imported_at=timezone.now() if imported else None,
    )
    return batch


@pytest.fixture
def hazel(db):
    return ResidentFactory(first_name="Hazel", last_name="Holloway", reference="P-7781")


def test_the_nightly_task_deletes_unconfirmed_batches_after_the_retention_period(settings):
    assert settings.IMPORT_BATCH_RETENTION_DAYS == 7
    schedule = settings.CELERY_BEAT_SCHEDULE["core-delete-unconfirmed-imports"]
    assert schedule["task"] == "core.tasks.delete_unconfirmed_imports"
    old = _batch(RESIDENTS, days_ago=7)
    recent = _batch(RESIDENTS, days_ago=6)
    done = _batch("", days_ago=30, imported=True)

    assert delete_unconfirmed_imports.apply().get() == 1
    assert set(ImportBatch.objects.values_list("pk", flat=True)) == {recent.pk, done.pk}
    assert not ImportBatch.objects.filter(pk=old.pk).exists()
    assert delete_unconfirmed_imports.apply().get() == 0  # again: nothing more to do

    settings.IMPORT_BATCH_RETENTION_DAYS = 3
    assert delete_unconfirmed_imports.apply().get() == 1
    assert list(ImportBatch.objects.values_list("pk", flat=True)) == [done.pk]


def test_subject_access_shows_the_rows_of_unconfirmed_files_that_name_the_resident(client, personas, hazel):
    residents = _batch(RESIDENTS)
    _batch(EQUALITY, kind="equality")
    _batch(OTHERS_ONLY, kind="equality")
    _batch("", imported=True)

    sections = {section["title"]: section["records"] for section in subject_access(hazel)["sections"]}
    rows = sections["Files uploaded for import and not yet confirmed"]

    assert [(row["file"], row["line"]) for row in rows] == [("residents.csv", 2), ("equality.csv", 2)]
    assert rows[0]["date_of_birth"] == "1961-04-02" and rows[1]["ethnicity"] == "white_irish"
    text = json.dumps(rows)
    assert "Nora" not in text and "white_british" not in text
    client.force_login(personas["administrator"])
    download = client.get(reverse("resident_data_json", args=[hazel.pk])).content.decode()
    assert "1961-04-02" in download and "Nora" not in download
    assert ImportBatch.objects.filter(pk=residents.pk).exists()


def test_erasure_deletes_the_unconfirmed_files_that_name_the_resident(personas, hazel):
    _batch(RESIDENTS)
    _batch(EQUALITY, kind="equality")
    others = _batch(OTHERS_ONLY, kind="equality")

    changed = erase_resident(resident=hazel, by=personas["administrator"], reason="Asked in writing")

    assert changed["unconfirmed import files"] == 2
    assert list(ImportBatch.objects.values_list("pk", flat=True)) == [others.pk]
    sections = {section["title"]: section["records"] for section in subject_access(hazel)["sections"]}
    assert sections["Files uploaded for import and not yet confirmed"] == []
