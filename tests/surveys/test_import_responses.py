"""A contractor's file of responses goes in whole, or not at all, with an error for each bad row."""

import io
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from surveys.models import Response
from tests.factories import HomeFactory, HouseholdFactory, ResidentFactory, tsm_survey

pytestmark = pytest.mark.django_db

HEADER = "resident_number,property_reference,mode,language,date,TP01,REPAIR_12M,TP02,TP05\n"


def write(tmp_path, text):
    path = tmp_path / "agency.csv"
    path.write_text(text, encoding="utf-8")
    return path


def homes(*references):
    return [ResidentFactory(household=HouseholdFactory(home=HomeFactory(property_reference=ref))) for ref in references]


def test_a_good_file_imports_every_row_with_its_mode_language_and_date(tmp_path):
    survey = tsm_survey()
    first, second = homes("PR000001", "PR000002")
    path = write(
        tmp_path,
        HEADER
        + ",PR000001,phone,English,2026-02-03,very_satisfied,yes,fairly_satisfied,dont_know\n"
        + f"{second.pk},,phone_interpreter,Urdu,2026-02-04,dont_know,no,,neither\n",
    )
    out = io.StringIO()
    call_command("import_responses", str(survey.pk), str(path), stdout=out)
    assert "Imported 2 responses" in out.getvalue()
    one, two = Response.objects.order_by("pk")
    assert (one.resident, one.mode, one.language, str(one.received_on), one.imported_from) == (
        first,
        "phone",
        "English",
        "2026-02-03",
        "agency.csv",
    )
    assert {a.question.code: a.value for a in one.answers.all()} == {
        "TP01": "very_satisfied",
        "REPAIR_12M": "yes",
        "TP02": "fairly_satisfied",
        "TP05": "dont_know",
    }
    assert (two.resident, two.language) == (second, "Urdu")


def test_one_bad_row_imports_nothing_and_every_problem_is_listed_by_line(tmp_path):
    survey = tsm_survey()
    homes("PR000001", "PR000002")
    path = write(
        tmp_path,
        HEADER
        + ",PR000001,phone,English,2026-02-03,very_satisfied,yes,fairly_satisfied,\n"
        + ",PR000002,carrier pigeon,English,03/02/2026,very happy,no,neither,\n"
        + ",PR000001,paper,English,2026-02-03,neither,,,\n"
        + ",PR999999,paper,,2026-02-03,neither,,,\n",
    )
    errors = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_responses", str(survey.pk), str(path), stderr=errors, stdout=io.StringIO())
    assert errors.getvalue().splitlines() == [
        "Line 3: mode “carrier pigeon” is not one of: online, paper, phone, phone_interpreter, in_person, bsl",
        "Line 3: date “03/02/2026” is not a date like 2026-03-27",
        "Line 3: TP01: “very happy” is not an answer to this question. Use one of: very_satisfied, fairly_satisfied, neither, fairly_dissatisfied, very_dissatisfied, dont_know",
        "Line 3: TP02 is answered, but the survey's routing does not ask it of this resident",
        "Line 4: the same resident is also on line 2",
        "Line 5: no current resident with property reference “PR999999”",
        "Line 5: language is empty",
    ]
    assert not Response.objects.exists()


def test_an_unknown_column_stops_the_import_before_any_row(tmp_path):
    survey = tsm_survey()
    path = write(tmp_path, "property_reference,mode,language,date,TP99\n")
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_responses", str(survey.pk), str(path), stderr=errors, stdout=io.StringIO())
    assert errors.getvalue().strip() == "Line 1: column “TP99” is not a question code of this survey"


def test_a_resident_who_already_answered_cannot_be_imported_again(tmp_path):
    survey = tsm_survey()
    homes("PR000001")
    path = write(tmp_path, HEADER + ",PR000001,phone,English,2026-02-03,neither,no,,\n")
    call_command("import_responses", str(survey.pk), str(path), stdout=io.StringIO())
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_responses", str(survey.pk), str(path), stderr=errors, stdout=io.StringIO())
    assert "Line 2: this resident has already answered this survey" in errors.getvalue()
    assert Response.objects.count() == 1


def test_the_documented_sample_file_imports(tmp_path):
    survey = tsm_survey()
    homes(*(f"PR{n:06d}" for n in range(1, 7)))
    sample = Path(settings.BASE_DIR) / "docs" / "samples" / "survey_responses.csv"
    shutil.copy(sample, tmp_path / "sample.csv")
    call_command("import_responses", str(survey.pk), str(tmp_path / "sample.csv"), stdout=io.StringIO())
    assert Response.objects.count() == 6
