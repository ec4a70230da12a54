"""A contractor's file of responses goes in whole, or not at all, with a problem for each bad line.

The key column says what a key is (never the look of the value); dates are when the answers were
given; codes or labels in any case; languages stored as codes.
"""

import io
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command

from engagement.models import SchemeType
from surveys.models import Response
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.django_db

HEADER = "property_reference,mode,language,date,TP01,REPAIR_12M,TP02,TP05\n"


def write(tmp_path, text):
    path = tmp_path / "agency.csv"
    path.write_text(text, encoding="utf-8")
    return path


def homes(*references, **home_fields):
    return [
        ResidentFactory(household=HouseholdFactory(home=HomeFactory(property_reference=ref, **home_fields)))
        for ref in references
    ]


def run(survey, path):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_responses", str(survey.pk), str(path), stdout=out, stderr=err)
    except CommandError:
        return None, err.getvalue().splitlines()
    return out.getvalue(), []


def test_a_good_file_imports_every_row_with_its_mode_language_and_date(tmp_path):
    survey = tsm_survey()
    first, _second = homes("PR000001", "PR000002")
    path = write(
        tmp_path,
        HEADER
        + "PR000001,phone,English,2026-02-03,very_satisfied,yes,fairly_satisfied,dont_know\n"
        + "PR000002,phone_interpreter,Urdu,2026-02-04,dont_know,no,,neither\n",
    )
    out, problems = run(survey, path)
    assert problems == [] and "Imported 2 responses" in out
    one, two = Response.objects.order_by("pk")
    assert (one.resident, one.mode, one.language, str(one.received_on), one.imported_from) == (
        first,
        "phone",
        "en-gb",
        "2026-02-03",
        "agency.csv",
    )
    assert {a.question.code: a.value for a in one.answers.all()} == {
        "TP01": "very_satisfied",
        "REPAIR_12M": "yes",
        "TP02": "fairly_satisfied",
        "TP05": "dont_know",
    }
    assert two.language == "ur"


def test_one_bad_row_imports_nothing_and_every_problem_is_listed_by_line(tmp_path):
    survey = tsm_survey()
    homes("PR000001", "PR000002")
    path = write(
        tmp_path,
        HEADER
        + "PR000001,phone,English,2026-02-03,very_satisfied,yes,fairly_satisfied,\n"
        + "PR000002,carrier pigeon,English,2026-13-02,very happy,no,neither,\n"
        + "PR000001,paper,English,2026-02-03,neither,,,\n"
        + "PR999999,paper,,2026-02-03,neither,,,\n",
    )
    out, problems = run(survey, path)
    assert out is None
    assert problems == [
        "Line 3, column mode: “carrier pigeon” is not one of: online, paper, phone, phone_interpreter, in_person, bsl.",
        "Line 3, column date: “2026-13-02” is not a date: use year-month-day (2024-03-31) or day/month/year (31/03/2024).",
        "Line 3, column TP01: “very happy” is not an answer to this question. Use one of: very_satisfied, "
        "fairly_satisfied, neither, fairly_dissatisfied, very_dissatisfied, dont_know.",
        "Line 4, column property_reference: The same resident is also on line 2.",
        "Line 5, column language: This is empty; it must have a language (a code like en or cy, or its name).",
    ]
    # Once each line reads, the checks against the residents run and list what is left.
    path = write(
        tmp_path,
        HEADER
        + "PR000001,phone,English,2026-02-03,very_satisfied,yes,fairly_satisfied,\n"
        + "PR000002,phone,English,2026-02-03,very_satisfied,no,neither,\n"
        + "PR000001,paper,English,2026-02-03,neither,,,\n"
        + "PR999999,paper,English,2026-02-03,neither,,,\n",
    )
    _out, problems = run(survey, path)
    assert problems == [
        "Line 3, column TP02: This is answered, but the survey's routing does not ask it of this resident.",
        "Line 4, column property_reference: The same resident is also on line 2.",
        "Line 5, column property_reference: No current resident has the property reference “PR999999”.",
    ]
    assert not Response.objects.exists()


def test_an_unknown_column_stops_the_import_before_any_row(tmp_path):
    survey = tsm_survey()
    path = write(tmp_path, "property_reference,mode,language,date,TP99\n")
    _out, problems = run(survey, path)
    assert problems[0].startswith("Line 1, column TP99: Unknown column. The columns are: mode, language, date,")


def test_a_resident_who_already_answered_cannot_be_imported_again(tmp_path):
    survey = tsm_survey()
    homes("PR000001")
    path = write(tmp_path, HEADER + "PR000001,phone,English,2026-02-03,neither,no,,\n")
    run(survey, path)
    _out, problems = run(survey, path)
    assert problems == [
        "Line 2, column property_reference: This resident has already answered this survey "
        "(Phone, from the file agency.csv, answered on 3 February 2026)."
    ]
    assert Response.objects.count() == 1


# Point 1: a key means what its column says, never what its value looks like.


def test_a_numeric_property_reference_is_a_property_never_a_resident_number(tmp_path):
    survey = tsm_survey()
    (in_home_100001,) = homes("100001")
    someone_else = ResidentFactory()
    number_of_someone_else = str(someone_else.pk)
    path = write(
        tmp_path,
        HEADER
        + f"{number_of_someone_else},phone,English,2026-02-03,neither,no,,\n"
        + "100001,phone,English,2026-02-03,neither,no,,\n",
    )
    _out, problems = run(survey, path)
    # No home has that reference: it is not read as someone's resident number.
    assert problems == [
        f"Line 2, column property_reference: No current resident has the property reference “{number_of_someone_else}”."
    ]
    path = write(tmp_path, HEADER + "100001,phone,English,2026-02-03,neither,no,,\n")
    run(survey, path)
    assert Response.objects.get().resident == in_home_100001


@pytest.mark.parametrize(
    "header, message",
    [
        ("mode,language,date,TP01", "It has none."),
        ("resident_number,property_reference,mode,language,date,TP01", "It has resident_number, property_reference."),
    ],
)
def test_a_file_with_no_key_column_or_several_is_refused_naming_them(tmp_path, header, message):
    survey = tsm_survey()
    _out, problems = run(survey, write(tmp_path, header + "\n"))
    assert problems == [
        "Line 1: The file must have exactly one of the columns questionnaire_reference, resident_reference, resident_number, "
        f"property_reference. {message}"
    ]


def test_a_resident_number_column_finds_the_resident_by_number(tmp_path):
    survey = tsm_survey()
    resident = ResidentFactory()
    path = write(tmp_path, f"resident_number,mode,language,date,TP01\n{resident.pk},paper,en,2026-02-03,neither\n")
    run(survey, path)
    assert Response.objects.get().resident == resident


# Point 3: the landlord's own person reference.


def test_a_file_keyed_on_the_landlords_person_reference_finds_that_person_not_the_lead_tenant(tmp_path):
    survey = tsm_survey()
    household = HouseholdFactory(home=HomeFactory(property_reference="PR000009"))
    ResidentFactory(household=household, reference="P-LEAD", is_lead_tenant=True)
    partner = ResidentFactory(household=household, reference="P-PARTNER", is_lead_tenant=False)
    path = write(tmp_path, "resident_reference,mode,language,date,TP01\nP-PARTNER,paper,English,2026-02-03,neither\n")
    out, problems = run(survey, path)
    assert problems == [] and "Imported 1 responses" in out
    assert Response.objects.get().resident == partner


# Point 2: the date the answers were given.


def test_a_date_in_the_future_or_outside_fieldwork_is_a_problem_of_its_line(tmp_path):
    survey = tsm_survey()
    survey.fieldwork_starts_on, survey.fieldwork_ends_on = date(2026, 1, 1), date(2026, 3, 31)
    survey.save()
    homes("PR000001", "PR000002", "PR000003")
    tomorrow = date.today() + timedelta(days=1)
    path = write(
        tmp_path,
        HEADER
        + f"PR000001,paper,English,{tomorrow:%Y-%m-%d},neither,no,,\n"
        + "PR000002,paper,English,15/04/2023,neither,no,,\n"
        + "PR000003,paper,English,31/03/2026,neither,no,,\n",
    )
    _out, problems = run(survey, path)
    assert problems == [
        f"Line 2, column date: {tomorrow:%d/%m/%Y} is in the future.",
        "Line 3, column date: 15/04/2023 is outside the survey's fieldwork dates (01/01/2026 to 31/03/2026).",
    ]


def test_a_survey_given_last_years_fieldwork_dates_takes_last_years_answers(tmp_path):
    survey = tsm_survey()
    survey.fieldwork_starts_on, survey.fieldwork_ends_on = date(2024, 4, 1), date(2025, 3, 31)
    survey.save()
    homes("PR000001")
    run(survey, write(tmp_path, HEADER + "PR000001,paper,English,03/02/2025,neither,no,,\n"))
    assert Response.objects.get().received_on == date(2025, 2, 3)


# Point 7: codes or labels in any case, and UK dates.


def test_labels_in_any_case_and_uk_dates_are_read_as_the_codes(tmp_path):
    survey = tsm_survey()
    homes("PR000001")
    path = write(
        tmp_path,
        "Property_Reference, MODE ,language,date,tp01,REPAIR_12M,TP02,TP05\n"
        + "PR000001 , Paper ,Welsh, 01/11/2026 ,Very satisfied,YES,fairly satisfied,Don't know / not applicable\n",
    )
    out, problems = run(survey, path)
    assert problems == [] and "Imported 1 responses" in out
    response = Response.objects.get()
    assert (response.mode, response.language, response.received_on) == ("paper", "cy", date(2026, 11, 1))
    assert {a.question.code: a.value for a in response.answers.all()} == {
        "TP01": "very_satisfied",
        "REPAIR_12M": "yes",
        "TP02": "fairly_satisfied",
        "TP05": "dont_know",
    }


# Point 9: language stored as a code, whatever spelling the file used.


def test_one_language_in_several_spellings_is_stored_as_one_code(tmp_path):
    survey = tsm_survey()
    homes("PR1", "PR2", "PR3", "PR4")
    path = write(
        tmp_path,
        "property_reference,mode,language,date,TP01\n"
        + "PR1,paper,English,2026-02-03,neither\nPR2,paper,en,2026-02-03,neither\n"
        + "PR3,paper,cy,2026-02-03,neither\nPR4,paper,Welsh,2026-02-03,neither\n",
    )
    run(survey, path)
    assert sorted(Response.objects.values_list("language", flat=True)) == ["cy", "cy", "en-gb", "en-gb"]
    _out, problems = run(
        survey, write(tmp_path, "property_reference,mode,language,date,TP01\nPR1,paper,Elvish,2026-02-03,neither\n")
    )
    assert problems == [
        "Line 2, column language: “Elvish” is not a language we know: give its code (like en, cy, pl) or its English name."
    ]


# Point 5: a filter question asked of everyone is recorded, and left out of the measures.


def test_a_shared_owner_asked_the_repairs_filter_question_is_recorded_not_refused(tmp_path):
    from surveys import tsm

    survey = tsm_survey()
    (owner,) = homes("SO1", scheme_type=SchemeType.SHARED_OWNERSHIP)
    path = write(tmp_path, HEADER + "SO1,phone,English,2026-02-03,very_satisfied,yes,,\n")
    out, problems = run(survey, path)
    assert problems == [] and "Imported 1 responses" in out
    response = Response.objects.get(resident=owner)
    assert {a.question.code: a.value for a in response.answers.all()} == {"TP01": "very_satisfied", "REPAIR_12M": "yes"}
    results = {(r.measure, r.tenure): r for r in tsm.tsm_results(survey)}
    assert results[("TP01", "LCHO")].valid_responses == 1
    assert ("TP02", "LCHO") not in results


# Point 6: a blank has_communal_areas is "not known", and does not block TP10.


def test_tp10_answers_for_homes_not_known_to_have_communal_areas_are_taken(tmp_path):
    survey = tsm_survey()
    homes("PR1", has_communal_areas=None)
    homes("PR2", has_communal_areas=False)
    header = "property_reference,mode,language,date,TP10\n"
    _out, problems = run(
        survey, write(tmp_path, header + "PR1,paper,English,2026-02-03,neither\nPR2,paper,English,2026-02-03,neither\n")
    )
    assert problems == [
        "Line 3, column TP10: This is answered, but the survey's routing does not ask it of this resident."
    ]
    out, problems = run(survey, write(tmp_path, header + "PR1,paper,English,2026-02-03,neither\n"))
    assert problems == [] and "Imported 1 responses" in out
