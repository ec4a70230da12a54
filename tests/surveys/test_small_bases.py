"""Issue 24, item 12: small bases on the public TSM page and CSV (decision in docs/security.md).

A perception result from too few answers (shared-ownership TP09: 2 satisfied of 4) is not published:
the row stays with its number of answers and says why. The management information (CH02 stage 2:
3 of 7 answered within the Code) counts the landlord's own work and is published in full."""

import csv
import io

import pandas as pd
import pytest
from django.urls import reverse

from inequities.disclosure import primary
from repairs.management_information import SHARE, Figure
from surveys import services, tenant_results
from surveys.tsm import MeasureResult
from tests.surveys.factories import InvitationFactory, answered_response, tsm_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch):
    survey = tsm_survey()
    answered_response(InvitationFactory(survey=survey))
    services.survey_close(survey=survey)
    results = [
        MeasureResult("TP01", "LCRA", satisfied=300, neither=60, dissatisfied=40, homes=2000),
        MeasureResult("TP09", "LCRA", satisfied=33, neither=10, dissatisfied=17, homes=2000),
        MeasureResult("TP09", "LCHO", satisfied=2, neither=1, dissatisfied=1, homes=120),
    ]
    monkeypatch.setattr(tenant_results.tsm, "tsm_results", lambda survey, *a, **k: results)
    ch02 = [
        Figure("CH02 (1)", "Stage 1 answered in time", "LCRA", SHARE, 40, 50, 40 / 50),
        Figure("CH02 (2)", "Stage 2 answered in time", "LCRA", SHARE, 3, 7, 3 / 7),
    ]
    monkeypatch.setattr(tenant_results.management_information, "figures", lambda start, end: ch02)
    return survey


def test_shared_ownership_tp09_from_4_answers_is_not_published_on_the_page(client, published):
    page = client.get(reverse("tenant_satisfaction"))
    rows = {(row["now"].measure, row["now"].tenure): row for row in page.context["rows"]}
    assert [key for key, row in rows.items() if row["hidden"]] == [("TP09", "LCHO")]
    html = page.content.decode()
    assert html.count("Not published: too few answers") == 1
    assert "50.0%" not in html  # 2 of 4, nor its margin of error
    assert "Where fewer than 10 tenants answered a question" in html
    assert "75.0%" in html  # TP01 rented: 300 of 400
    ch02 = [row for row in page.context["management"] if row["code"].startswith("CH02")]
    assert [(row["value"], row["total"]) for row in ch02] == [("80.0%", 50), ("42.9%", 7)]


def test_the_csv_leaves_the_small_result_out_and_says_why(client, published):
    table = list(csv.reader(io.StringIO(client.get(reverse("tenant_satisfaction_csv")).content.decode())))
    assert table[0][10] == "note"  # then where the landlord stands among others (tests/surveys/test_peers.py)
    assert {"all_landlords_median", "peers_median"} <= set(table[0][11:])
    by_key = {(line[0], line[2]): line for line in table[1:]}
    small = by_key[("TP09", "LCHO")]
    assert (small[3], small[4], small[5], small[7]) == ("", "4", "", "no")
    assert small[10] == tenant_results.NOT_PUBLISHED
    assert by_key[("TP01", "LCRA")][3:5] == ["0.7500", "400"] and by_key[("TP01", "LCRA")][10] == ""
    ch02 = [line for line in table[1:] if line[0].startswith("CH02")]
    assert [(line[3], line[4]) for line in ch02] == [("0.8000", "50"), ("0.4286", "7")]


def test_the_rule_is_the_disclosure_controls_first_step(settings):
    """The public page cannot import inequities (a floor below it): the same rule, checked here
    against inequities.disclosure.primary for every base up to 30."""
    cases = [(n, d) for d in range(1, 31) for n in range(d + 1)]
    frame = pd.DataFrame({"numerator": [n for n, _d in cases], "denominator": [d for _n, d in cases]})
    frame["unit"] = "proportion"
    expected = list(
        primary(frame, min_denominator=settings.INEQUITIES_MIN_DENOMINATOR, max_small=settings.INEQUITIES_MAX_SMALL)
    )
    ours = [
        tenant_results.too_few_to_publish(MeasureResult("TP01", "LCRA", satisfied=n, dissatisfied=d - n))
        for n, d in cases
    ]
    assert ours == expected
