"""Imports are all or nothing, and say exactly which line and column is wrong."""

import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from core.models import ImportBatch
from engagement.models import Home, Household, Resident
from tests.engagement.factories import HomeFactory

SAMPLES = Path(settings.BASE_DIR) / "docs" / "samples"
HOMES_HEADER = "property_reference,uprn,address_line_1,town,postcode,region_code,local_authority,lsoa_code\n"
RESIDENTS_HEADER = (
    "resident_reference,tenancy_reference,property_reference,tenancy_start,first_name,last_name,"
    "date_of_birth,lead_tenant\n"
)


def homes_csv(count, bad_line=None):
    """A homes file of `count` rows; the row on file line `bad_line` has an impossible postcode."""
    lines = [HOMES_HEADER]
    for number in range(1, count + 1):
        postcode = "NOT A POSTCODE" if number + 1 == bad_line else "LS9 8AB"
        lines.append(
            f"H{number:06d},{300000000000 + number},{number} Long Street,Leeds,{postcode},E12000003,Leeds,E01011234\n"
        )
    return "".join(lines)


def residents_csv(count):
    lines = [RESIDENTS_HEADER]
    for number in range(1, count + 1):
        lines.append(f"P{number:07d},T{number:06d},H{number:06d},2012-05-01,Alex,Person{number},1980-01-31,yes\n")
    return "".join(lines)


def run(command, tmp_path, text):
    path = tmp_path / f"{command}.csv"
    path.write_text(text, encoding="utf-8")
    call_command(command, str(path))


def test_a_file_with_a_bad_row_at_line_500_writes_nothing_and_reports_line_500(db, tmp_path, capsys):
    before = Home.objects.count()

    with pytest.raises(CommandError, match=r"1 problem\(s\) in import_homes.csv; nothing was imported"):
        run("import_homes", tmp_path, homes_csv(600, bad_line=500))

    assert Home.objects.count() == before
    assert capsys.readouterr().err.splitlines() == [
        "Line 500, column postcode: “NOT A POSTCODE” is not a UK postcode (for example LS9 8AB)."
    ]


def test_a_good_file_of_10000_rows_imports_in_one_go(db, tmp_path, capsys):
    started = time.perf_counter()
    run("import_homes", tmp_path, homes_csv(10_000))
    homes_seconds = time.perf_counter() - started
    started = time.perf_counter()
    run("import_residents", tmp_path, residents_csv(10_000))
    residents_seconds = time.perf_counter() - started

    assert Home.objects.filter(property_reference__startswith="H").count() == 10_000
    assert Resident.objects.filter(reference__startswith="P").count() == 10_000
    assert Household.objects.filter(tenancy_reference__startswith="T").count() == 10_000
    with capsys.disabled():
        print(f"\n10,000 homes imported in {homes_seconds:.1f}s; 10,000 residents in {residents_seconds:.1f}s")
    # Generous bound: it is the all-in-one-transaction behaviour we test, not the machine.
    assert homes_seconds < 60 and residents_seconds < 60


def test_every_bad_row_is_reported_with_its_line_column_and_what_is_wrong(db, tmp_path, capsys):
    text = (
        HOMES_HEADER
        + "A1,123,1 Road,Leeds,LS9 8AB,E12000003,Leeds,E01011234\n"
        + "A2,12x,2 Road,Leeds,LS9 8AB,E12000099,Leeds,E0101123\n"
        + "A1,124,3 Road,,LS9 8AB,E12000003,Leeds,\n"
        + "A4,123,4 Road,Leeds,LS9 8AB,E12000003,Leeds,\n"
    )

    with pytest.raises(CommandError):
        run("import_homes", tmp_path, text)

    assert capsys.readouterr().err.splitlines() == [
        "Line 3, column uprn: “12x” is not a UPRN: a UPRN is up to 12 digits.",
        "Line 3, column lsoa_code: “E0101123” is not an LSOA code in England: E01 followed by six digits.",
        "Line 4, column town: This is empty; it must have a value.",
        "Line 4, column property_reference: A1 is already on line 2.",
        "Line 5, column uprn: UPRN 123 is already on line 2.",
    ]
    assert Home.objects.count() == 0


def test_problems_found_only_by_comparing_rows_are_reported_once_the_cells_are_right(db, tmp_path, capsys):
    HomeFactory(property_reference="EXISTING", uprn="555")
    text = (
        HOMES_HEADER
        + "A1,123,1 Road,Leeds,LS9 8AB,E12000003,Leeds,\n"
        + "A1,124,3 Road,Leeds,LS9 8AB,E12000003,Leeds,\n"
        + "A3,123,4 Road,Leeds,LS9 8AB,E12000099,Leeds,\n"
        + "A4,555,5 Road,Leeds,LS9 8AB,E12000003,Leeds,\n"
    )

    with pytest.raises(CommandError):
        run("import_homes", tmp_path, text)

    assert capsys.readouterr().err.splitlines() == [
        "Line 3, column property_reference: A1 is already on line 2.",
        "Line 4, column region_code: “E12000099” is not an English region code (E12000001 to E12000009).",
        "Line 5, column uprn: UPRN 555 already belongs to home EXISTING.",
    ]


def test_a_missing_or_misspelt_column_is_reported_on_line_1(db, tmp_path, capsys):
    with pytest.raises(CommandError):
        run(
            "import_homes",
            tmp_path,
            "property_ref,address_line_1,town,postcode,region_code,local_authority\nA,1 Road,Leeds,LS9 8AB,E12000003,Leeds\n",
        )
    problems = capsys.readouterr().err.splitlines()
    assert problems[0] == "Line 1, column property_reference: This column is missing."
    assert problems[1].startswith("Line 1, column property_ref: Unknown column. The columns are: property_reference,")


def test_residents_need_their_home_to_exist_and_a_tenancy_stays_in_one_home(db, tmp_path, capsys):
    HomeFactory(property_reference="H000001")
    HomeFactory(property_reference="H000002")
    text = (
        RESIDENTS_HEADER
        + "P1,T1,H000001,2020-01-01,Ann,Lee,1970-01-01,yes\n"
        + "P2,T1,H000002,2020-01-01,Bob,Lee,1971-01-01,no\n"
        + "P3,T3,H999999,2020-01-01,Cy,Lee,2999-01-01,yes\n"
    )

    with pytest.raises(CommandError):
        run("import_residents", tmp_path, text)

    # The rows that read are checked against each other too, so one run lists every problem.
    assert capsys.readouterr().err.splitlines() == [
        "Line 3, column property_reference: Tenancy T1 is for a different home in line 2.",
        "Line 4, column date_of_birth: 2999-01-01 is in the future.",
    ]
    fixed = text.replace("2999-01-01", "1999-01-01")
    with pytest.raises(CommandError):
        run("import_residents", tmp_path, fixed)
    assert capsys.readouterr().err.splitlines() == [
        "Line 3, column property_reference: Tenancy T1 is for a different home in line 2.",
        "Line 4, column property_reference: No home has the property reference H999999: import homes first.",
    ]
    assert Resident.objects.count() == 0 and Household.objects.count() == 0


def test_importing_the_same_residents_again_updates_them_rather_than_adding_twice(db, tmp_path):
    run("import_homes", tmp_path, homes_csv(3))
    run("import_residents", tmp_path, residents_csv(3))
    run("import_residents", tmp_path, residents_csv(3).replace("Person2", "Renamed"))

    assert Resident.objects.count() == 3
    assert Resident.objects.get(reference="P0000002").last_name == "Renamed"


def test_the_deprivation_file_sets_the_deciles_of_every_home_in_the_neighbourhood(db, tmp_path, capsys):
    in_leeds = HomeFactory.create_batch(2, lsoa_code="E01011234", imd_decile=None, crime_decile=None)
    elsewhere = HomeFactory(lsoa_code="E01099999", imd_decile=7, crime_decile=7)

    call_command("import_imd", str(SAMPLES / "imd.csv"))

    for home in in_leeds:
        home.refresh_from_db()
        assert (home.imd_decile, home.crime_decile) == (1, 1)
    elsewhere.refresh_from_db()
    assert (elsewhere.imd_decile, elsewhere.crime_decile) == (7, 7)
    assert "Updated the deprivation deciles of 2 homes. 1 neighbourhoods" in capsys.readouterr().out


def test_a_deprivation_decile_outside_1_to_10_stops_the_whole_file(db, tmp_path, capsys):
    home = HomeFactory(lsoa_code="E01011234", imd_decile=4)
    text = (
        (SAMPLES / "imd.csv")
        .read_text()
        .replace("Leeds 040B,E08000035,Leeds,38.7,3925,2,", "Leeds 040B,E08000035,Leeds,38.7,3925,11,")
    )

    with pytest.raises(CommandError):
        run("import_imd", tmp_path, text)

    assert capsys.readouterr().err.splitlines() == [
        "Line 3, column Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs): "
        "11 is not a decile: a whole number from 1 to 10."
    ]
    home.refresh_from_db()
    assert home.imd_decile == 4


def test_the_sample_files_in_the_documentation_import_cleanly(db):
    call_command("import_homes", str(SAMPLES / "homes.csv"))
    call_command("import_residents", str(SAMPLES / "residents.csv"))
    call_command("import_imd", str(SAMPLES / "imd.csv"))

    assert Home.objects.get(property_reference="SAMPLE0002").address_line_1 == "Flat 4, Cedar Court"
    assert Resident.objects.get(reference="P0000003").household.tenancy_start.isoformat() == "2021-09-01"
    assert Home.objects.get(property_reference="SAMPLE0003").imd_decile == 1


def test_an_administrator_uploads_sees_the_problems_then_confirms_a_corrected_file(client, personas):
    client.force_login(personas["administrator"])
    before = Home.objects.count()  # the resident persona's home
    bad = SimpleUploadedFile("homes.csv", homes_csv(5, bad_line=4).encode())

    checked = client.post(reverse("import_start"), {"kind": "homes", "file": bad}, follow=True)

    page = checked.content.decode()
    assert "Nothing was imported" in page
    assert checked.context["problems"] == [
        [4, "postcode", "“NOT A POSTCODE” is not a UK postcode (for example LS9 8AB)."]
    ]
    assert Home.objects.count() == before
    assert ImportBatch.objects.get().content == ""  # a rejected file is not kept

    good = SimpleUploadedFile("homes.csv", homes_csv(5).encode())
    ready = client.post(reverse("import_start"), {"kind": "homes", "file": good}, follow=True)
    assert "All 5 rows are ready to import." in ready.content.decode()
    assert Home.objects.count() == before  # nothing until confirmed

    batch = ImportBatch.objects.latest("pk")
    done = client.post(reverse("import_review", kwargs={"pk": batch.pk}), follow=True)

    assert "Homes: 5 added, 0 changed, 0 unchanged." in done.content.decode()
    assert Home.objects.count() == before + 5
    batch.refresh_from_db()
    assert batch.imported_at is not None and batch.content == ""
    client.post(reverse("import_review", kwargs={"pk": batch.pk}))  # confirming twice does nothing more
    assert Home.objects.count() == before + 5


@pytest.mark.parametrize("slug", ["housing_officer", "insight_analyst", "panel_member", "resident"])
def test_only_administrators_import(client, personas, slug):
    client.force_login(personas[slug])
    upload = SimpleUploadedFile("homes.csv", homes_csv(1).encode())
    assert client.post(reverse("import_start"), {"kind": "homes", "file": upload}).status_code == 403
    assert not Home.objects.filter(property_reference="H000001").exists()


def test_a_successful_import_asks_for_the_figures_once_it_commits_and_a_failed_one_does_not(
    db, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    from inequities import tasks

    sent = []
    monkeypatch.setattr(tasks.recompute, "delay", lambda: sent.append("recompute"))
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(CommandError):
            run("import_homes", tmp_path, homes_csv(5, bad_line=3))
    assert sent == []
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run("import_homes", tmp_path, homes_csv(5))
    assert len(callbacks) == 1 and sent == ["recompute"]


def test_a_dry_run_of_an_import_that_only_adds_checks_and_saves_nothing(db):
    call_command("import_homes", str(SAMPLES / "homes.csv"), stdout=StringIO())
    out = StringIO()
    call_command("import_imd", str(SAMPLES / "imd.csv"), "--dry-run", stdout=out)
    assert out.getvalue().strip() == "Dry run, nothing saved. 3 rows ready to import."
    assert Home.objects.get(property_reference="SAMPLE0003").imd_decile is None
