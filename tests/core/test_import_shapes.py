"""Every import reads a file the same way, whatever its shape (point 7, property-based).

Hypothesis writes each import's file with its columns in any order and any case, each coded cell as
the code or the label in any case, each date as YYYY-MM-DD or DD/MM/YYYY, languages as code or
name, and stray spaces around cells. What is stored must be exactly what the plain file stores.
"""

import random
from datetime import date, datetime

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.imports import IMPORTS
from engagement.equality import Answer, ConsentMethod, Ethnicity, Religion, Sex
from engagement.models import EqualityProfile, Home, Resident, SchemeType
from repairs.models import (
    AsbCase,
    AsbChannel,
    Category,
    Channel,
    CheckType,
    ComplianceCheck,
    DecencyRecord,
    Priority,
    RepairRequest,
    Status,
)
from surveys.choices import SATISFACTION_SCALE, Mode
from surveys.models import Response
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.django_db

YES_NO = [("yes", "Yes"), ("no", "No")]
LANGUAGES = [("en-gb", "English"), ("cy", "Welsh"), ("pl", "Polish")]


def code(choices, value):
    return ("code", choices, value)


def day(value):
    return ("date", value)


def moment(value):
    return ("moment", value)


def lang(value):
    return ("code", LANGUAGES, value)


# Each import: its rows as (column, cell) pairs; a cell is plain text or a (kind, ...) tuple.
FILES = {
    "homes": [
        [("property_reference", "S1"), ("address_line_1", "1 Road"), ("town", "Leeds"), ("postcode", "LS9 8AB"),
         ("region_code", "E12000003"), ("local_authority", "Leeds"), ("scheme_type", code(SchemeType.choices, "shared_ownership")),
         ("has_communal_areas", code(YES_NO, "yes"))],
        [("property_reference", "S2"), ("address_line_1", "2 Road"), ("town", "Leeds"), ("postcode", "LS9 8AB"),
         ("region_code", "E12000003"), ("local_authority", "Leeds"), ("scheme_type", code(SchemeType.choices, "leasehold")),
         ("has_communal_areas", code(YES_NO, "no"))],
    ],
    "residents": [
        [("resident_reference", "Q1"), ("tenancy_reference", "T1"), ("property_reference", "HOME1"),
         ("tenancy_start", day(date(2015, 4, 1))), ("first_name", "Ann"), ("last_name", "Lee"),
         ("date_of_birth", day(date(1961, 8, 14))), ("lead_tenant", code(YES_NO, "yes"))],
        [("resident_reference", "Q2"), ("tenancy_reference", "T1"), ("property_reference", "HOME1"),
         ("tenancy_start", day(date(2015, 4, 1))), ("first_name", "Bo"), ("last_name", "Lee"),
         ("date_of_birth", day(date(1959, 2, 3))), ("lead_tenant", code(YES_NO, "no"))],
    ],
    "equality": [
        [("resident_reference", "P1"), ("ethnic_group", code(Ethnicity.choices, "black_african")),
         ("disability", code(Answer.choices, "yes")), ("sex", code(Sex.choices, "female")),
         ("religion", code(Religion.choices, "prefer_not_to_say")), ("main_language", lang("pl")),
         ("consent_recorded_on", day(date(2021, 9, 1))), ("consent_how", code(ConsentMethod.choices, "paper"))],
    ],
    "repairs": [
        [("job_reference", "J1"), ("property_reference", "HOME1"), ("reported_at", moment(datetime(2025, 1, 6, 8, 15))),
         ("channel", code(Channel.choices, "online")), ("category", code(Category.choices, "damp_mould")),
         ("priority", code(Priority.choices, "urgent")), ("description", "Mould"),
         ("status", code(Status.choices, "completed")), ("completed_at", moment(datetime(2025, 1, 9, 16, 0))),
         ("completed_first_visit", code(YES_NO, "no"))],
    ],
    "imd": [
        [("LSOA code (2021)", "E01011234"), ("LSOA name (2021)", "Leeds 040A"),
         ("Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)", "2"),
         ("Crime Decile (where 1 is most deprived 10% of LSOAs)", "3")],
    ],
    "responses": [
        [("resident_reference", "P1"), ("mode", code(Mode.choices, "phone_interpreter")), ("language", lang("cy")),
         ("date", day(date(2026, 2, 3))), ("TP01", code(SATISFACTION_SCALE, "fairly_satisfied")),
         ("REPAIR_12M", code(YES_NO, "yes")), ("TP02", code(SATISFACTION_SCALE, "very_dissatisfied"))],
    ],
    "compliance": [
        [("property_reference", "HOME1"), ("check_type", code(CheckType.choices, "gas")),
         ("required", code(YES_NO, "yes")), ("due_on", day(date(2025, 2, 10))), ("done_on", day(date(2025, 2, 3))),
         ("recorded_on", day(date(2025, 2, 4)))],
    ],
    "decency": [
        [("property_reference", "HOME1"), ("fails_decent_homes_standard", code(YES_NO, "yes")),
         ("year_end", day(date(2025, 3, 31)))],
    ],
    "asb_cases": [
        [("case_reference", "ASB1"), ("property_reference", "HOME1"), ("opened_on", day(date(2025, 1, 14))),
         ("involves_hate_incident", code(YES_NO, "yes")), ("channel", code(AsbChannel.choices, "in_person"))],
    ],
}  # fmt: skip


def stored(kind, survey):
    """What the import stored, in plain values."""
    if kind == "homes":
        return list(Home.objects.filter(property_reference__startswith="S").order_by("property_reference").values(
            "property_reference", "scheme_type", "has_communal_areas"))  # fmt: skip
    if kind == "residents":
        return list(Resident.objects.filter(reference__startswith="Q").order_by("reference").values(
            "reference", "date_of_birth", "is_lead_tenant", "household__tenancy_start"))  # fmt: skip
    if kind == "imd":
        return list(Home.objects.filter(lsoa_code="E01011234").values("imd_decile", "crime_decile"))
    if kind == "equality":
        return list(EqualityProfile.objects.values(
            "ethnicity", "disability", "sex", "religion", "main_language", "consent_given_on", "consent_method"))  # fmt: skip
    if kind == "repairs":
        return list(RepairRequest.objects.values(
            "reference", "reported_at", "channel", "category", "priority", "status", "completed_at", "completed_first_visit"))  # fmt: skip
    if kind == "compliance":
        return list(ComplianceCheck.objects.values("check_type", "required", "due_on", "done_on", "recorded_on"))
    if kind == "decency":
        return list(DecencyRecord.objects.values("as_at", "fails_standard"))
    if kind == "asb_cases":
        return list(AsbCase.objects.values("reference", "opened_on", "involves_hate_incident", "channel"))
    return [
        (r.mode, r.language, r.received_on, sorted((a.question.code, a.value) for a in r.answers.all()))
        for r in Response.objects.filter(survey=survey)
    ]


def plain(cell):
    if isinstance(cell, str):
        return cell
    if cell[0] == "code":
        return cell[2]
    if cell[0] == "date":
        return cell[1].isoformat()
    return cell[1].strftime("%Y-%m-%d %H:%M")


CASES = [str.lower, str.upper, str.title, lambda text: text]


def reshaped(cell, rng):
    if isinstance(cell, str):
        text = cell
    elif cell[0] == "code":
        label = dict(cell[1])[cell[2]]
        text = rng.choice(CASES)(rng.choice([cell[2], str(label)]))
    elif cell[0] == "date":
        text = rng.choice([cell[1].isoformat(), cell[1].strftime("%d/%m/%Y")])
    else:
        text = cell[1].strftime(rng.choice(["%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]))
    return " " * rng.randint(0, 2) + text + " " * rng.randint(0, 2)


def csv_text(rows, cell_text, header_text, order):
    def quoted(text):
        return f'"{text}"' if "," in text else text

    columns = [rows[0][i][0] for i in order]
    lines = [",".join(header_text(name) for name in columns)]
    for row in rows:
        cells = dict(row)
        lines.append(",".join(quoted(cell_text(cells[name])) for name in columns))
    return "\n".join(lines) + "\n"


@pytest.fixture
def world():
    HouseholdFactory(home=HomeFactory(property_reference="HOME1", lsoa_code="E01011234"))
    ResidentFactory(reference="P1", household=HouseholdFactory(home=HomeFactory(has_communal_areas=True)))
    return tsm_survey()


class Rollback(Exception):
    pass


def import_and_read(kind, survey, text):
    options = {"survey": survey} if kind == "responses" else {}
    try:
        with transaction.atomic():
            IMPORTS[kind].importer(**options).run(text)
            found = stored(kind, survey)
            raise Rollback
    except Rollback:
        return found


@pytest.mark.parametrize("kind", sorted(FILES))
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_any_shape_of_a_file_stores_the_same_values(world, kind, seed):
    rng = random.Random(seed)
    rows = FILES[kind]
    order = list(range(len(rows[0])))
    expected = import_and_read(kind, world, csv_text(rows, plain, str, order))
    assert expected  # the plain file imports
    rng.shuffle(order)
    text = csv_text(rows, lambda cell: reshaped(cell, rng), lambda name: rng.choice(CASES)(name), order)
    assert import_and_read(kind, world, text) == expected, text
