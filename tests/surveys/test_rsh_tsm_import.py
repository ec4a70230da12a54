"""import_rsh_tsm: the Regulator's TSM dataset in both years' layouts, and a workbook that is not
the Regulator's refused in words, with nothing saved."""

import io
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from surveys.models import PublishedMeasure
from surveys.regulator_dataset import (
    CODE,
    NAME,
    REGION,
    SIZE,
    SUPPORTED,
    TYPE,
    RegulatorDatasetImport,
    sheet_names,
    tables,
)

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
TP01_2025 = "Proportion of respondents who report that they are satisfied with the overall service provided by their landlord (TP01)"


def workbook(year=2025, rename=None, cell=None):
    """A small workbook in the Regulator's layout: the four sheets, a title line, the headings, two
    landlords. `rename`: {heading: another}; `cell`: (heading, value) for the first landlord's LCRA line."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table, name in zip(tables(year), sheet_names(year), strict=True):
        headings = [NAME, CODE, TYPE, SIZE, REGION] + ([SUPPORTED] if table.supported else [])
        headings += [heading for _measure, _tenure, heading in table.measures]
        sheet = book.create_sheet(name)
        sheet.append([name])
        sheet.append([(rename or {}).get(h, h) for h in headings])
        for code, value in (("L0001", 71.5), ("L0002", 80)):
            line = {NAME: f"Landlord {code}", CODE: code, TYPE: "PRP", SIZE: "<5,000", REGION: "North", SUPPORTED: "No"}
            line |= {heading: value for _measure, _tenure, heading in table.measures}
            if cell and code == "L0001" and name.endswith("LCRA_Perception"):
                line[cell[0]] = cell[1]
            sheet.append([line[h] for h in headings])
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()


def problems(content):
    return [str(problem) for problem in RegulatorDatasetImport().check(content).problems]


def test_a_workbook_in_the_regulators_layout_imports_its_figures():
    summary = RegulatorDatasetImport(announce=False).run(workbook())
    # 2 landlords x (12 rented + 9 shared ownership + 12 combined + 10 management + 8 complaints).
    assert summary.startswith("Imported 102 published figures of 2 landlords")
    tp01 = PublishedMeasure.objects.get(landlord_code="L0001", measure="TP01", tenure="LCRA")
    assert (tp01.year, tp01.value, tp01.region, tp01.size_band) == (2025, 0.715, "North", "<5,000")
    assert PublishedMeasure.objects.get(landlord_code="L0002", measure="CH01 (1)", tenure="LCHO").value == 80


def test_both_years_layouts_of_the_real_dataset_import():
    """The 2024 dataset names its columns on line 3, calls councils LARP, writes >40000 and has notes
    below the landlords; the 2025 one (imported in test_peers.py) names them on line 10 or 11."""
    summary = RegulatorDatasetImport(announce=False).run((DATA / "rsh_tsm_2024_dataset.xlsx").read_bytes())
    assert summary == (
        "Imported 11,215 published figures of 360 landlords from the Regulator of Social Housing, TSM 2024 "
        "dataset, replacing any for that year."
    )
    abri = PublishedMeasure.objects.get(year=2024, landlord_code="L4172", measure="TP01", tenure="LCRA")
    assert abri.value == pytest.approx(0.749898332655551)
    councils = PublishedMeasure.objects.filter(year=2024, landlord_type="LA").values("landlord_code").distinct()
    assert councils.count() == 158
    assert PublishedMeasure.objects.filter(year=2024, size_band=">40,000").exists()


def test_a_workbook_without_the_regulators_sheets_is_refused_naming_them():
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    content = io.BytesIO()
    book.save(content)
    assert problems(content.getvalue()) == [
        "The file: This is not the Regulator's TSM dataset as published: it has no sheet TSM25_LCRA_Perception, "
        "TSM25_LCHO_Perception, TSM25_Combined_Perception, TSM25_Management_Info. The import expects the sheets "
        "TSM25_LCRA_Perception, TSM25_LCHO_Perception, TSM25_Combined_Perception, TSM25_Management_Info (TSM 2025) "
        "or TSM24_LCRA_Perception, TSM24_LCHO_Perception, TSM24_Combined_Perception, TSM24_Management_Info (TSM 2024)."
    ]


def test_a_sheet_without_the_regulators_headings_is_refused_naming_the_missing_one():
    found = problems(workbook(rename={TP01_2025: "Overall satisfaction", REGION: "Region"}))
    assert found == [
        f"Sheet TSM25_LCRA_Perception, line 2, column “{REGION}”: This column is missing. The Regulator's TSM 2025 "
        "dataset has it on line 2 of this sheet.",
        f"Sheet TSM25_LCRA_Perception, line 2, column “{TP01_2025}”: This column is missing. The Regulator's TSM "
        "2025 dataset has it on line 2 of this sheet.",
        *found[2:],  # the same for the other sheets
    ]
    assert len(found) == 7  # region on all four sheets, TP01 on the three perception sheets


def test_a_2024_heading_in_a_2025_workbook_is_refused():
    tp01_2024 = "Proportion of respondents who report that they are satisfied with the service provided by their landlord (TP01)"
    assert f"column “{TP01_2025}”: This column is missing" in problems(workbook(rename={TP01_2025: tp01_2024}))[0]


def test_a_sheet_without_a_line_naming_the_columns_is_refused():
    found = problems(workbook(rename={NAME: "Provider"}))
    assert found[0] == (
        "Sheet TSM25_LCRA_Perception, column “Landlord name”: No line in the first 20 names the columns: the "
        "Regulator's sheet has a line whose first cell is “Landlord name”."
    )


def test_a_bad_cell_is_named_by_sheet_line_and_column_and_nothing_is_saved(tmp_path):
    bad = tmp_path / "tsm.xlsx"
    bad.write_bytes(workbook(cell=(TP01_2025, "about 70")))
    errors = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import_rsh_tsm", str(bad), stderr=errors)
    assert str(refused.value) == "1 problem(s) in tsm.xlsx; nothing was imported. Correct them and run it again."
    assert errors.getvalue().strip() == (
        f"Sheet TSM25_LCRA_Perception, line 3, column “{TP01_2025}”: “about 70” is not a number, nor one of the "
        "Regulator's marks for no figure ([X], [Z], [U])."
    )
    assert not PublishedMeasure.objects.exists()  # the other landlord's good lines are not saved either


def test_a_percentage_over_100_and_an_unknown_region_are_problems():
    assert problems(workbook(cell=(TP01_2025, 120)))[0].endswith("120 is not a percentage from 0 to 100.")
    assert problems(workbook(cell=(REGION, "Wales")))[0].endswith(
        "“Wales” is not one of the Regulator's regions: North, Midlands, London, South, Mixed."
    )


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    csv = tmp_path / "tsm.csv"
    csv.write_text("Landlord name,Landlord code\n")
    with pytest.raises(CommandError):
        call_command("import_rsh_tsm", str(csv), stderr=io.StringIO())
    assert problems(csv.read_bytes()) == [
        "The file: This is not an Excel workbook (.xlsx). The Regulator's dataset is an .xlsx file: give it as "
        "downloaded from GOV.UK."
    ]


def test_the_command_replaces_the_years_figures(tmp_path):
    good = tmp_path / "tsm.xlsx"
    good.write_bytes(workbook())
    PublishedMeasure.objects.create(
        year=2025,
        landlord_code="GONE",
        landlord_name="Old",
        landlord_type="PRP",
        measure="TP01",
        tenure="LCRA",
        value=0.5,
    )
    out = io.StringIO()
    call_command("import_rsh_tsm", str(good), stdout=out)
    assert "Imported 102 published figures of 2 landlords" in out.getvalue()
    assert not PublishedMeasure.objects.filter(landlord_code="GONE").exists()
