"""The summary of approach (items a-k) on the public results page and in its CSV: only relevant
tenants counted, the representativeness assessment with its test worked out by hand, small groups
merged before anything is published, and weighting by raking.

Landlord: 40 rented homes, each with a lead tenant: 20 born in 1996 (25 to 34) and 20 born in 1960
(65 to 74), and one leasehold home. 5 of the younger tenants and 15 of the older answer; so does the
leaseholder, who is outside every count.
"""

import csv
import io
from datetime import date

import pandas as pd
import pytest
from django.urls import reverse
from django.utils import timezone

from surveys import representativeness, services, small_numbers, tenant_results, tsm_return
from surveys.models import SurveyApproach
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.surveys.factories import TSM_ANSWERS_NO_REPAIR, InvitationFactory, answered_response, tsm_survey

pytestmark = pytest.mark.django_db


def tenant(born, scheme="general_needs"):
    return ResidentFactory(household=HouseholdFactory(home=HomeFactory(scheme_type=scheme)), date_of_birth=born)


@pytest.fixture
def survey():
    survey = tsm_survey()
    young = [tenant(date(1996, 6, 1)) for _ in range(20)]
    old = [tenant(date(1960, 6, 1)) for _ in range(20)]
    leaseholder = tenant(date(1980, 6, 1), scheme="leasehold")
    for resident in [*young, *old, leaseholder]:
        InvitationFactory(survey=survey, resident=resident)
    for resident in young[:5]:
        answered_response(
            resident.survey_invitations.get(), answers={**TSM_ANSWERS_NO_REPAIR, "TP01": "very_satisfied"}
        )
    for resident in old[:15]:
        answered_response(
            resident.survey_invitations.get(), answers={**TSM_ANSWERS_NO_REPAIR, "TP01": "very_dissatisfied"}
        )
    answered_response(leaseholder.survey_invitations.get())
    SurveyApproach.objects.create(
        survey=survey,
        excluded_rented=7,
        exclusion_reasons="Bereaved in the month before fieldwork",
        incentives="A prize draw for £50 of shopping vouchers",
    )
    services.survey_close(survey=survey)
    return survey


def test_only_rented_and_shared_ownership_tenants_are_counted(survey, client):
    page = client.get(reverse("tenant_satisfaction"))
    items = {letter: value for letter, _label, value in page.context["approach"]["items"]}
    assert list(items) == list("abcdefghijk")
    assert items["a"] == "20 (20 rented, 0 shared ownership)"  # not 21: the leaseholder is outside
    assert items["c"] == "Online: 20"
    assert (
        items["d"]
        == "Census: every household was invited; 40 households invited of 40 rented and shared ownership homes"
    )
    assert items["h"] == "7 (7 rented, 0 shared ownership): Bereaved in the month before fieldwork"
    # 40 homes: ±5% needs 384.16 / (1 + 383.16 / 40) = 36.3, so 37 responses; 20 came.
    assert items["i"] == "Rented homes (LCRA): 37 responses needed for ± 5%, 20 achieved, 17 short"
    assert items["j"] == "A prize draw for £50 of shopping vouchers"


def test_respondents_are_compared_with_all_tenants_by_a_chi_square_test(survey, client):
    page = client.get(reverse("tenant_satisfaction"))
    summary = page.context["approach"]
    by_name = {a.characteristic: a for a in summary["assessments"]}
    assert list(by_name) == ["age_band", "ethnic_group", "disability", "region", "tenure"]
    age = by_name["age_band"]
    groups = {g["name"]: (g["population"], g["respondents"], g["expected"]) for g in age.groups}
    assert groups == {"25 to 34": (20, 5, 10.0), "65 to 74": (20, 15, 10.0)}
    # (5 - 10)² / 10 + (15 - 10)² / 10 = 5.0 on 1 degree of freedom: p = 0.0253.
    assert (age.statistic, age.degrees_of_freedom, round(age.p_value, 4), age.differs) == (5.0, 1, 0.0253, True)
    # Nobody has been asked their ethnic group: one group, "not asked yet", and nothing to test.
    ethnic = by_name["ethnic_group"]
    assert [(g["name"], g["population"], g["respondents"]) for g in ethnic.groups] == [("Not asked yet", 40, 20)]
    assert ethnic.p_value is None
    items = dict((letter, value) for letter, _label, value in summary["items"])
    assert "by age band, ethnic group, disability, region, tenure" in items["e"]
    assert items["e"].endswith("Those who answered differ from all our tenants by age band.")
    html = page.content.decode()
    assert "Age band: who answered and all our tenants" in html

    table = list(csv.reader(io.StringIO(client.get(reverse("tenant_satisfaction_csv")).content.decode())))
    rows = {line[1]: line for line in table if line[0] == "representativeness"}
    assert rows["Age band: 25 to 34"][3:5] == ["0.2500", "5"]
    assert rows["Age band: 25 to 34"][10] == "share of all tenants 0.5000"
    assert rows["Age band: chi-square goodness-of-fit test (p-value)"][3] == "0.0253"
    approach = {line[0]: line[10] for line in table if line[0].startswith("approach")}
    assert approach["approach (a)"] == "20 (20 rented, 0 shared ownership)"


def test_small_groups_are_merged_until_none_can_be_worked_out(settings):
    settings.INEQUITIES_MIN_DENOMINATOR, settings.INEQUITIES_MAX_SMALL = 10, 4
    rows = [
        {"name": "A", "population": 60, "respondents": 30},
        {"name": "B", "population": 30, "respondents": 12},
        {"name": "C", "population": 12, "respondents": 3},  # 3 answered: too few
        {"name": "D", "population": 6, "respondents": 5},  # 6 tenants: too few
    ]
    unsafe = lambda row: small_numbers.small_share(row["respondents"], row["population"])  # noqa: E731
    published = small_numbers.merge_small_groups(rows, unsafe, "Smaller groups together")
    # C and D together (18 tenants, 8 answered, 10 did not) are safe: A and B stay as they are.
    assert [(r["name"], r["population"], r["respondents"]) for r in published] == [
        ("A", 60, 30),
        ("B", 30, 12),
        ("Smaller groups together", 18, 8),
    ]
    assert published[-1]["merged"] == ["C", "D"] and not published[-1]["withheld"]
    # D alone merged would be 6 tenants: still too few, so the smallest shown group (C) joins it.
    published = small_numbers.merge_small_groups([rows[0], rows[2] | {"respondents": 6}, rows[3]], unsafe, "Other")
    assert [(r["name"], r["population"], r["respondents"]) for r in published] == [("A", 60, 30), ("Other", 18, 11)]


def test_raking_matches_every_chosen_characteristic(db):
    people = pd.DataFrame(
        {"age_band": ["young"] * 50 + ["old"] * 50, "region": (["north"] * 30 + ["south"] * 20) * 2, "resident": 0}
    )
    respondents = pd.DataFrame(
        {
            "age_band": ["young", "young", "old", "old", "old", "old"],
            "region": ["north", "south", "north", "north", "south", "south"],
            "response": [1, 2, 3, 4, 5, 6],
        }
    )
    weights = representativeness.rake(people, respondents, ["age_band", "region"])
    assert weights.converged
    w = weights.weights
    assert round(w.mean(), 9) == 1
    assert round(w[[1, 2]].sum() / w.sum(), 6) == 0.5  # young: half of all tenants
    assert round(w[[1, 3, 4]].sum() / w.sum(), 6) == 0.6  # north: 60 of 100 tenants


def test_weighted_results_are_published_beside_the_measures(survey, client):
    SurveyApproach.objects.filter(survey=survey).update(weight_by=["age_band"])
    summary = client.get(reverse("tenant_satisfaction")).context["approach"]
    # Weights: younger 0.5 / (5/20) = 2, older 0.5 / (15/20) = 2/3 (mean 1). TP01: the five younger
    # were very satisfied, the fifteen older very dissatisfied: unweighted 5/20 = 25%, weighted
    # 5 × 2 / (5 × 2 + 15 × 2/3) = 10 / 20 = 50%.
    assert sorted(set(round(w, 6) for w in summary["weights"].weights)) == [0.666667, 2.0]
    assert round(summary["weights"].effective_sample_size, 2) == 15.0  # 20² / (5 × 2² + 15 × (2/3)²) = 400 / 26.67
    tp01 = next(row for row in summary["weighted"] if (row["now"].measure, row["now"].tenure) == ("TP01", "LCRA"))
    assert (tp01["now"].satisfied_rate, round(tp01["weighted"], 4)) == (0.25, 0.5)
    items = dict((letter, value) for letter, _label, value in summary["items"])
    assert items["f"].startswith("Weighted by age band (raking")
    assert "effective sample size of 15" in items["f"]
    table = list(csv.reader(io.StringIO(client.get(reverse("tenant_satisfaction_csv")).content.decode())))
    weighted = {(line[0], line[2]): line for line in table if line[1].endswith("(weighted)")}
    assert weighted[("TP01", "LCRA")][3] == "0.5000"
    assert tenant_results.required_responses(40, 0.05) == 37
    # The return to the Regulator carries the weighted measures, and TP01 as answered beside them.
    written = {
        (r.field.table, r.field.name): r.value for r in tsm_return.values(tsm_return.year_of(timezone.localdate()))
    }
    assert (written[("LCRA", "TP01_Satisfied_Calc_LCRA")], written[("LCRA", "Unweighted_Prop_Satisfied_a")]) == (
        0.5,
        0.25,
    )
    assert (written[("LCRA", "Weighting_used_a")], written[("LCRA", "Weighting_characteristic1_a")]) == (
        "Yes",
        "Age band",
    )
