"""Placing the landlord among the Regulator's published figures: the real TSM 2025 dataset, imported
once for this module, gives the same medians and quartiles as reading them straight from the file."""

from pathlib import Path

import numpy as np
import openpyxl
import pytest
from django.db import transaction

from engagement.models import Region
from engagement.models.places import SchemeType
from surveys import peers
from surveys.models import PublishedMeasure
from surveys.regulator_dataset import RegulatorDatasetImport
from tests.engagement.factories import HomeFactory

pytestmark = pytest.mark.django_db

DATASET_2025 = Path(__file__).parent / "data" / "rsh_tsm_2025_dataset.xlsx"
NORTH_HOUSING_ASSOCIATION = peers.Profile("PRP", "5,000-40,000", "North", False, homes=12000)


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """The Regulator's 2025 dataset, imported once; rolled back after the module's last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield RegulatorDatasetImport(announce=False).run(DATASET_2025.read_bytes())
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def sheets():
    """The file's sheets read straight with openpyxl: {sheet: (headings, landlords' lines)}."""
    book = openpyxl.load_workbook(DATASET_2025, read_only=True, data_only=True)
    found = {}
    for name in ("TSM25_LCRA_Perception", "TSM25_LCHO_Perception", "TSM25_Management_Info"):
        lines = list(book[name].iter_rows(values_only=True))
        at = next(i for i, line in enumerate(lines) if line[0] == "Landlord name")
        found[name] = (lines[at], [line for line in lines[at + 1 :] if line[1] is not None])
    book.close()
    return found


def straight_from_file(sheets, sheet, heading_starts, heading_has, peers_only=False):
    """(lower quartile, median, upper quartile, how many landlords) of one column, as published
    (0-100 or per 1,000), over every landlord or over the north housing associations of 5,000 to
    40,000 homes, 30% or less supported housing."""
    headings, lines = sheets[sheet]
    column = next(i for i, h in enumerate(headings) if str(h).startswith(heading_starts) and heading_has in str(h))
    if peers_only:
        where = {h: i for i, h in enumerate(headings)}
        supported = where.get("LCRA above 30% supported housing")
        lines = [
            line
            for line in lines
            if line[2] == "PRP"
            and line[where["Landlord group size (homes owned, LCRA and LCHO combined)"]] == "5,000-40,000"
            and line[where["Landlord predominant region"]] == "North"
            and (supported is None or line[supported] == "No")
        ]
    values = [line[column] for line in lines if isinstance(line[column], int | float)]
    return (*np.percentile(values, [25, 50, 75]), len(values))


CHECKED = [
    # (measure, tenure, sheet, heading starts, heading has, a share published 0-100?)
    ("TP01", "LCRA", "TSM25_LCRA_Perception", "Proportion of respondents", "overall service provided by their landlord (TP01)", True),
    ("TP09", "LCRA", "TSM25_LCRA_Perception", "Proportion of respondents", "complaints handling (TP09)", True),
    ("TP01", "LCHO", "TSM25_LCHO_Perception", "Proportion of respondents", "overall service provided by their landlord (TP01)", True),
    ("BS01", "", "TSM25_Management_Info", "Proportion of homes", "(BS01)", True),
    ("RP02 (1)", "LCRA", "TSM25_Management_Info", "Proportion of non-emergency", "(RP02 1)", True),
    ("CH01 (1)", "LCRA", "TSM25_Management_Info", "LCRA - Number of stage one", "(CH01 1)", False),
    ("NM01 (1)", "", "TSM25_Management_Info", "Number of anti-social", "(NM01 1)", False),
]  # fmt: skip


@pytest.mark.parametrize(("measure", "tenure", "sheet", "starts", "has", "share"), CHECKED)
def test_placing_gives_the_medians_and_quartiles_read_straight_from_the_file(
    imported, sheets, measure, tenure, sheet, starts, has, share
):
    scale = 100 if share else 1
    placement = peers.place(measure, tenure, None, NORTH_HOUSING_ASSOCIATION)
    assert placement.source == "Regulator of Social Housing, TSM 2025 dataset"
    for group, peers_only in ((placement.everyone, False), (placement.peers, True)):
        low, median, high, landlords = straight_from_file(sheets, sheet, starts, has, peers_only)
        assert group.landlords == landlords
        assert (group.lower_quartile * scale, group.median * scale, group.upper_quartile * scale) == pytest.approx(
            (low, median, high), abs=1e-9
        )


def test_the_real_file_imports_every_landlord_and_its_published_figures(imported):
    assert imported == (
        "Imported 9,997 published figures of 360 landlords from the Regulator of Social Housing, TSM 2025 "
        "dataset, replacing any for that year."
    )
    tp01 = PublishedMeasure.objects.get(year=2025, landlord_code="L4240", measure="TP01", tenure="LCRA")
    assert (tp01.landlord_name, tp01.landlord_type, tp01.size_band, tp01.region, tp01.mostly_supported) == (
        "A2Dominion Housing Group Limited", "PRP", "5,000-40,000", "South", False,
    )  # fmt: skip
    assert tp01.value == pytest.approx(0.607)
    # Shared ownership figures take the supported-housing answer from the landlord's other sheets.
    assert PublishedMeasure.objects.get(landlord_code="L4240", measure="TP01", tenure="LCHO").mostly_supported is False


def test_where_our_figure_sits_among_all_landlords_and_peers(imported):
    placement = peers.place("TP01", "LCRA", 0.75, NORTH_HOUSING_ASSOCIATION)
    values = list(
        PublishedMeasure.objects.filter(year=2025, measure="TP01", tenure="LCRA").values_list("value", flat=True)
    )
    assert placement.everyone.below == sum(value < 0.75 for value in values)
    cells = placement.cells()
    assert cells["ours"] == "75.0%"
    assert cells["everyone"] == "71.8% (middle half 64.7% to 78.9%) of 353 landlords"
    assert (
        cells["everyone_where"]
        == f"Higher than {placement.everyone.below} of 353 ({100 * placement.everyone.below / 353:.0f}%)"
    )


def test_too_few_peers_in_our_region_lets_the_region_go(imported):
    mixed = peers.Profile("PRP", "<5,000", "Mixed", False, homes=2000)
    placement = peers.place("TP01", "LCRA", 0.7, mixed)
    assert placement.peers_in_any_region
    assert (
        placement.peers.landlords
        == PublishedMeasure.objects.filter(
            year=2025, measure="TP01", tenure="LCRA", landlord_type="PRP", size_band="<5,000", mostly_supported=False
        ).count()
    )
    assert placement.cells()["peers"].endswith(", in any region")


def test_our_profile_comes_from_the_homes_and_the_landlord_type_setting(settings):
    settings.LANDLORD_TYPE = "LA"
    north_east, london = Region.objects.get(code="E12000001"), Region.objects.get(code="E12000007")
    for scheme in (SchemeType.SUPPORTED, SchemeType.SUPPORTED, SchemeType.GENERAL_NEEDS):
        HomeFactory(region=north_east, scheme_type=scheme)
    HomeFactory(region=london, scheme_type=SchemeType.SHARED_OWNERSHIP)
    HomeFactory(region=london, scheme_type=SchemeType.LEASEHOLD)  # outside the measures
    profile = peers.our_profile()
    # 3 of 4 homes in the North; 2 of 3 rented homes supported housing.
    assert profile == peers.Profile("LA", "<5,000", "North", True, homes=4)
    assert profile.describe() == (
        "Council (local authority registered provider), fewer than 5,000 homes, mostly in North, "
        "more than 30% supported housing"
    )
