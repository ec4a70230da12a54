"""import_equality: equality answers held from sign-up come in with their consent (point 4), and
repairs and survey responses have the same browser flow as every import (point 12)."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from core.models import ImportBatch
from engagement.models import AuditEntry, EqualityProfile
from inequities.models import Figure, Snapshot
from repairs.models import RepairRequest
from surveys.models import Response
from tests.engagement.factories import EqualityProfileFactory, HomeFactory, HouseholdFactory, ResidentFactory
from tests.helpers.files import upload_import
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.django_db

HEADER = (
    "resident_reference,ethnic_group,disability,sex,gender_identity,sexual_orientation,religion,main_language,"
    "interpreter_needed,consent_recorded_on,consent_how\n"
)


def write(tmp_path, text, name="equality.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(tmp_path, text, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_equality", str(write(tmp_path, text)), *args, stdout=out, stderr=err)
    except CommandError as error:
        return str(error), err.getvalue().splitlines()
    return out.getvalue(), []


@pytest.fixture
def people():
    return {ref: ResidentFactory(reference=ref) for ref in ("P1", "P2", "P3")}


def test_answers_are_stored_as_codes_from_codes_or_labels_with_consent(tmp_path, people):
    out, problems = run(
        tmp_path,
        HEADER
        + "P1,white_british,no,female,same,straight,christian,English,no,2015-04-01,in_person\n"
        + 'P2,"Black, Black British, Caribbean or African: African",YES,Male,Prefer not to say,'
        + "prefer_not_to_say,Muslim,Somali,yes,01/09/2021,Explained on the phone\n"
        + "P3,,,,,,,,,,\n",
    )
    assert problems == [] and "Equality answers: 3 added, 0 changed, 0 unchanged." in out
    first = EqualityProfile.objects.get(resident=people["P1"])
    assert (first.ethnicity, first.disability, first.sex, first.main_language, first.consent_method) == (
        "white_british",
        "no",
        "female",
        "en-gb",
        "in_person",
    )
    assert first.consent_given_on == date(2015, 4, 1)
    second = EqualityProfile.objects.get(resident=people["P2"])
    assert (second.ethnicity, second.disability, second.gender_identity, second.main_language) == (
        "black_african",
        "yes",
        "prefer_not_to_say",
        "so",
    )
    # A blank cell is "not asked", never "prefer not to say".
    silent = EqualityProfile.objects.get(resident=people["P3"])
    assert (silent.ethnicity, silent.disability, silent.main_language, silent.consent_method) == (
        "not_asked",
        "not_asked",
        "",
        "",
    )


def test_prefer_not_to_say_is_an_answer_to_every_question(tmp_path, people):
    row = ",".join(["P1"] + ["prefer_not_to_say"] * 8 + ["2020-01-01", "paper"])
    run(tmp_path, HEADER + row + "\n")
    profile = EqualityProfile.objects.get(resident=people["P1"])
    answers = [profile.ethnicity, profile.disability, profile.sex, profile.gender_identity]
    answers += [profile.sexual_orientation, profile.religion, profile.main_language, profile.interpreter_needed]
    assert answers == ["prefer_not_to_say"] * 8


def test_every_problem_is_listed_by_line_and_nothing_is_written(tmp_path, people):
    EqualityProfileFactory(resident=people["P3"], ethnicity="white_irish")
    out, problems = run(
        tmp_path,
        HEADER
        + "P1,white_british,no,female,,,,,,,\n"
        + "P2,purple,maybe,,,,,Klingon,,2999-01-01,by owl\n"
        + "P9,white_british,,,,,,,,2020-01-01,paper\n"
        + "P1,,,,,,,,,,\n",
    )
    assert "nothing was imported" in out
    assert problems[0] == (
        "Line 2, column consent_recorded_on: This is empty; a row with any answer must say when and how consent was recorded."
    )
    assert problems[1] == (
        "Line 2, column consent_how: This is empty; a row with any answer must say when and how consent was recorded."
    )
    assert [p.split(":")[0] for p in problems[2:]] == [
        "Line 3, column ethnic_group",
        "Line 3, column disability",
        "Line 3, column main_language",
        "Line 3, column consent_recorded_on",
        "Line 3, column consent_how",
        "Line 4, column resident_reference",
        "Line 5, column resident_reference",
    ]
    assert (
        problems[-2] == "Line 4, column resident_reference: No resident has the reference P9: import residents first."
    )
    assert problems[-1] == "Line 5, column resident_reference: P1 is already on line 2."
    assert EqualityProfile.objects.count() == 1
    assert EqualityProfile.objects.get().ethnicity == "white_irish"


def test_one_audit_entry_names_the_file_the_count_and_who_never_the_values(tmp_path, people, personas):
    run(
        tmp_path,
        HEADER
        + "P1,white_british,yes,female,,,,,,2020-01-01,paper\n"
        + "P2,asian_indian,no,male,,,,,,2020-01-01,paper\n",
        "--by",
        "administrator",
    )
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.resident, entry.subject, entry.action) == (
        personas["administrator"],
        None,
        "equality_import",
        "added",
    )
    assert entry.detail.startswith("File equality.csv: 2 residents.")
    for value in ("white_british", "asian_indian", "female", "yes"):
        assert value not in entry.detail


def test_the_figures_are_recomputed_once_after_and_show_the_imported_groups(
    tmp_path, django_capture_on_commit_callbacks, tasks_in_process
):
    for n in range(12):
        ResidentFactory(reference=f"R{n}")
    rows = "".join(
        f"R{n},{'asian_indian' if n < 6 else 'white_british'},no,female,,,,,,2020-01-01,paper\n" for n in range(12)
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run(tmp_path, HEADER + rows)
    # One recompute sent; the snapshot it writes then tells the dashboards' cache (inequities/caching.py).
    assert [c.__name__ for c in callbacks][0] == "_send_recompute" and Snapshot.objects.count() == 1
    assert sum(c.__name__ == "_send_recompute" for c in callbacks) == 1
    groups = set(
        Figure.objects.filter(metric="residents", dimension="ethnic_group", region="all").values_list(
            "group", flat=True
        )
    )
    assert {"asian", "white"} <= groups


def test_re_importing_updates_what_the_file_gives_and_keeps_the_rest(tmp_path, people):
    run(tmp_path, HEADER + "P1,white_british,no,female,same,straight,none,English,no,2015-04-01,in_person\n")
    run(tmp_path, "resident_reference,disability,consent_recorded_on,consent_how\nP1,yes,2021-01-01,phone\n")
    profile = EqualityProfile.objects.get()
    assert (profile.ethnicity, profile.disability, profile.consent_method) == ("white_british", "yes", "phone")


# The browser flow: administrators only, every import the same -----------------------------------


def test_equality_answers_upload_checks_then_imports_on_confirm(client, personas, people):
    client.force_login(personas["administrator"])
    page = upload_import(client, "equality", HEADER + "P1,white_british,no,,,,,,,2020-01-01,paper\n", "eq.csv")
    assert "All 1 row is ready to import." in page.content.decode()
    assert not EqualityProfile.objects.exists()
    batch = ImportBatch.objects.get()
    done = client.post(f"/imports/{batch.pk}/", follow=True)
    assert "Equality answers: 1 added, 0 changed, 0 unchanged." in done.content.decode()
    assert EqualityProfile.objects.get().ethnicity == "white_british"
    assert AuditEntry.objects.get().user == personas["administrator"]


@pytest.mark.parametrize("slug", ["housing_officer", "contact_centre_agent", "insight_analyst", "panel_member"])
def test_only_administrators_can_upload_import(client, personas, people, slug):
    client.force_login(personas[slug])
    page = upload_import(client, "equality", HEADER + "P1,white_british,no,,,,,,,2020-01-01,paper\n", "eq.csv")
    assert page.status_code == 403
    assert not EqualityProfile.objects.exists() and not ImportBatch.objects.exists()


def test_repairs_upload_lists_every_problem_by_line_then_imports_a_good_file(client, personas):
    HouseholdFactory(home=HomeFactory(property_reference="PR1"))
    header = "job_reference,property_reference,reported_at,category,priority,description,status\n"
    client.force_login(personas["administrator"])
    page = upload_import(client, "repairs", header + "J1,PR9,2025-01-06,boiler,routine,Leak,reported\n", "jobs.csv")
    html = page.content.decode()
    assert "Nothing was imported" in html and "PR9 is not one of our homes" in html and "“boiler”" in html
    upload_import(client, "repairs", header + "J1,PR1,06/01/2025,Plumbing,Routine,Leak,Reported\n", "jobs.csv")
    assert not RepairRequest.objects.exists()
    client.post(f"/imports/{ImportBatch.objects.first().pk}/")
    assert RepairRequest.objects.get().category == "plumbing"


def test_responses_upload_needs_the_survey_and_imports_into_it(client, personas):
    survey = tsm_survey()
    resident = ResidentFactory(reference="P1")
    text = "resident_reference,mode,language,date,TP01\nP1,paper,English,2026-02-03,neither\n"
    client.force_login(personas["administrator"])
    page = upload_import(client, "responses", text, "agency.csv")
    assert "Choose which survey the responses are to" in page.content.decode()
    page = upload_import(client, "responses", text, "agency.csv", option=str(survey.pk))
    assert "All 1 row is ready to import." in page.content.decode()
    client.post(f"/imports/{ImportBatch.objects.first().pk}/")
    response = Response.objects.get()
    assert (response.survey, response.resident, response.imported_from) == (survey, resident, "agency.csv")
