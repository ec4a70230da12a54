"""import_compliance, import_decency and import_asb_cases: the one import framework, all or nothing."""

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from engagement.models import Home
from repairs.models import AsbCase, ComplianceCheck, DecencyRecord
from tests.engagement.factories import HomeFactory

pytestmark = pytest.mark.django_db


def run(tmp_path, command, text):
    path = Path(tmp_path) / "file.csv"
    path.write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()
    try:
        call_command(command, str(path), stdout=out, stderr=err)
    except CommandError as error:
        return str(error), err.getvalue().splitlines()
    return out.getvalue(), []


def test_the_documented_samples_import():
    for name in ("homes", "residents"):
        call_command(f"import_{name}", f"docs/samples/{name}.csv", stdout=StringIO())
    for name, said in (
        ("compliance", "Building-safety checks: 5 added, 0 changed, 0 unchanged."),
        ("decency", "Decency answers: 4 added, 0 changed, 0 unchanged."),
        ("asb_cases", "Anti-social behaviour cases: 2 added, 0 changed, 0 unchanged."),
    ):
        out = StringIO()
        call_command(f"import_{name}", f"docs/samples/{name}.csv", stdout=out)
        assert said in out.getvalue()
    fire = ComplianceCheck.objects.get(check_type="fire_risk")
    assert (fire.home.property_reference, fire.done_on, fire.recorded_on) == (
        "SAMPLE0002",
        date(2025, 1, 10),
        date(2025, 1, 20),
    )
    assert ComplianceCheck.objects.get(home__property_reference="SAMPLE0003").due_on == date(2025, 3, 12)
    assert DecencyRecord.objects.get(home__property_reference="SAMPLE0002").fails_standard is True
    hate = AsbCase.objects.get(reference="ASB-0102")
    assert (hate.involves_hate_incident, hate.channel, hate.opened_on) == (True, "in_person", date(2025, 2, 3))


@pytest.fixture
def homes():
    for n in (1, 2, 3):
        HomeFactory(property_reference=f"H{n}", block_reference="B1" if n < 3 else "")


def test_a_block_applies_to_its_homes_and_a_new_file_replaces_a_homes_check(homes, tmp_path):
    header = "property_reference,block_reference,check_type,required,due_on,done_on,recorded_on\n"
    said, problems = run(tmp_path, "import_compliance", header + ",B1,fire_risk,yes,2025-01-15,2025-01-10,2025-01-20\n")
    assert "Building-safety checks: 2 added, 0 changed, 0 unchanged." in said and not problems
    assert sorted(ComplianceCheck.objects.values_list("home__property_reference", flat=True)) == ["H1", "H2"]
    run(tmp_path, "import_compliance", header + "H1,,fire_risk,yes,2026-01-15,,\n")
    assert ComplianceCheck.objects.get(home__property_reference="H1").done_on is None
    assert ComplianceCheck.objects.count() == 2


def test_bad_compliance_lines_are_named_and_nothing_is_saved(homes, tmp_path):
    text = (
        "Property_Reference,block_reference,check_type,required,due_on,done_on,recorded_on\n"
        "H1,,gas,yes,2025-01-01,2025-01-02,2025-01-03\n"
        "H9,,gas,yes,2025-01-01,,\n"
        ",B7,fire_risk,yes,2025-01-01,,\n"
        "H2,B1,gas,yes,2025-01-01,,\n"
        ",,gas,yes,2025-01-01,,\n"
        "H3,,boiler,maybe,2025-13-01,,\n"
        "H3,,water,yes,,2025-02-01,2025-01-01\n"
        ",B1,gas,yes,2025-01-01,,\n"
    )
    said, problems = run(tmp_path, "import_compliance", text)
    assert "nothing was imported" in said
    assert ComplianceCheck.objects.count() == 0
    assert problems == [
        "Line 3, column property_reference: H9 is not one of our homes: import homes first.",
        "Line 4, column block_reference: No home has block reference B7: give it in the homes file.",
        "Line 5, column block_reference: Give a property_reference or a block_reference, not both.",
        "Line 6, column property_reference: This is empty; give a property_reference or a block_reference.",
        "Line 7, column check_type: “boiler” is not one of: gas, fire_risk, asbestos, water, lifts.",
        "Line 7, column required: “maybe” is not yes or no.",
        "Line 7, column due_on: “2025-13-01” is not a date: use year-month-day (2024-03-31) or day/month/year "
        "(31/03/2024).",
        "Line 8, column recorded_on: This is before done_on.",
        "Line 8, column due_on: This is empty; a required check needs the date it was due.",
        "Line 9, column block_reference: This home's gas check is already on line 2.",
    ]


def test_bad_decency_and_asb_lines_are_named_and_nothing_is_saved(homes, tmp_path):
    said, problems = run(
        tmp_path,
        "import_decency",
        "property_reference,fails_decent_homes_standard,year_end\nH1,yes,2025-03-31\nH1,no,2025-03-31\nH2,,31/03/2025\n",
    )
    assert "nothing was imported" in said and DecencyRecord.objects.count() == 0
    assert problems == [
        "Line 3, column property_reference: H1 is already on line 2.",
        "Line 4, column fails_decent_homes_standard: This is empty; it must be yes or no.",
    ]
    AsbCase.objects.create(
        reference="OLD1", home=Home.objects.get(property_reference="H1"), opened_on=date(2024, 1, 1), channel="phone"
    )
    said, problems = run(
        tmp_path,
        "import_asb_cases",
        "case_reference,property_reference,opened_on,involves_hate_incident,closed_on\n"
        "N1,H1,2025-01-01,yes,2024-12-01\nOLD1,H2,2025-01-01,no,\nN2,H4,2099-01-01,no,\n",
    )
    assert "nothing was imported" in said and AsbCase.objects.count() == 1
    assert problems == [
        "Line 2, column closed_on: This is before opened_on.",
        "Line 4, column opened_on: 2099-01-01 is in the future.",
    ]


def test_the_homes_file_gives_each_home_its_block(tmp_path):
    header = "property_reference,address_line_1,town,postcode,region_code,local_authority,block_reference\n"
    text = (
        header
        + "B1,Flat 1 Cedar Court,Leeds,LS9 7DE,E12000003,Leeds,CEDAR\nB2,2 Mill Lane,Leeds,LS9 7DE,E12000003,Leeds,\n"
    )
    said, problems = run(tmp_path, "import_homes", text)
    assert "2 added" in said and not problems
    assert dict(Home.objects.values_list("property_reference", "block_reference")) == {"B1": "CEDAR", "B2": ""}
