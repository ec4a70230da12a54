"""A dashboard's "among other landlords" table has a CSV like every other table: the same placing
as the page, as numbers, in the columns the tenant page's CSV adds."""

import csv
import io

import pytest

from tests.engagement.factories import EqualityProfileFactory, ResidentFactory
from tests.figures import recompute_over_a_year
from tests.inequities.test_recompute import answer_tp01
from tests.surveys.factories import PublishedMeasureFactory, tsm_survey

pytestmark = pytest.mark.django_db


def test_the_dissatisfaction_dashboard_csv_places_us_as_the_page_does(client, personas):
    for value in (0.60, 0.65, 0.72, 0.75, 0.80):  # the Regulator's published TP01 of five housing associations
        PublishedMeasureFactory(value=value)
    survey = tsm_survey()
    for n in range(30):  # 20 of 30 satisfied: 66.7%, counts the disclosure control shows as they are
        resident = ResidentFactory()
        EqualityProfileFactory(resident=resident, disability="no")
        answer_tp01(survey, resident, "very_satisfied" if n < 20 else "very_dissatisfied")
    recompute_over_a_year()
    client.force_login(personas["panel_member"])
    page = client.get("/insight/dashboards/dissatisfaction/")
    row = next(row for row in page.context["peers"] if row["measure"].startswith("TP01"))
    assert (row["ours"], row["everyone_where"], row["peers_where"]) == (
        "66.7%", "Higher than 2 of 5 (40%)", "Higher than 2 of 5 (40%)",
    )  # fmt: skip
    link = page.context["peers_csv_url"]
    assert link in page.content.decode().replace("&amp;", "&")
    download = client.get(link)
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="dissatisfaction-among-landlords.csv"'
    table = list(csv.reader(io.StringIO(download.content.decode())))
    assert table[0] == [
        "measure", "tenure", "ours", "all_landlords_median", "all_landlords_lower_quartile",
        "all_landlords_upper_quartile", "landlords", "ours_higher_than_landlords", "peers_median",
        "peers_lower_quartile", "peers_upper_quartile", "peer_landlords", "ours_higher_than_peers",
        "peers_in_any_region", "peers_source",
    ]  # fmt: skip
    tp01 = next(line for line in table if line[0].startswith("TP01"))
    assert tp01[1:] == [
        "LCRA", "0.6667", "0.7200", "0.6500", "0.7500", "5", "2", "0.7200", "0.6500", "0.7500", "5", "2", "no",
        "Regulator of Social Housing, TSM 2025 dataset",
    ]  # fmt: skip


def test_a_page_without_published_measures_has_no_such_csv(client, personas):
    PublishedMeasureFactory(value=0.7)
    survey = tsm_survey()
    resident = ResidentFactory()
    answer_tp01(survey, resident, "very_satisfied")
    recompute_over_a_year()
    client.force_login(personas["panel_member"])
    download = client.get("/insight/dashboards/table.csv?measure=among_landlords&page=repairs")
    assert download.status_code == 200
    assert download.content == b""
