"""metrics.py against numbers worked out by hand (and, for Newcombe, his own published example)."""

import math

import pandas as pd
import pytest

from inequities import metrics


def test_wilson_interval_for_30_of_100():
    # p = 0.3; centre = (0.3 + 1.96²/200) / (1 + 1.96²/100) = 0.307399;
    # half = 1.96 * sqrt(0.3*0.7/100 + 1.96²/40000) / 1.038415 = 0.088450, so 0.218949 to 0.395849
    low, high = metrics.wilson_interval(30, 100)
    assert round(float(low), 4) == 0.2189
    assert round(float(high), 4) == 0.3958


def test_wilson_interval_at_the_edges_stays_within_zero_and_one():
    low, high = metrics.wilson_interval(0, 20)
    assert float(low) == 0.0
    assert round(float(high), 4) == 0.1611  # z²/(n+z²) = 3.8415/23.8415
    low, high = metrics.wilson_interval(20, 20)
    assert round(float(low), 4) == 0.8389
    assert float(high) == 1.0


def test_wilson_interval_of_nothing_is_undefined():
    low, high = metrics.wilson_interval(0, 0)
    assert math.isnan(low) and math.isnan(high)


def test_difference_interval_matches_newcombes_worked_example():
    # Newcombe (1998), Statistics in Medicine 17:873-890, example (a): 56/70 - 48/80, method 10.
    low, high = metrics.difference_interval(56, 70, 48, 80)
    assert round(float(low), 4) == 0.0524
    assert round(float(high), 4) == 0.3339


def counts(rows):
    return pd.DataFrame(rows, columns=["metric", "dimension", "group", "region", "numerator", "denominator"])


def test_each_group_is_compared_with_everyone_else_in_its_dimension():
    frame = metrics.proportions(
        counts(
            [
                ("repairs_dissatisfied", "disability", "yes", "all", 45, 150),
                ("repairs_dissatisfied", "disability", "no", "all", 60, 300),
                ("repairs_dissatisfied", "disability", "not_asked", "all", 15, 50),
            ]
        )
    ).set_index("group")
    disabled = frame.loc["yes"]
    assert disabled["rate"] == pytest.approx(0.3)
    # everyone else: (60 + 15) / (300 + 50) = 75 / 350
    assert round(disabled["comparison_rate"], 4) == 0.2143
    assert round(disabled["gap"], 4) == 8.5714
    assert round(disabled["ci_low"], 4) == 0.2324  # centre 0.304994, half 0.072587
    assert round(disabled["ci_high"], 4) == 0.3776
    low, high = metrics.difference_interval(45, 150, 75, 350)
    assert round(disabled["gap_low"], 4) == round(float(low) * 100, 4)
    assert round(disabled["gap_high"], 4) == round(float(high) * 100, 4)
    assert disabled["significant"] == (float(low) > 0)
    # "Not asked" is a group of its own, compared like any other.
    assert frame.loc["not_asked", "rate"] == pytest.approx(0.3)
    assert round(frame.loc["not_asked", "comparison_rate"], 4) == round(105 / 450, 4)


def test_a_clear_gap_is_flagged_and_a_small_one_is_not():
    frame = metrics.proportions(
        counts(
            [
                ("m", "d", "a", "all", 200, 400),  # 50% against 20%: clear
                ("m", "d", "b", "all", 120, 600),
                ("m", "e", "a", "all", 21, 100),  # 21% against 20%: not clear
                ("m", "e", "b", "all", 20, 100),
            ]
        )
    ).set_index(["dimension", "group"])
    assert bool(frame.loc[("d", "a"), "significant"]) is True
    assert round(frame.loc[("d", "a"), "gap"], 4) == 30.0
    assert bool(frame.loc[("e", "a"), "significant"]) is False
    assert round(frame.loc[("e", "a"), "gap"], 4) == 1.0


def test_comparisons_stay_within_each_region():
    frame = metrics.proportions(
        counts(
            [
                ("m", "d", "a", "London", 10, 20),
                ("m", "d", "b", "London", 10, 40),
                ("m", "d", "a", "North East", 1, 10),
                ("m", "d", "b", "North East", 9, 10),
            ]
        )
    ).set_index(["region", "group"])
    assert frame.loc[("London", "a"), "comparison_rate"] == pytest.approx(0.25)
    assert frame.loc[("North East", "a"), "comparison_rate"] == pytest.approx(0.9)


def voice(rows):
    return pd.DataFrame(rows, columns=metrics.KEYS + ["count"])


def test_share_of_voice_sets_response_share_against_population_share():
    residents = voice([("voice", "ethnicity", "white", "all", 800), ("voice", "ethnicity", "black", "all", 200)])
    responses = voice([("voice", "ethnicity", "white", "all", 180), ("voice", "ethnicity", "black", "all", 20)])
    frame = metrics.share_of_voice(responses, residents).set_index("group")
    assert frame.loc["black", "numerator"] == 20
    assert frame.loc["black", "denominator"] == 200
    assert frame.loc["black", "rate"] == pytest.approx(0.1)
    assert frame.loc["black", "comparison_rate"] == pytest.approx(0.2)
    assert round(frame.loc["black", "gap"], 4) == -10.0
    # Wilson interval of 20/200 is 0.0657 to 0.1494: it excludes the population share of 0.2.
    assert round(frame.loc["black", "ci_high"], 4) == 0.1494
    assert bool(frame.loc["black", "significant"]) is True


def test_a_group_that_gave_no_answers_is_kept_with_a_share_of_zero():
    residents = voice([("voice", "ethnicity", "white", "all", 800), ("voice", "ethnicity", "black", "all", 200)])
    responses = voice([("voice", "ethnicity", "white", "all", 180)])
    frame = metrics.share_of_voice(responses, residents).set_index("group")
    assert frame.loc["black", "numerator"] == 0
    assert frame.loc["black", "rate"] == 0
    assert frame.loc["black", "denominator"] == 180


def test_totals_are_added_for_everyone_and_for_all_regions():
    frame = counts([("m", "d", "a", "London", 3, 10), ("m", "d", "b", "London", 5, 20), ("m", "d", "a", "Leeds", 1, 5)])
    frame = metrics.with_everyone(metrics.with_all_regions(frame)).set_index(["group", "region"])
    assert tuple(frame.loc[("a", "all"), ["numerator", "denominator"]]) == (4, 15)
    assert tuple(frame.loc[("all", "London"), ["numerator", "denominator"]]) == (8, 30)
    assert tuple(frame.loc[("all", "all"), ["numerator", "denominator"]]) == (9, 35)


def test_byar_interval_is_close_to_the_exact_poisson_interval():
    # Exact (Garwood) 95% limits for 10 events: 4.7954 to 18.3904.
    low, high = metrics.byar_interval([10], [1000])
    assert abs(low[0] * 1000 - 4.7954) < 0.01
    assert abs(high[0] * 1000 - 18.3904) < 0.01
    low, high = metrics.byar_interval([0], [100])
    assert low[0] == 0 and abs(high[0] * 100 - 3.689) < 0.03  # exact: 3.689


def test_median_and_its_interval_from_a_histogram():
    histogram = pd.DataFrame(
        {
            "metric": "median_working_days",
            "dimension": "disability",
            "group": ["yes"] * 5 + ["no"] * 3,
            "region": "all",
            "days": [1, 2, 3, 4, 5, 10, 20, 30],
            "count": [1, 1, 1, 1, 1, 2, 1, 2],
        }
    )
    frame = metrics.medians(histogram).set_index("group")
    assert frame.loc["yes", ["denominator", "rate", "ci_low", "ci_high", "comparison_rate"]].tolist() == [
        5, 3, 1, 5, 20
    ]  # fmt: skip
    assert frame.loc["no", "rate"] == 20  # 10, 10, 20, 30, 30
    assert frame.loc["all", "rate"] == 7.5  # the 5th and 6th of the 10 values are 5 and 10
