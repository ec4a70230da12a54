"""Disclosure control by rounding (issue 28): small counts hidden, every other count rounded to 5 the
same way every time, nothing large hidden to protect another figure, and an attacker written apart from
the product (recoverable.narrowed_rounded) narrows no hidden count to within +/-2, in one snapshot
or across snapshots of growing periods, while it does without the protection."""

import logging
import random

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inequities.disclosure import Earlier, rounding, small, suppress
from inequities.disclosure.audit import Audit
from inequities.disclosure.lines import lines
from inequities.metrics import ALL
from tests.inequities.recoverable import narrowed_rounded

KEY = rounding.key_from("test")
REGIONS = ["north", "south", "west"]
DIMENSIONS = {"ethnic_group": ["asian", "black", "white"], "disability": ["yes", "no"]}


def table(rows, unit="proportion"):
    frame = pd.DataFrame(rows, columns=["metric", "dimension", "group", "region", "numerator", "denominator"])
    return frame.assign(unit=unit)


def figures_of(people):
    """Every figure of one proportion for `people` [(region, {dimension: group}, dissatisfied)]."""
    rows = []
    for dimension, groups in DIMENSIONS.items():
        for group in [*groups, ALL]:
            for region in [*REGIONS, ALL]:
                inside = [
                    p
                    for p in people
                    if (region == ALL or p[0] == region) and (group == ALL or p[1][dimension] == group)
                ]
                rows.append(("m", dimension, group, region, sum(p[2] for p in inside), len(inside)))
    return table(rows)


def published(frame):
    return suppress(frame, key=KEY, links=[]).to_dict("records")


def test_counts_of_1_to_7_are_hidden_and_nothing_else():
    frame = table(
        [
            ("m", "d", "a", "r", 7, 50),  # numerator 7
            ("m", "d", "b", "r", 8, 50),  # 8: shown
            ("m", "d", "c", "r", 45, 50),  # remainder 5
            ("m", "d", "e", "r", 0, 7),  # 7 people
            ("m", "d", "f", "r", 0, 8),  # none of 8: shown
            ("m", "d", "g", "r", 0, 0),  # nobody: nothing to show
        ]
    )
    assert list(small(frame)) == [True, False, True, True, False, True]


def test_rounding_is_to_5_within_4_and_never_publishes_5():
    values = np.arange(0, 400, dtype=float)
    u = rounding.draws(KEY, [f"cell {v}" for v in values])
    out = rounding.rounded(values, u)
    shown = values >= 8
    assert (out[shown] % 5 == 0).all()
    assert np.abs(out[shown] - values[shown]).max() == 4
    assert out[values == 8][0] == out[values == 9][0] == 10
    assert (out[shown & (values % 5 == 0)] == values[shown & (values % 5 == 0)]).all()
    assert 5 not in out
    # Repeatable: the same place and count, the same published count.
    assert (rounding.rounded(values, rounding.draws(KEY, [f"cell {v}" for v in values])) == out).all()
    # Up about as often as down.
    moved = out[shown & (values % 5 != 0)] - values[shown & (values % 5 != 0)]
    assert abs(moved.mean()) < 0.6


def test_a_count_that_grows_is_never_published_smaller():
    u = rounding.draws(KEY, ["one place"] * 200)
    out = rounding.rounded(np.arange(8, 208, dtype=float), u)
    assert (np.diff(out) >= 0).all()


def test_nothing_is_hidden_to_protect_another_figure():
    # b is 2 of 40: hidden. The old method hid a second figure so that b = total - a - c could not
    # be worked out; now a, c and the total are shown, each rounded to 5, so b is 0 to 18 at best.
    frame = table(
        [
            ("m", "d", "a", "r", 31, 61),
            ("m", "d", "b", "r", 2, 40),
            ("m", "d", "c", "r", 28, 63),
            ("m", "d", ALL, "r", 61, 164),
        ]
    )
    result = suppress(frame, key=KEY, links=[])
    assert list(result["suppressed"]) == [False, True, False, False]
    shown = result[~result["suppressed"]]
    assert (shown["numerator"] % 5 == 0).all() and (shown["denominator"] % 5 == 0).all()
    assert (np.abs(shown["numerator"] - frame["numerator"][shown.index]) <= 4).all()
    assert narrowed_rounded([result.to_dict("records")]) == []


def test_the_same_people_get_one_published_count_everywhere():
    people = [
        (random.Random(n).choice(REGIONS), {"ethnic_group": "white", "disability": "no"}, n % 3 == 0) for n in range(90)
    ]
    result = suppress(figures_of(people), key=KEY, links=[])
    everyone = result[result["group"] == ALL]
    for _region, rows in everyone.groupby("region"):
        assert rows["denominator"].nunique() == 1 and rows["numerator"].nunique() == 1


def test_rates_and_intervals_are_worked_out_from_the_rounded_counts():
    frame = table([("m", "d", "a", "r", 12, 33), ("m", "d", "b", "r", 20, 71), ("m", "d", ALL, "r", 32, 104)])
    frame = frame.assign(rate=frame["numerator"] / frame["denominator"], ci_low=0.0, ci_high=1.0)
    frame = frame.assign(comparison_rate=0.0, gap=0.0, gap_low=0.0, gap_high=0.0)
    result = suppress(frame, key=KEY, links=[], residents="residents")
    a, total = result.iloc[0], result.iloc[2]
    assert a["rate"] == a["numerator"] / a["denominator"]
    other = (total["numerator"] - a["numerator"]) / (total["denominator"] - a["denominator"])
    assert a["comparison_rate"] == other
    assert a["gap"] == (a["rate"] - other) * 100


def test_the_log_says_how_many_were_hidden_and_rounded(caplog):
    frame = table([("m", "d", "a", "r", 31, 61), ("m", "d", "b", "r", 2, 40), ("m", "d", ALL, "r", 33, 101)])
    with caplog.at_level(logging.INFO, logger="inequities.disclosure"):
        result = suppress(frame, key=KEY, links=[])
    assert result.attrs["disclosure"]["small"] == 1
    assert result.attrs["disclosure"]["rounded"] == 2  # 31, 61, 33 and 101 are not multiples of 5
    assert "hid 1 of 3 figures (1 with a count of 1 to 7" in caplog.text
    assert "rounded the counts of 2 of the 2 shown to multiples of 5" in caplog.text
    assert "snapshots published before, audited with it: 0" in caplog.text
    with caplog.at_level(logging.INFO, logger="inequities.disclosure"):
        again = suppress(frame, key=KEY, links=[], earlier=Earlier(frames=[result]))
    assert again.attrs["disclosure"]["audited_with"] == 1
    assert "snapshots published before, audited with it: 1" in caplog.text


def test_without_the_protection_the_attacker_finds_hidden_counts():
    # Exact counts with the small ones hidden, as before secondary suppression: b = 33 - 31 = 2.
    frame = table([("m", "d", "a", "r", 31, 61), ("m", "d", "b", "r", 2, 40), ("m", "d", ALL, "r", 33, 101)])
    exact = frame.assign(suppressed=small(frame)).to_dict("records")
    found = narrowed_rounded([exact], base=1, smallest=0)
    assert ("d", "b", "r", "numerator") in [f[1:] for f in found]
    # Rounded, the same figures give b away no more than 0 to 10.
    assert narrowed_rounded([published(frame)]) == []


def person(draw_region, draw_group, dissatisfied):
    return (
        REGIONS[draw_region],
        {
            "ethnic_group": DIMENSIONS["ethnic_group"][draw_group % 3],
            "disability": DIMENSIONS["disability"][draw_group % 2],
        },
        dissatisfied,
    )


people_strategy = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 5), st.booleans()), min_size=40, max_size=160)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    first=people_strategy,
    late=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 5), st.booleans()), min_size=1, max_size=8),
)
def test_no_hidden_count_is_narrowed_in_one_snapshot_or_across_two(first, late):
    before = [person(*p) for p in first]
    after = before + [person(*p) for p in late]
    frames = [figures_of(before), figures_of(after)]
    # The second is audited together with the first, as the recompute does (earlier.py).
    first = suppress(frames[0], key=KEY, links=[])
    second = suppress(frames[1], key=KEY, links=[], earlier=Earlier(frames=[first]))
    snapshots = [first.to_dict("records"), second.to_dict("records")]
    # A figure about nobody (no one in that group and region) points to nobody.
    nobody = {
        (s, f.dimension, f.group, f.region)
        for s, frame in enumerate(frames)
        for f in frame.itertuples()
        if f.denominator == 0
    }
    assert [f for f in narrowed_rounded(snapshots[:1]) if f[:4] not in nobody] == []
    assert [f for f in narrowed_rounded(snapshots) if f[:4] not in nobody] == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=people_strategy)
def test_without_rounding_the_attacker_finds_a_count_wherever_one_is_hidden_alone(first):
    frame = figures_of([person(*p) for p in first])
    exact = frame.assign(suppressed=small(frame)).to_dict("records")
    lone = any(
        sum(f["suppressed"] and f["denominator"] > 0 for f in exact if f["dimension"] == d and f["region"] == r) == 1
        and not any(
            f["suppressed"] and f["denominator"] == 0 for f in exact if f["dimension"] == d and f["region"] == r
        )
        for d in DIMENSIONS
        for r in [*REGIONS, ALL]
    )
    if lone:
        assert narrowed_rounded([exact], base=1, smallest=0)


def test_a_figure_a_few_away_from_an_exact_count_published_before_rounding_is_hidden():
    frame = table([("m", "d", "a", "r", 40, 80), ("m", "d", "b", "r", 20, 60), ("m", "d", ALL, "r", 60, 140)])
    # Before rounding, a snapshot of an overlapping period showed a's exact 38 of 78: 40 of 80 now
    # (multiples of 5, published as they are) would say 2 more people came into each count.
    shown = table([("m", "d", "a", "r", 38, 78)])
    result = suppress(frame, key=KEY, links=[], earlier=Earlier(values=shown.drop(columns="unit")))
    assert list(result["suppressed"]) == [True, False, False]
    assert result.attrs["disclosure"]["earlier"] == 1
    # Two rounded snapshots never differ by 1 to 4: the same figures published before change nothing.
    again = suppress(frame, key=KEY, links=[], earlier=Earlier(values=suppress(frame, key=KEY, links=[])))
    assert again.attrs["disclosure"]["earlier"] == 0


def test_one_count_in_two_tables_is_published_the_same_way_when_a_hidden_count_needs_it():
    # The 6 recalls of 49 repairs are hidden, in the tenths of deprivation and in the fifths. The
    # 49 repairs are shown with the repairs on time (the same repairs), and a fifth made of one
    # tenth counts the same repairs. Rounded apart (45 and 50) they pin 49 to 46-49: the rounds
    # of the audit turn one count each way at once, and the count-by-count step after them must
    # leave both published the same.
    rows = [("recall", "decile", "7", "r", 6, 49), ("recall", "quintile", "4", "r", 6, 49)]
    rows += [("on_time", "decile", "7", "r", 41, 49), ("on_time", "quintile", "4", "r", 41, 49)]
    frame = table(rows)
    key = rounding.key_from("test-4")
    options = {"key": key, "links": [("quintile", "decile", {"4": ("7", "8")})], "together": [("recall", "on_time")]}
    unaudited = suppress(frame, audited=False, **options)
    assert sorted(unaudited["denominator"][2:]) == [45.0, 50.0]
    audit = Audit(frame, lines(frame, options["links"], options["together"]), smallest=8)
    hidden = unaudited["suppressed"].to_numpy()
    assert audit.failures(hidden, unaudited["numerator"].to_numpy(), unaudited["denominator"].to_numpy())

    result = suppress(frame, **options)
    assert list(result["suppressed"]) == [True, True, False, False]
    assert result["denominator"][2] == result["denominator"][3]
    assert result.attrs["disclosure"]["unresolved"] == 0
    assert result.attrs["disclosure"]["protecting"] == 0
    assert not audit.failures(hidden, result["numerator"].to_numpy(), result["denominator"].to_numpy())


def test_as_a_last_resort_the_smallest_figure_in_the_line_is_hidden_never_a_large_one_or_a_total():
    from inequities.disclosure import PROTECTING_BELOW, protect
    from inequities.disclosure.audit import Failure

    frame = table(
        [
            ("m", "d", "a", "r", 2, 10),  # hidden: 2
            ("m", "d", "b", "r", 10, 18),  # about 18 people: may be hidden to protect a
            ("m", "d", "c", "r", 20, 40),  # about 40: never
            ("m", "d", "e", "r", 10, 25),  # about 25, but larger than b
            ("m", "d", ALL, "r", 42, 93),  # the region's total: never
        ]
    )
    assert 25 < PROTECTING_BELOW <= 40
    hidden = small(frame).to_numpy(dtype=bool, copy=True)
    numerator, denominator = frame["numerator"].to_numpy(float), frame["denominator"].to_numpy(float)
    audit = Audit(frame, lines(frame, []), smallest=8)
    # Say the rounding could not open a's numerator (as if it were known to be 2 to 4).
    near = ((2, "numerator"), (4, "numerator"), (3, "numerator"), (1, "numerator"))
    protecting = protect(frame, audit, hidden, numerator, denominator, [Failure(0, "numerator", 2, 4, near)])
    assert list(protecting) == [False, True, False, False, False]
    assert list(hidden) == [True, True, False, False, False]
    # With only a large figure and the total beside it, nothing is hidden.
    hidden = small(frame).to_numpy(dtype=bool, copy=True)
    near = ((2, "numerator"), (4, "numerator"))
    protecting = protect(frame, audit, hidden, numerator, denominator, [Failure(0, "numerator", 2, 4, near)])
    assert not protecting.any() and list(hidden) == [True, False, False, False, False]
