"""TSM results against numbers worked out by hand from the regulator's rules."""

import csv
import io
import math
import uuid
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from surveys import services, tsm
from surveys.choices import Tenure
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.django_db


def resident(scheme="general_needs"):
    return ResidentFactory(household=HouseholdFactory(home=HomeFactory(scheme_type=scheme)))


def enter(survey, who, **answers):
    response, _created = services.response_enter(
        key=uuid.uuid4(),
        survey=survey,
        resident=who,
        mode="paper",
        language="English",
        received_on=date(2026, 3, 2),
        answers=answers,
        entered_by=None,
    )
    return response


@pytest.fixture
def survey():
    """Six rented (LCRA) and two shared-ownership (LCHO) responses; 100 LCRA and 10 LCHO homes."""
    survey = tsm_survey()
    rented = [resident() for _ in range(6)]
    owners = [resident("shared_ownership") for _ in range(2)]
    HomeFactory.create_batch(94)
    HomeFactory.create_batch(8, scheme_type="shared_ownership")
    enter(
        survey,
        rented[0],
        TP01="very_satisfied",
        REPAIR_12M="yes",
        TP02="very_satisfied",
        TP06="fairly_satisfied",
        TP08="strongly_agree",
    )
    # Said "no repair" but the paper form has TP02 ticked anyway: the routing leaves it out.
    enter(
        survey,
        rented[1],
        TP01="fairly_satisfied",
        REPAIR_12M="no",
        TP02="very_dissatisfied",
        TP06="dont_know",
        TP08="agree",
    )
    enter(
        survey,
        rented[2],
        TP01="neither",
        REPAIR_12M="yes",
        TP02="fairly_dissatisfied",
        TP06="dont_know",
        TP08="disagree",
    )
    enter(survey, rented[3], TP01="very_dissatisfied", TP06="very_dissatisfied")
    enter(survey, rented[4], TP01="fairly_satisfied", TP06="neither")
    # TP01 offers no "don't know"; said unprompted on the phone, it is recorded and left out of the base.
    enter(survey, rented[5], TP01="dont_know")
    # Shared owners are not asked TP02: an answer to it is left out, and they are reported apart.
    enter(survey, owners[0], TP01="very_satisfied", REPAIR_12M="yes", TP02="very_satisfied")
    enter(survey, owners[1], TP01="fairly_dissatisfied")
    return survey


def result(results, measure, tenure):
    return next(r for r in results if r.measure == measure and r.tenure == tenure)


def test_satisfied_is_the_top_two_boxes_as_a_share_of_valid_answers_per_tenure(survey):
    results = tsm.tsm_results(survey)
    tp01 = result(results, "TP01", Tenure.LCRA)
    assert (tp01.valid_responses, tp01.satisfied, tp01.neither, tp01.dissatisfied) == (5, 3, 1, 1)
    assert tp01.satisfied_rate == pytest.approx(0.6)
    owners = result(results, "TP01", Tenure.LCHO)
    assert (owners.valid_responses, owners.satisfied, owners.dissatisfied) == (2, 1, 1)
    assert owners.satisfied_rate == pytest.approx(0.5)


def test_dont_know_is_left_out_of_the_base_and_its_share_is_shown(survey):
    results = tsm.tsm_results(survey)
    tp06 = result(results, "TP06", Tenure.LCRA)
    assert (tp06.valid_responses, tp06.satisfied, tp06.dont_know) == (3, 1, 2)
    assert tp06.satisfied_rate == pytest.approx(1 / 3)
    assert tp06.dont_know_share == pytest.approx(2 / 5)
    tp01 = result(results, "TP01", Tenure.LCRA)
    assert tp01.dont_know == 1
    assert tp01.dont_know_share == pytest.approx(1 / 6)


def test_filtered_measures_count_only_residents_the_filter_applies_to(survey):
    results = tsm.tsm_results(survey)
    tp02 = result(results, "TP02", Tenure.LCRA)
    assert (tp02.valid_responses, tp02.satisfied, tp02.dissatisfied) == (2, 1, 1)
    assert not any(r.measure in {"TP02", "TP03", "TP04"} and r.tenure == Tenure.LCHO for r in results)


def test_agreement_measure_counts_strongly_agree_and_agree(survey):
    tp08 = result(tsm.tsm_results(survey), "TP08", Tenure.LCRA)
    assert (tp08.valid_responses, tp08.satisfied, tp08.dissatisfied) == (3, 2, 1)


def test_margin_of_error_uses_the_finite_population_of_the_tenure(survey):
    tp01 = result(tsm.tsm_results(survey), "TP01", Tenure.LCRA)
    assert tp01.homes == 100
    # 1.96 x sqrt(0.6 x 0.4 / 5) x sqrt((100 - 5) / (100 - 1)) = 1.96 x 0.2190890 x 0.9795897
    assert tp01.margin_of_error == pytest.approx(0.4206501, rel=1e-6)
    assert tp01.required_margin == 0.05
    assert tp01.meets_precision is False


def test_margin_of_error_is_zero_when_every_home_answered():
    assert tsm.margin_of_error(0.5, 10, 10) == 0.0


def test_a_rate_of_0_or_100_percent_does_not_claim_a_margin_of_zero():
    # 1.96 x sqrt(0.5 x 0.5 / 3) x sqrt((112 - 3) / 111) = 1.96 x 0.2886751 x 0.9909499 = 1.96 x 0.2860626
    assert tsm.margin_of_error(0.0, 3, 112) == pytest.approx(0.5606827, rel=1e-6)
    assert tsm.margin_of_error(1.0, 3, 112) == tsm.margin_of_error(0.0, 3, 112)
    assert math.isclose(tsm.margin_of_error(0.5, 400, 100_000), 1.96 * 0.025 * math.sqrt(99_600 / 99_999))


@pytest.mark.parametrize(
    ("homes", "margin"),
    [(0, 0.05), (2499, 0.05), (2500, 0.04), (9999, 0.04), (10000, 0.03), (24999, 0.03), (25000, 0.02), (90000, 0.02)],
)
def test_required_precision_follows_the_landlords_size(homes, margin):
    assert tsm.required_margin(homes) == margin


def test_tsm_results_command_writes_the_numbers_the_results_page_shows(survey, tmp_path, client, personas):
    target = tmp_path / "tsm.csv"
    call_command("tsm_results", str(survey.pk), str(target), stdout=io.StringIO())
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    for column in [
        "measure",
        "tenure",
        "valid_responses",
        "satisfied",
        "neither",
        "dissatisfied",
        "dont_know",
        "satisfied_rate",
        "margin_of_error",
    ]:
        assert column in rows[0]
    tp01 = next(row for row in rows if row["measure"] == "TP01" and row["tenure"] == "LCRA")
    assert (tp01["valid_responses"], tp01["satisfied"], tp01["neither"], tp01["dissatisfied"], tp01["dont_know"]) == (
        "5",
        "3",
        "1",
        "1",
        "1",
    )
    assert (tp01["satisfied_rate"], tp01["margin_of_error"]) == ("0.6000", "0.4207")

    client.force_login(personas["insight_analyst"])
    page = client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert "60.0%" in page and "±42.1%" in page
    download = client.get(reverse("surveys:tsm_csv", args=[survey.pk])).content.decode()
    assert download.replace("\r\n", "\n") == target.read_text(encoding="utf-8").replace("\r\n", "\n")


def test_results_page_shows_the_full_five_point_distribution(survey, client, personas):
    client.force_login(personas["insight_analyst"])
    response = client.get(reverse("surveys:results", args=[survey.pk]))
    tp01 = next(t for t in response.context["distribution"] if t["question"].code == "TP01")
    counts = {row["label"]: row["count"] for row in tp01["rows"]}
    assert counts == {
        "Very satisfied": 2,
        "Fairly satisfied": 2,
        "Neither satisfied nor dissatisfied": 1,
        "Fairly dissatisfied": 1,
        "Very dissatisfied": 1,
        "Don't know / not applicable": 1,
    }
    assert response.context["counts"]["modes"][1] == ("Paper", 8)
