"""Findings that survive the number of comparisons (issue 28): the Benjamini-Hochberg step, the
p-value read from a figure's interval, the families of comparisons, and planted gaps and nulls."""

import numpy as np
import pandas as pd
import pytest

from inequities import families, findings, metrics

# Benjamini and Hochberg (1995), section 4: the 15 p-values of a study of myocardial infarction.
# At a false discovery rate of 0.05 the procedure rejects the four smallest (Bonferroni only three).
TEXTBOOK = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719,
            0.6528, 0.7590, 1.0000]  # fmt: skip


def test_benjamini_hochbergs_own_example_rejects_the_four_smallest():
    assert findings.benjamini_hochberg(TEXTBOOK, 0.05).tolist() == [True] * 4 + [False] * 11


def test_the_order_given_is_kept_and_missing_p_values_are_not_tests():
    shuffled = [TEXTBOOK[i] for i in (14, 3, 0, 9, 2, 1)] + [np.nan] * 3 + TEXTBOOK[4:9] + TEXTBOOK[10:14]
    found = findings.benjamini_hochberg(shuffled, 0.05)
    assert [p for p, f in zip(shuffled, found, strict=True) if f] == [0.0095, 0.0001, 0.0019, 0.0004]


def test_the_step_up_keeps_a_p_value_above_its_own_threshold_when_a_larger_one_passes():
    # Sorted: 0.03 > 1/3 * 0.05 and 0.04 > 2/3 * 0.05, but 0.045 <= 3/3 * 0.05: the largest k with
    # p(k) <= k/m * q is 3, so all three are discoveries.
    assert findings.benjamini_hochberg([0.045, 0.03, 0.04], 0.05).tolist() == [True, True, True]
    assert findings.benjamini_hochberg([0.06, 0.03, 0.04], 0.05).tolist() == [False, False, False]
    assert findings.benjamini_hochberg([], 0.05).tolist() == []


def test_a_p_value_from_an_interval_is_below_5_percent_exactly_when_it_excludes_zero():
    # A symmetric interval of +/-1.96 standard errors touching zero: p = 0.05.
    assert findings.p_value(1.959963984540054, 0.0, 3.919927969080108) == pytest.approx(0.05)
    # Below zero the upper half (towards zero) is used: 1.5 wide, so z = 2.61, p = 0.009.
    assert findings.p_value(-2.0, -4.0, -0.5) == pytest.approx(0.0090, abs=0.0001)
    assert findings.p_value(-2.0, -4.0, 0.5) > 0.05
    assert findings.p_value(2.0, -0.1, 4.0) > 0.05
    assert findings.p_value(0.71, 0.65, 0.77, null=0.6) == pytest.approx(0.0003, abs=0.0001)
    assert np.isnan(findings.p_value(np.nan, 0.0, 1.0))


def test_a_figure_belongs_to_the_family_of_the_page_that_shows_it():
    tp02 = families.TP02.dissatisfied.key
    assert findings.family_of(tp02, "region") == families.BY_REGION
    assert findings.family_of(tp02, "disability") == families.DISSATISFACTION
    assert findings.family_of(families.TP02.satisfied.key, "disability") == findings.EXPORT_ONLY
    assert findings.family_of(families.SECURITY.metrics[0].key, "crime_deprivation") == families.REPAIRS


def _comparisons(rng, rates, n):
    """One dimension per comparison, two groups of `n` people each: group "a" at rates[i] against
    group "b" at 30%. Only group "a"'s row is kept (the two rows of a dimension are one comparison)."""
    rows = []
    for i, rate in enumerate(rates):
        rows.append(("m", f"d{i}", "a", "all", rng.binomial(n, rate), n))
        rows.append(("m", f"d{i}", "b", "all", rng.binomial(n, 0.3), n))
    counts = pd.DataFrame(rows, columns=[*metrics.KEYS, "numerator", "denominator"])
    frame = metrics.proportions(counts)
    frame = frame[frame["group"] == "a"].reset_index(drop=True)
    return frame.assign(suppressed=False, unit="proportion")


def test_200_planted_null_comparisons_keep_the_flags_near_the_false_discovery_rate():
    """200 comparisons with no real difference beside 50 planted gaps (45% against 30%, 300 people a
    group), 200 times over. On its own the interval calls about 10 of the 200 nulls clear each time;
    after the control, of the gaps called clear about 5% or fewer are nulls, and the planted gaps
    are still found."""
    rng = np.random.default_rng(28)
    rates = [0.3] * 200 + [0.45] * 50
    on_its_own, false_share, found = [], [], []
    for _ in range(200):
        frame = _comparisons(rng, rates, 300)
        judged = findings.judge(frame)
        clear = judged["significant"].astype(bool).to_numpy()
        on_its_own.append(int(((frame["gap_low"] > 0) | (frame["gap_high"] < 0))[:200].sum()))
        false_share.append(clear[:200].sum() / max(clear.sum(), 1))
        found.append(clear[200:].mean())
    assert 8 <= np.mean(on_its_own) <= 12  # 5% of 200: what the word "clear" gave before
    assert np.mean(false_share) <= findings.FALSE_DISCOVERY_RATE + 0.01  # expected 200/250 * 5% = 4%
    assert np.mean(false_share) >= 0.02  # near the rate chosen, not far below it
    assert np.mean(found) >= 0.8


def test_200_null_comparisons_alone_are_rarely_flagged_at_all():
    """With nothing real at all, the control flags something in about 5% of families, where the
    interval on its own flagged about 10 comparisons in every family."""
    rng = np.random.default_rng(2028)
    any_flag = []
    for _ in range(200):
        judged = findings.judge(_comparisons(rng, [0.3] * 200, 300))
        any_flag.append(judged["significant"].astype(bool).any())
    assert np.mean(any_flag) <= 0.09


def test_hidden_figures_and_everyones_rows_are_not_comparisons():
    rng = np.random.default_rng(1)
    frame = _comparisons(rng, [0.3, 0.6], 300)
    frame.loc[1, "suppressed"] = True
    judged = findings.judge(frame)
    assert judged.loc[1, "significant"] is None
    assert judged.loc[0, "significant"] in (True, False)
    assert findings.chance_alone(1943) == 97
