"""Run again, the homes, residents and equality imports keep in step with the housing system: each
updates by its key, ends what the file ends, reports what it added, changed, ended and left
unchanged, and a dry run reports the same and saves nothing (issue 27)."""

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from desk.models import Contact
from engagement.models import AuditEntry, ContactDetails, EqualityProfile, Home, Household, Resident
from surveys.models import Invitation
from tests.core.factories import UserFactory
from tests.engagement.factories import HomeFactory
from tests.surveys.factories import InvitationFactory, answered_response

pytestmark = pytest.mark.django_db

HOMES = "property_reference,address_line_1,town,postcode,region_code,local_authority\n"
RESIDENTS = (
    "resident_reference,tenancy_reference,property_reference,tenancy_start,tenancy_end,first_name,last_name,"
    "mobile_phone\n"
)
EQUALITY = "resident_reference,ethnic_group,disability,consent_recorded_on,consent_how\n"


def run(tmp_path, command, text, *options):
    path = Path(tmp_path) / "file.csv"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command(command, str(path), *options, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def homes_file(*rows):
    return HOMES + "".join(f"{ref},{street},{town},LS9 8AB,E12000003,Leeds\n" for ref, street, town in rows)


def test_homes_run_again_are_updated_by_reference_and_a_dry_run_saves_nothing(tmp_path):
    first = homes_file(
        ("H1", "1 Long Street", "Leeds"), ("H2", "2 Long Street", "Leeds"), ("H3", "3 Long Street", "Leeds")
    )
    assert run(tmp_path, "import_homes", first) == "Homes: 3 added, 0 changed, 0 unchanged."
    Home.objects.filter(property_reference="H1").update(lsoa_code="E01011234")  # held, not in the file
    again = homes_file(
        ("H1", "1 Long Street", "Leeds"), ("H2", "2 Long Street", "Garforth"), ("H4", "4 Long Street", "Leeds")
    )

    said = run(tmp_path, "import_homes", again, "--dry-run")

    assert said == "Dry run, nothing saved. Homes: 1 added, 1 changed, 1 unchanged."
    assert Home.objects.count() == 3 and Home.objects.get(property_reference="H2").town == "Leeds"

    assert run(tmp_path, "import_homes", again) == "Homes: 1 added, 1 changed, 1 unchanged."
    assert dict(Home.objects.values_list("property_reference", "town")) == {
        "H1": "Leeds",
        "H2": "Garforth",
        "H3": "Leeds",  # not in the file: left as it is
        "H4": "Leeds",
    }
    assert Home.objects.get(property_reference="H1").lsoa_code == "E01011234"  # a column left out keeps its value


@pytest.fixture
def homes():
    for ref in ("H1", "H2", "H3"):
        HomeFactory(property_reference=ref)


def test_residents_run_again_end_tenancies_carry_movers_and_lose_nothing(homes, tmp_path):
    first = RESIDENTS + (
        "R1,T1,H1,2015-04-01,,Amira,Khan,07700900001\nR2,T1,H1,2015-04-01,,Tom,Khan,\nR3,T2,H2,2018-06-01,,Jo,Smith,\n"
    )
    assert run(tmp_path, "import_residents", first) == (
        "Residents: 3 added, 0 changed, 0 unchanged. Tenancies: 2 added, 0 changed, 0 unchanged."
    )
    tom = Resident.objects.get(reference="R2")
    response = answered_response(InvitationFactory(resident=tom))
    EqualityProfile.objects.create(resident=tom, ethnicity="white_british")
    AuditEntry.objects.create(resident=tom, action="viewed", subject="equality_profile", detail="Resident page")
    ContactDetails.objects.update_or_create(resident=tom, defaults={"email": "tom@example.org"})
    contact = Contact.objects.create(
        household=tom.household,
        resident=tom,
        occurred_at="2025-01-01T10:00Z",
        channel="phone",
        made_by=UserFactory(),
        made_as="housing_officer",
        purpose="Checking in",
    )
    # T1 ends; Tom moves to a new tenancy at H3; Jo's name changes; Sam joins Jo's tenancy.
    again = RESIDENTS + (
        "R1,T1,H1,2015-04-01,2026-01-31,Amira,Khan,07700900001\n"
        "R2,T3,H3,2026-02-01,,Tom,Khan,\n"
        "R3,T2,H2,2018-06-01,,Jo,Smith-Jones,\n"
        "R4,T2,H2,2018-06-01,,Sam,Smith,\n"
    )
    report = "Residents: 1 added, 2 changed, 1 unchanged. Tenancies: 1 added, 0 changed, 1 ended, 1 unchanged."

    assert run(tmp_path, "import_residents", again, "--dry-run") == f"Dry run, nothing saved. {report}"
    assert Resident.objects.count() == 3 and Household.objects.get(tenancy_reference="T1").tenancy_end is None

    assert run(tmp_path, "import_residents", again) == report
    assert Household.objects.get(tenancy_reference="T1").tenancy_end == date(2026, 1, 31)
    tom.refresh_from_db()
    assert (tom.household.tenancy_reference, tom.household.home.property_reference) == ("T3", "H3")
    assert Resident.objects.get(reference="R3").last_name == "Smith-Jones"
    assert Resident.objects.get(reference="R4").household.tenancy_reference == "T2"
    # Everything held about the resident who moved is still theirs.
    assert Invitation.objects.get(pk=response.invitation.pk).resident_id == tom.pk
    response.refresh_from_db()
    assert response.resident_id == tom.pk and response.submitted_at is not None
    assert tom.equality.ethnicity == "white_british"
    assert AuditEntry.objects.filter(resident=tom).count() == 1
    assert ContactDetails.objects.get(resident=tom).email == "tom@example.org"
    assert Contact.objects.get(pk=contact.pk).resident_id == tom.pk

    assert run(tmp_path, "import_residents", again) == (
        "Residents: 0 added, 0 changed, 4 unchanged. Tenancies: 0 added, 0 changed, 3 unchanged."
    )


def test_lines_of_one_tenancy_that_disagree_are_named_and_nothing_is_saved(homes, tmp_path):
    text = RESIDENTS + "R1,T1,H1,2015-04-01,,Amira,Khan,\nR2,T1,H1,2015-04-01,2026-01-31,Tom,Khan,\n"
    path = Path(tmp_path) / "file.csv"
    path.write_text(text, encoding="utf-8")
    err = StringIO()
    with pytest.raises(Exception, match="1 problem"):
        call_command("import_residents", str(path), stdout=StringIO(), stderr=err)
    assert err.getvalue().strip() == "Line 3, column tenancy_end: Tenancy T1 has a different tenancy_end on line 2."
    assert Resident.objects.count() == 0 and Household.objects.count() == 0


def test_equality_run_again_changes_what_it_gives_and_never_clears_an_answer(homes, tmp_path):
    run(
        tmp_path,
        "import_residents",
        RESIDENTS + "R1,T1,H1,2015-04-01,,A,K,\nR2,T1,H1,2015-04-01,,B,K,\nR3,T1,H1,2015-04-01,,C,K,\n",
    )
    first = EQUALITY + "R1,white_british,yes,2024-04-01,paper\nR2,asian_indian,no,2024-04-01,paper\n"
    assert run(tmp_path, "import_equality", first) == "Equality answers: 2 added, 0 changed, 0 unchanged."
    # R1: ethnic group blank (not asked in this extract), disability now no; R2 as before; R3 new.
    again = (
        EQUALITY
        + "R1,,no,2024-04-01,paper\nR2,asian_indian,no,2024-04-01,paper\nR3,prefer_not_to_say,,2025-01-01,phone\n"
    )
    report = "Equality answers: 1 added, 1 changed, 1 unchanged."

    assert run(tmp_path, "import_equality", again, "--dry-run") == f"Dry run, nothing saved. {report}"
    assert EqualityProfile.objects.count() == 2 and AuditEntry.objects.count() == 1

    assert run(tmp_path, "import_equality", again) == report
    answers = dict(EqualityProfile.objects.values_list("resident__reference", "ethnicity"))
    assert answers == {"R1": "white_british", "R2": "asian_indian", "R3": "prefer_not_to_say"}
    assert EqualityProfile.objects.get(resident__reference="R1").disability == "no"
    assert AuditEntry.objects.count() == 2  # one for each import saved, none for the dry run


def test_the_browser_shows_what_a_file_will_add_change_and_end_before_it_is_confirmed(client, personas, homes):
    client.force_login(personas["administrator"])
    before = Home.objects.count()  # with the resident persona's home
    held = homes_file(("H1", "1 Long Street", "Leeds"), ("H5", "5 Long Street", "Leeds"))
    file = SimpleUploadedFile("homes.csv", held.encode())

    ready = client.post(reverse("import_start"), {"kind": "homes", "file": file}, follow=True)

    # H1 is held (the factory's address differs); H5 is new.
    assert ready.context["changes"] == [["homes", 1, 1, 0, 0]]
    assert "What importing it will do" in ready.content.decode()
    assert Home.objects.count() == before  # nothing until confirmed


def test_a_residents_rerun_costs_the_same_queries_for_ten_rows_or_a_hundred(homes, tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def rerun(count):
        line = "R{count}-{n},T{count}-{t},H1,2015-04-01,{end},Alex,{name},\n"
        first = [line.format(count=count, n=n, t=n // 2, end="", name="Khan") for n in range(count)]
        run(tmp_path, "import_residents", RESIDENTS + "".join(first))
        again = [
            line.format(count=count, n=n, t=n // 2, end="2026-01-31" if n // 2 % 5 == 0 else "", name="Khan")
            if n % 10 != 3
            else line.format(count=count, n=n, t=f"new{n}", end="", name="Khan")  # moves to a new tenancy
            for n in range(count)
        ]
        with CaptureQueriesContext(connection) as queries:
            said = run(tmp_path, "import_residents", RESIDENTS + "".join(again))
        assert said == (
            f"Residents: 0 added, {count // 10} changed, {count - count // 10} unchanged. "
            f"Tenancies: {count // 10} added, 0 changed, {count // 10} ended, {count // 2 - count // 10} unchanged."
        )
        return len(queries)

    assert rerun(10) == rerun(100)
