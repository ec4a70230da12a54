"""bench/disclosure.py's upper bounds (issue 28): which hidden clear gaps a method that keeps the
±2 promise, or a band "1 to 7", could still show as clear."""

import numpy as np
import pandas as pd

from bench.disclosure import could_show
from inequities import metrics

SHARE = "representation_participants"


def _share_row(group, took_part, everyone, residents_share):
    low, high = metrics.wilson_interval(took_part, everyone)
    rate = took_part / everyone
    return {
        "metric": SHARE,
        "dimension": "age_band",
        "group": group,
        "region": "North West",
        "unit": "share",
        "numerator_raw": took_part,
        "denominator_raw": everyone,
        "comparison_rate_raw": residents_share,
        "gap_raw": (rate - residents_share) * 100,
        "gap_low_raw": (float(low) - residents_share) * 100,
        "gap_high_raw": (float(high) - residents_share) * 100,
    }


def _frame(rows):
    everyone = {
        **_share_row("x", 200, 200, 1.0),
        "group": metrics.ALL,
        "comparison_rate_raw": np.nan,
        "gap_raw": np.nan,
        "gap_low_raw": np.nan,
        "gap_high_raw": np.nan,
    }
    return pd.DataFrame([everyone, *rows])


def test_a_group_almost_absent_from_those_who_took_part_could_be_shown_by_a_band_of_1_to_7():
    # 1 of 200 took part against 30% of residents: clear for any count up to 7 (7 of 200 is 3.5%).
    both = _frame([_share_row("25 to 34", 1, 200, 0.30)])
    clear = np.array([False, True])
    hidden = np.array([False, True])
    assert could_show(both, clear, hidden) == {"run": 1, "band": 1}


def test_a_gap_clear_only_for_the_true_small_count_could_not_be_shown_by_any_method_keeping_the_promise():
    # 3 of 40 against 25%: clear as it is (its interval reaches 19.9%), but not at 6 of 40 (up to
    # 29%), the least a reader may be left with, so no method keeping the ±2 promise shows it.
    row = _share_row("45 to 54", 3, 40, 0.25)
    assert row["gap_high_raw"] < 0
    both = _frame([row])
    assert could_show(both, np.array([False, True]), np.array([False, True])) == {"run": 0, "band": 0}


def test_a_gap_just_clear_at_6_is_within_the_run_bound_but_not_the_band():
    # 2 of 100 against 13%: at 6 of 100 the interval reaches 12.5%, at 7 it reaches 13.8%.
    row = _share_row("16 to 24", 2, 100, 0.13)
    at_6 = metrics.wilson_interval(6, 100)[1]
    at_7 = metrics.wilson_interval(7, 100)[1]
    assert at_6 < 0.13 < at_7
    both = _frame([row])
    assert could_show(both, np.array([False, True]), np.array([False, True])) == {"run": 1, "band": 0}


def test_shown_gaps_and_gaps_not_clear_are_not_counted():
    both = _frame([_share_row("25 to 34", 1, 200, 0.30), _share_row("35 to 44", 60, 200, 0.30)])
    # the first is clear but shown; the second is hidden but was not clear
    assert could_show(both, np.array([False, True, False]), np.array([False, False, True])) == {"run": 0, "band": 0}
