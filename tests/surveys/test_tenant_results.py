"""The TSM results published for tenants: open to anyone, the same numbers as tsm_results, last
year's beside this year's, the repairs and complaints measures, and how the survey was run."""

import csv
import io

import pytest
from django.urls import reverse

from surveys import services, tsm
from surveys.models import SurveyApproach
from tests.surveys.factories import (
    TSM_ANSWERS_NO_REPAIR,
    InvitationFactory,
    PublishedMeasureFactory,
    answered_response,
    tsm_survey,
)

pytestmark = pytest.mark.django_db


def closed_survey(answers):
    survey = tsm_survey()
    for tp01 in answers:
        answered_response(InvitationFactory(survey=survey), answers={**NO_REPAIR, "TP01": tp01})
    services.survey_close(survey=survey)
    return survey


NO_REPAIR = TSM_ANSWERS_NO_REPAIR


def test_nothing_is_published_before_a_tsm_survey_closes(client):
    tsm_survey()
    page = client.get(reverse("tenant_satisfaction"))
    assert page.status_code == 200
    assert "We have not published results yet." in page.content.decode()


def test_anyone_sees_the_same_numbers_as_the_tsm_results_with_last_year_beside(client, settings):
    # Bases of 2 and 4: with the small-base rule off, every number is published (test_small_bases.py).
    settings.INEQUITIES_MIN_DENOMINATOR, settings.INEQUITIES_MAX_SMALL = 0, 0
    closed_survey(["very_satisfied", "very_dissatisfied"])  # last year
    this_year = closed_survey(["very_satisfied", "fairly_satisfied", "neither", "very_dissatisfied"])
    SurveyApproach.objects.create(survey=this_year, sample_method="random", run_by="Acme Research")
    page = client.get(reverse("tenant_satisfaction"))  # not signed in
    assert page.status_code == 200
    rows = {(row["now"].measure, row["now"].tenure): row for row in page.context["rows"]}
    for result in tsm.tsm_results(this_year):
        shown = rows[(result.measure, result.tenure)]["now"]
        assert (shown.satisfied_rate, shown.valid_responses, shown.margin_of_error, shown.meets_precision) == (
            result.satisfied_rate,
            result.valid_responses,
            result.margin_of_error,
            result.meets_precision,
        )
    tp01 = rows[("TP01", "LCRA")]
    assert (tp01["now"].satisfied_rate, tp01["before"].satisfied_rate) == (0.5, 0.5)
    assert (tp01["now"].valid_responses, tp01["before"].valid_responses) == (4, 2)
    html = page.content.decode()
    assert "Random sample" in html and "Acme Research" in html
    codes = [row["code"] for row in page.context["management"]]
    assert codes[:10] == [
        "BS01",
        "BS02",
        "BS03",
        "BS04",
        "BS05",
        "NM01 (1)",
        "NM01 (2)",
        "RP01",
        "RP02 (1)",
        "RP02 (2)",
    ]
    assert codes[10:] == ["CH01 (1)", "CH02 (1)", "CH02 (1)", "CH01 (2)", "CH02 (2)", "CH02 (2)"] * 2
    items = {letter: value for letter, _label, value in page.context["approach"]["items"]}
    assert items["a"] == "4 (4 rented, 0 shared ownership)"
    assert items["d"].startswith("Random sample; 4 households invited of ")
    assert items["g"] == "Acme Research"

    download = client.get(reverse("tenant_satisfaction_csv"))
    table = list(csv.reader(io.StringIO(download.content.decode())))
    assert table[0][:4] == ["measure", "name", "tenure", "result"]
    by_key = {(line[0], line[2]): line for line in table[1:]}
    for result in tsm.tsm_results(this_year):
        line = by_key[(result.measure, result.tenure)]
        assert line[3] == ("" if result.satisfied_rate is None else f"{result.satisfied_rate:.4f}")
        assert line[4] == str(result.valid_responses)
    assert by_key[("TP01", "LCRA")][8:10] == ["0.5000", "2"]
    assert len([line for line in table[1:] if line[0][:2] in ("BS", "NM", "RP", "CH")]) == 22


def test_the_tenant_page_places_our_figures_and_names_the_source(client, settings):
    settings.INEQUITIES_MIN_DENOMINATOR, settings.INEQUITIES_MAX_SMALL = 0, 0
    for value in (0.5, 0.6, 0.7, 0.8, 0.9):
        PublishedMeasureFactory(value=value)
    closed_survey(["very_satisfied", "fairly_satisfied", "neither", "very_dissatisfied"])  # TP01 LCRA: 50%
    page = client.get(reverse("tenant_satisfaction"))
    row = next(row for row in page.context["comparisons"] if row["measure"].startswith("TP01"))
    assert row["ours"] == "50.0%"
    assert row["everyone"] == "70.0% (middle half 60.0% to 80.0%) of 5 landlords"
    assert row["everyone_where"] == "Higher than 0 of 5 (0%)"
    html = page.content.decode()
    assert "How we compare with other landlords" in html
    assert "Regulator of Social Housing, TSM 2025 dataset" in html


def test_the_csv_places_our_figures_as_the_page_does(client, settings):
    """The CSV carries the page's "how we compare" table: the median, quartiles and number of all
    landlords and of our peers, and how many of them our figure is higher than."""
    settings.INEQUITIES_MIN_DENOMINATOR, settings.INEQUITIES_MAX_SMALL = 0, 0
    for value in (0.5, 0.6, 0.7, 0.8, 0.9):
        PublishedMeasureFactory(value=value)
    for value in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):  # housing associations of more than 40,000 homes: not our peers
        PublishedMeasureFactory(value=value, size_band=">40,000")
    closed_survey(["very_satisfied", "fairly_satisfied", "fairly_satisfied", "very_dissatisfied"])  # TP01 LCRA: 75%
    page = client.get(reverse("tenant_satisfaction"))
    shown = next(row for row in page.context["comparisons"] if row["measure"].startswith("TP01"))
    assert shown["everyone_where"] == "Higher than 9 of 11 (82%)"
    assert shown["peers_where"] == "Higher than 3 of 5 (60%)"
    download = client.get(reverse("tenant_satisfaction_csv"))
    table = list(csv.reader(io.StringIO(download.content.decode())))
    header = table[0]
    assert all(len(line) == len(header) for line in table)
    tp01 = dict(zip(header, next(line for line in table if line[0] == "TP01" and line[2] == "LCRA"), strict=True))
    assert tp01["result"] == "0.7500"
    assert [tp01[c] for c in ("all_landlords_median", "all_landlords_lower_quartile", "all_landlords_upper_quartile",
                              "landlords", "ours_higher_than_landlords")] == ["0.6000", "0.4500", "0.7000", "11", "9"]  # fmt: skip
    assert [tp01[c] for c in ("peers_median", "peers_lower_quartile", "peers_upper_quartile", "peer_landlords",
                              "ours_higher_than_peers", "peers_in_any_region")] == ["0.7000", "0.6000", "0.8000", "5", "3", "no"]  # fmt: skip
    assert tp01["peers_source"] == "Regulator of Social Housing, TSM 2025 dataset"
    # A measure the Regulator has published nothing for here has no placing.
    tp02 = dict(zip(header, next(line for line in table if line[0] == "TP02" and line[2] == "LCRA"), strict=True))
    assert tp02["all_landlords_median"] == tp02["landlords"] == tp02["peers_source"] == ""
