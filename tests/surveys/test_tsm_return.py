"""The return to the Regulator: every field the product writes is in the Regulator's data
dictionary under that name and datapoint id, and a small landlord built by hand gives the numbers
worked out here from the Regulator's definitions.

Landlord: three rented homes (LCRA), one shared ownership (LCHO), one leasehold (outside the
measures). Reporting year 2025: 1 April 2024 to 31 March 2025.
"""

import csv
from datetime import date
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from surveys import rsh_dictionary, tsm_return
from surveys.models import Response, SurveyApproach
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.repairs.factories import ComplaintFactory, ComplaintStageFactory
from tests.surveys.factories import TSM_ANSWERS_NO_REPAIR, InvitationFactory, answered_response, tsm_survey

# The `Data Dictionary` sheet of the Regulator's "Tenant Satisfaction Measures: full dataset" (TSM
# 2025, version 1.0, November 2025, Open Government Licence), copied as published, with the whole
# dataset where it sits beside the project.
SHIPPED = Path(__file__).parent / "data" / "rsh_tsm_2025_data_dictionary.xlsx"
FULL = Path(__file__).resolve().parents[3] / "shared" / "reference" / "rsh_tsm_2025_dataset.xlsx"
TABLES = {
    "LCRA": "TSM25_LCRA_Perception",
    "LCHO": "TSM25_LCHO_Perception",
    "combined": "TSM25_Combined_Perception",
    "management": "TSM25_Management_Info",
}


@pytest.mark.parametrize("reference", [SHIPPED, *([FULL] if FULL.exists() else [])], ids=lambda path: path.name)
def test_every_field_written_is_in_the_data_dictionary_with_that_datapoint_id(reference):
    dictionary = {(f.table, f.name): f.datapoint for f in rsh_dictionary.read(reference)}
    written = tsm_return.fields()
    assert len(written) == 441
    wrong = [
        (f.table, f.name, f.datapoint, dictionary.get((TABLES[f.table], f.name)))
        for f in written
        if dictionary.get((TABLES[f.table], f.name)) != f.datapoint
    ]
    assert wrong == []
    # Every field the Regulator's dictionary asks a landlord for (not its own "System Property"
    # rows) is in the return, written or listed blank.
    asked = {key for key in dictionary if key[0] in TABLES.values()}
    assert asked == {(TABLES[f.table], f.name) for f in written}


def test_the_dictionary_reader_refuses_a_workbook_without_the_sheet(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "other.xlsx"
    book = Workbook()
    book.active.title = "Something else"
    book.save(path)
    with pytest.raises(ValueError, match="has no sheet named 'Data Dictionary'"):
        rsh_dictionary.read(path)


def home(scheme):
    return ResidentFactory(household=HouseholdFactory(home=HomeFactory(scheme_type=scheme)))


@pytest.fixture
def landlord(db):
    rented = [home("general_needs") for _ in range(3)]
    owner = home("shared_ownership")
    leaseholder = home("leasehold")
    survey = tsm_survey()
    SurveyApproach.objects.create(
        survey=survey,
        sample_method="census",
        contractor_name="Acme Research",
        excluded_rented=2,
        exclusion_reasons="Bereaved in the month before fieldwork",
        weight_by=["age_band", "region"],
    )
    answers = [
        ("very_satisfied", "letter", "paper"),
        ("fairly_satisfied", "text", "online"),
        ("very_dissatisfied", "email", "phone"),
    ]
    for resident, (tp01, channel, mode) in zip(rented, answers, strict=True):
        response = answered_response(
            InvitationFactory(survey=survey, resident=resident, channel=channel),
            answers={**TSM_ANSWERS_NO_REPAIR, "TP01": tp01},
        )
        Response.objects.filter(pk=response.pk).update(mode=mode)
    lcho = {k: v for k, v in TSM_ANSWERS_NO_REPAIR.items() if k != "REPAIR_12M"}
    answered_response(InvitationFactory(survey=survey, resident=owner), answers={**lcho, "TP01": "neither"})
    answered_response(InvitationFactory(survey=survey, resident=leaseholder), answers=TSM_ANSWERS_NO_REPAIR)
    Response.objects.update(received_on=date(2024, 11, 5))
    stage = ComplaintStageFactory(
        complaint=ComplaintFactory(resident=rented[0], received_on=date(2024, 6, 3)),
        acknowledged_on=date(2024, 6, 4),
        responded_on=date(2024, 6, 10),
    )
    return stage


def read_back(path):
    book = load_workbook(path, read_only=True)
    values = {}
    for sheet in book.sheetnames:
        if sheet == tsm_return.BLANK_SHEET:
            continue
        rows = list(book[sheet].iter_rows(values_only=True))
        assert rows[0] == ("Data field name", "Datapoint", "Value", "Our field")
        values |= {(sheet, name): value for name, _datapoint, value, _ours in rows[1:]}
    blank = [row[1] for row in book[tsm_return.BLANK_SHEET].iter_rows(values_only=True, min_row=2)]
    return book.sheetnames, values, blank


def test_the_return_of_a_small_landlord_read_back_from_the_spreadsheet(landlord, tmp_path):
    path = tmp_path / "return.xlsx"
    out = StringIO()
    call_command("tsm_return", "2025", str(path), stdout=out)
    assert f"Wrote 441 fields of the 2025 return to {path}" in out.getvalue()
    sheets, values, blank = read_back(path)
    assert sheets == [*TABLES.values(), "Left blank"]
    lcra, lcho, both, mi = (lambda name, t=t: values[(t, name)] for t in TABLES.values())

    # Relevant population: homes by tenure; the leasehold home and its answer are outside.
    assert (lcra("Relevant_ten_pop_size_a"), lcho("Relevant_ten_pop_size_b"), both("Relevant_ten_pop_size_c")) == (
        3, 1, 4,
    )  # fmt: skip
    assert (lcra("Total_sample_size_a"), lcho("Total_sample_size_b"), both("Total_sample_size_c")) == (3, 1, 4)
    assert (lcra("Excluded_tens_a"), lcho("Excluded_tens_b"), both("Excluded_tens_c")) == (2, 0, 2)
    assert lcra("Census_or_Sample_a") == "Census"
    # Channels: paper is postal, an online answer from a text message's link is SMS, phone is telephone.
    methods = ["Telephone", "Internet", "FacetoFace", "Postal", "SMS", "Other"]
    assert [lcra(f"Responses_{m}_a") for m in methods] == [1, 0, 0, 1, 1, 0]
    assert [both(f"Responses_{m}_c") for m in methods] == [1, 1, 0, 1, 1, 0]  # the LCHO answer was online
    assert (lcra("External_contractor_a"), lcra("External_contractor_name_a")) == ("Yes", "Acme Research")
    assert (both("Weighting_used_c"), both("Weighting_characteristic1_c"), both("Weighting_characteristic2_c")) == (
        "Yes", "Age band", "Region",
    )  # fmt: skip

    # TP01 five-point counts: rented 1 very satisfied, 1 fairly, 1 very dissatisfied; LCHO 1 neither.
    assert [lcra(f"TP01_{p}_LCRA") for p in ("VS", "FS", "NSD", "FD", "VD")] == [1, 1, 0, 0, 1]
    assert [lcho(f"TP01_{p}_LCHO") for p in ("VS", "FS", "NSD", "FD", "VD")] == [0, 0, 1, 0, 0]
    assert [both(f"TP01_{p}_COMB") for p in ("VS", "FS", "NSD", "FD", "VD")] == [1, 1, 1, 0, 1]
    assert (lcra("TP01_Satisfied_Calc_LCRA"), lcho("TP01_Satisfied_Calc_LCHO"), both("TP01_Satisfied_Calc_COMB")) == (
        0.6667, 0.0, 0.5,
    )  # fmt: skip
    # TP06 was "don't know" for all four: out of the base, counted on its own; no result.
    assert (both("TP06_NADK_COMB"), both("TP06_Satisfied_Calc_COMB")) == (4, None)
    # TP08 is an agreement scale: "agree" is its second point.
    assert both("TP08_FS_COMB") == 4
    # The filter questions: no rented tenant had a repair or complained.
    assert (lcra("TP02_Filter_Yes_LCRA"), lcra("TP02_Fiter_No_LCRA"), both("TP09_Fiter_No_COMB")) == (0, 3, 4)
    # TP01 by method: the postal answer satisfied, the telephone one not.
    assert (lcra("TP01_Satisfied_Postal_a"), lcra("TP01_Satisfied_Telephone_a"), lcra("TP01_Satisfied_FacetoFace_a")) == (
        1.0, 0.0, None,
    )  # fmt: skip
    assert (both("Unweighted_TP01_VS_c"), both("Unweighted_Prop_Satisfied_c")) == (1, 0.5)

    # Management information: one stage 1 complaint from a rented home, answered in time, no extension.
    assert (mi("CH01_1_Numerator_LCRA"), mi("CH01_1_Denominator_LCRA"), mi("CH01_1_Calculated_Value_LCRA")) == (
        1, 3, 333.33,
    )  # fmt: skip
    assert (mi("CH02_1_Numerator_LCRA"), mi("CH02_1_Calculated_Value_LCRA")) == (1, 1.0)
    assert (mi("Stg1_comp_without_Ext_LCRA"), mi("Stg1_comp_with_Ext_LCRA")) == (1, 0)
    assert (mi("CH01_1_Numerator_COMB"), mi("CH01_1_Denominator_COMB"), mi("CH01_1_Calculated_Value_COMB")) == (
        1, 4, 250.0,
    )  # fmt: skip
    assert (mi("NM01_1_Numerator"), mi("NM01_1_Denominator"), mi("NM01_1_Calculated_Value")) == (0, 4, 0.0)
    assert (mi("BS01 _Applies"), mi("BS01_Calculated_Value")) == ("No", None)
    assert mi("RP02_Max_Timescale_Emer") == "24 hours"

    # Blank fields are listed, the same in the spreadsheet and beside it in the CSV.
    assert "Online_Publication_URL" in blank and "Repairs_Raised" in blank and "BS01_Calculated_Value" in blank
    assert "TP01_Satisfied_Calc_LCRA" not in blank
    with open(tmp_path / "return.csv", newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == 441
    first = table[1]
    assert (first["table"], first["data_field_name"], first["datapoint_id"], first["value"]) == (
        "TSM25_LCRA_Perception", "Relevant_ten_pop_size_a", "DP_TSML015", "3",
    )  # fmt: skip
    assert sorted(row["data_field_name"] for row in table if row["why_blank"]) == sorted(blank)


def test_the_command_refuses_a_file_that_is_not_a_workbook(db, tmp_path):
    with pytest.raises(CommandError, match="must end .xlsx"):
        call_command("tsm_return", "2025", str(tmp_path / "return.csv"))


def test_the_administrator_downloads_the_return_and_reads_what_is_left_blank(landlord, client, personas):
    client.force_login(personas["administrator"])
    page = client.get(reverse("surveys:tsm_return"), {"year": "2025"})
    html = page.content.decode()
    assert page.context["year"] == 2025
    assert (page.context["fields"], page.context["filled"]) == (441, 441 - page.context["blank_count"])
    assert "Online_Publication_URL" in html and "DP_TSML565" in html
    assert "The address where the results are published is the landlord&#x27;s choice." in html
    workbook = client.get(reverse("surveys:tsm_return_download", args=[2025, "xlsx"]))
    assert workbook["Content-Disposition"] == 'attachment; filename="tsm-return-2025.xlsx"'
    book = load_workbook(BytesIO(workbook.content), read_only=True)
    rows = {row[0]: row[2] for row in book["TSM25_LCRA_Perception"].iter_rows(values_only=True, min_row=2)}
    assert rows["Total_sample_size_a"] == 3
    assert client.get(reverse("surveys:tsm_return_download", args=[1999, "xlsx"])).status_code == 404
    client.force_login(personas["insight_analyst"])
    assert client.get(reverse("surveys:tsm_return")).status_code == 403
