"""Disclosure control across tables a reader sees together, checked by an attacker written apart
from the product (tests/inequities/recoverable.py)."""

import logging

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from inequities import metrics
from inequities.disclosure import suppress
from inequities.metrics import ALL
from tests.inequities.recoverable import given_away, narrowed, narrowed_together

COLUMNS = ["metric", "dimension", "group", "region", "numerator", "denominator"]


def hidden(frame):
    return {(row.dimension, row.group, row.region) for row in frame.itertuples() if row.suppressed}


def test_a_fifth_and_its_two_tenths_are_one_line():
    # Tenth 3 (2 of 12) is small; fifth 2 = tenths 3 + 4 would give it away from tenth 4 (9 of 16).
    rows = [
        ("m", "imd_decile", "3", "r", 2, 12),
        ("m", "imd_decile", "4", "r", 9, 16),
        ("m", "imd_decile", ALL, "r", 11, 28),
        ("m", "imd_quintile", "2", "r", 11, 28),
        ("m", "imd_quintile", ALL, "r", 11, 28),
    ]
    frame = suppress(pd.DataFrame(rows, columns=COLUMNS))
    assert ("imd_decile", "3", "r") in hidden(frame)
    assert ("imd_decile", "4", "r") in hidden(frame)  # secondary, in its own table
    assert given_away(frame.to_dict("records")) == []


def test_an_everyone_row_hidden_in_one_dimension_is_hidden_in_every_dimension():
    rows = [
        ("m", "sex", "f", "r", 2, 20),  # small: its line hides the everyone row's partner
        ("m", "sex", "m", "r", 20, 20),
        ("m", "sex", ALL, "r", 22, 40),
        ("m", "age", "young", "r", 11, 20),
        ("m", "age", "old", "r", 11, 20),
        ("m", "age", ALL, "r", 22, 40),
    ]
    frame = suppress(pd.DataFrame(rows, columns=COLUMNS))
    everyone = {d for d, g, _r in hidden(frame) if g == ALL}
    assert everyone in (set(), {"sex", "age"})
    assert given_away(frame.to_dict("records")) == []


def test_a_hidden_total_beside_shown_members_takes_a_member_with_it():
    rows = [
        ("m", "d", "a", "r", 30, 100),
        ("m", "d", "b", "r", 0, 50),
        ("m", "d", ALL, "r", 30, 150),
        ("m", "d", "a", "s", 3, 3),
        ("m", "d", "b", "s", 20, 40),
        ("m", "d", ALL, "s", 23, 43),
        ("m", "d", "a", ALL, 33, 103),
        ("m", "d", "b", ALL, 20, 90),
        ("m", "d", ALL, ALL, 53, 193),
    ]
    frame = suppress(pd.DataFrame(rows, columns=COLUMNS))
    assert given_away(frame.to_dict("records")) == []


def _snapshot(people):
    """Figures of one metric by sex, tenth and fifth of deprivation, and region, from people given as
    (sex, tenth, region, counted) — the shape the recompute writes."""
    people = pd.DataFrame(people, columns=["sex", "tenth", "region", "counted"])
    people["fifth"] = ((people["tenth"] + 1) // 2).astype(str)
    people["tenth"] = people["tenth"].astype(str)
    frames = []
    for dimension, column in (("sex", "sex"), ("imd_decile", "tenth"), ("imd_quintile", "fifth"), ("region", "region")):
        counts = people.groupby([column, "region"], as_index=False).agg(
            numerator=("counted", "sum"), denominator=("counted", "size")
        )
        counts = (
            counts.rename(columns={column: "group"}) if column != "region" else counts.assign(group=counts["region"])
        )
        frames.append(counts.assign(metric="m", dimension=dimension)[COLUMNS])
    counts = metrics.with_all_regions(pd.concat(frames, ignore_index=True))
    return metrics.with_everyone(counts)


person = st.tuples(
    st.sampled_from(["f", "m"]), st.integers(1, 4), st.sampled_from(["North", "South", "East"]), st.booleans()
)


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(person, min_size=1, max_size=160))
def test_no_hidden_count_in_a_random_snapshot_can_be_worked_out_or_narrowed(people):
    figures = suppress(_snapshot(people)).to_dict("records")
    assert given_away(figures) == []
    assert narrowed(figures) == []


# Group a has 2 of 20 and group b 1 of 30: both small. The line hides two figures, so no
# subtraction gives either away, but the shown total (33) less group c (30) leaves them 3 together:
# each is 0 to 3, as good as shown.
NARROW = [
    ("m", "d", "a", "r", 2, 20),
    ("m", "d", "b", "r", 1, 30),
    ("m", "d", "c", "r", 30, 50),
    ("m", "d", ALL, "r", 33, 100),
]


def test_two_hidden_figures_a_shown_total_leaves_few_values_are_hidden_further():
    before = suppress(pd.DataFrame(NARROW, columns=COLUMNS), audited=False)
    assert hidden(before) == {("d", "a", "r"), ("d", "b", "r")}
    assert given_away(before.to_dict("records")) == []  # the old suppression passed this
    assert narrowed(before.to_dict("records")) == [("m", "d", "a", "r", "numerator"), ("m", "d", "b", "r", "numerator")]

    after = suppress(pd.DataFrame(NARROW, columns=COLUMNS))
    # c (30 of 50) is the smallest other figure of the line with a numerator of at least 5: a and b
    # are now 0 to 33 together.
    assert hidden(after) == {("d", "a", "r"), ("d", "b", "r"), ("d", "c", "r")}
    assert narrowed(after.to_dict("records")) == []
    assert after.attrs["disclosure"] == {"primary": 2, "earlier": 0, "secondary": 0, "linked": 0, "audit": 1}


def test_the_figures_the_audit_hides_are_logged(caplog):
    with caplog.at_level(logging.INFO, logger="inequities.disclosure"):
        suppress(pd.DataFrame(NARROW, columns=COLUMNS))
    assert (
        "Disclosure control hid 3 of 4 figures: 2 small, 0 changed by a few since a snapshot before, "
        "0 beside them, 0 more for linked tables, 1 more for the audit" in caplog.messages
    )


def test_the_audit_gives_the_same_figures_every_time():
    rng = np.random.default_rng(0)
    people = [
        (rng.choice(["f", "m"]), int(rng.integers(1, 5)), rng.choice(["North", "South", "East"]), True)
        for _ in range(90)
    ]
    people = [(s, t, r, bool(rng.random() < 0.3)) for s, t, r, _c in people]
    first, second = suppress(_snapshot(people)), suppress(_snapshot(people))
    assert narrowed(suppress(_snapshot(people), audited=False).to_dict("records")) != []
    assert first.attrs["disclosure"]["audit"] == 13
    assert narrowed(first.to_dict("records")) == []
    assert list(first["suppressed"]) == list(second["suppressed"])


def test_tables_that_need_no_protection_are_left_whole():
    rng = np.random.default_rng(1)
    people = [
        (rng.choice(["f", "m"]), int(rng.integers(1, 5)), rng.choice(["North", "South"]), True) for _ in range(4000)
    ]
    people = [(s, t, r, bool(rng.random() < 0.4)) for s, t, r, _c in people]
    frame = suppress(_snapshot(people))
    assert hidden(frame) == set()


def test_a_metric_whose_own_lines_give_a_count_away_is_not_published(caplog):
    """Every figure of region r is small but sex f (30 of 50), which no line reaches. The fifths
    have no fifth 2, so their lines say tenths 1 and 2 are everyone: tenth 3 is then 0 of 3 (and its
    remainder 3), worked out with nothing shown in its equations to hide instead. So nothing of the
    metric is published, sex f included."""
    rows = [
        ("m", "imd_decile", "1", "r", 2, 5),
        ("m", "imd_decile", "2", "r", 1, 4),
        ("m", "imd_decile", "3", "r", 0, 3),
        ("m", "imd_decile", ALL, "r", 3, 12),
        ("m", "imd_quintile", "1", "r", 3, 9),
        ("m", "imd_quintile", ALL, "r", 3, 12),
        ("m", "sex", "f", "r", 30, 50),
    ]
    with caplog.at_level(logging.INFO, logger="inequities.disclosure"):
        frame = suppress(pd.DataFrame(rows, columns=COLUMNS))
    assert frame["suppressed"].all()
    assert frame.attrs["disclosure"] == {"primary": 6, "earlier": 0, "secondary": 0, "linked": 0, "audit": 1}
    assert "Disclosure audit: m could still be worked out, so all its figures are hidden" in caplog.messages
    assert "Disclosure audit: 2 counts given away with every figure hidden" in caplog.messages


def test_satisfied_and_dissatisfied_of_one_measure_are_hidden_together():
    """Both count the same valid answers: a shown 10 of 25 dissatisfied gives the hidden satisfied
    figure's denominator (25), which ties its numerator to its remainder in every line a reader
    adds up, an equation the audit (one metric at a time) does not solve. So neither is shown."""
    rows = [
        ("tp01_satisfied", "sex", "f", "r", 3, 25),
        ("tp01_dissatisfied", "sex", "f", "r", 10, 25),
        ("tp02_satisfied", "sex", "f", "r", 20, 25),  # another measure's answers: not linked
    ]
    together = [("tp01_dissatisfied", "tp01_satisfied")]
    frame = suppress(pd.DataFrame(rows, columns=COLUMNS), together=together)
    assert list(frame["suppressed"]) == [True, True, False]
    assert list(suppress(pd.DataFrame(rows, columns=COLUMNS))["suppressed"]) == [True, False, False]


def test_the_attacker_reads_satisfied_and_dissatisfied_together():
    """One cell: 1 of 5 dissatisfied is shown, satisfied is hidden. Alone, satisfied has no
    equation; read together, its count and what is left make the same 5 answers, so it is 0 to 4."""
    figures = [
        {**dict(zip(COLUMNS, row, strict=True)), "suppressed": hidden}
        for row, hidden in (
            (("tp01_satisfied", "disability", "yes", ALL, None, None), True),
            (("tp01_dissatisfied", "disability", "yes", ALL, 1, 5), False),
        )
    ]
    assert narrowed(figures) == []
    assert ("tp01_satisfied", "disability", "yes", ALL, "numerator") in narrowed_together(figures)


def test_the_audit_solves_satisfied_and_dissatisfied_together():
    """The attacker's case above, inside the product: 1 of 5 dissatisfied shown beside a hidden
    satisfied leaves satisfied 0 to 4 (its 5 answers less at least the 1), so the dissatisfied
    figure is hidden too."""
    from inequities.disclosure.joint import Joint
    from inequities.disclosure.lines import lines

    frame = pd.DataFrame(
        [("tp01_satisfied", "disability", "yes", ALL, 2, 5), ("tp01_dissatisfied", "disability", "yes", ALL, 1, 5)],
        columns=COLUMNS,
    ).assign(unit="proportion")
    published = lines(frame, [], [("tp01_dissatisfied", "tp01_satisfied")])
    hidden = np.array([True, False])
    joint = Joint(frame, published, [("tp01_dissatisfied", "tp01_satisfied", True)], 5, np.array([False, False]))
    assert joint.more_to_hide(hidden, [0, 1]) == [1]
    assert hidden.tolist() == [True, True]
    # Not apart (a repair can be on time and recalled): only the denominators are shared, and 0 to 5 is wide enough.
    hidden = np.array([True, False])
    joint = Joint(frame, published, [("tp01_dissatisfied", "tp01_satisfied", False)], 5, np.array([False, False]))
    assert joint.more_to_hide(hidden, [0, 1]) == []
