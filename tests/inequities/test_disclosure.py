"""Disclosure control on hand-built tables: what is hidden, and that nothing hidden can be worked out."""

import pandas as pd

from inequities.disclosure import blank_suppressed, primary, suppress
from inequities.metrics import ALL


def table(rows):
    return pd.DataFrame(rows, columns=["metric", "dimension", "group", "region", "numerator", "denominator"])


def hidden(frame):
    return {(row.group, row.region) for row in frame.itertuples() if row.suppressed}


def test_primary_hides_small_denominators_and_small_numerators_or_remainders():
    frame = table(
        [
            ("m", "d", "a", "r", 5, 9),  # denominator below 10
            ("m", "d", "b", "r", 3, 50),  # numerator 1 to 4
            ("m", "d", "c", "r", 47, 50),  # remainder 3
            ("m", "d", "e", "r", 0, 50),  # zero is not small: nobody is pointed to
            ("m", "d", "f", "r", 50, 50),  # remainder zero: shown
            ("m", "d", "g", "r", 5, 10),  # on the thresholds: shown
        ]
    )
    assert list(primary(frame)) == [True, True, True, False, False, False]


def test_thresholds_can_be_configured():
    frame = table([("m", "d", "a", "r", 6, 30)])
    assert not primary(frame).iloc[0]
    assert primary(frame, min_denominator=31).iloc[0]
    assert primary(frame, max_small=6).iloc[0]


def test_a_lone_hidden_cell_in_a_row_with_a_total_takes_another_cell_with_it():
    # One region, three groups and the total for everyone. Group b has 2 of 40: hidden. Without
    # secondary suppression, b = total - a - c = 60 - 30 - 28 = 2.
    frame = suppress(
        table(
            [
                ("m", "d", "a", "r", 30, 100),
                ("m", "d", "b", "r", 2, 40),
                ("m", "d", "c", "r", 28, 60),
                ("m", "d", ALL, "r", 60, 200),
            ]
        )
    )
    # c (denominator 60) is smaller than a (100), so c goes too; the total stays.
    assert hidden(frame) == {("b", "r"), ("c", "r")}


def test_a_row_whose_total_would_reveal_the_hidden_cell_across_regions_is_protected():
    # Two regions and an all-regions column. Group b in London has 3 of 30: hidden. b's all-regions
    # figure (3 + 20 = 23 of 30 + 80) would give London away from the North East figure, and London's
    # total would give it away from group a: both lines must lose a second cell.
    frame = suppress(
        table(
            [
                ("m", "d", "a", "London", 40, 100),
                ("m", "d", "b", "London", 3, 30),
                ("m", "d", ALL, "London", 43, 130),
                ("m", "d", "a", "North East", 30, 90),
                ("m", "d", "b", "North East", 20, 80),
                ("m", "d", ALL, "North East", 50, 170),
                ("m", "d", "a", ALL, 70, 190),
                ("m", "d", "b", ALL, 23, 110),
                ("m", "d", ALL, ALL, 93, 300),
            ]
        )
    )
    assert ("b", "London") in hidden(frame)
    assert_nothing_hidden_can_be_worked_out(frame)
    # London's row: b hidden, a (the only other group) hidden with it.
    assert ("a", "London") in hidden(frame)
    # b's column: London hidden, so the North East goes too.
    assert ("b", "North East") in hidden(frame)


def test_tables_without_small_cells_are_left_alone():
    frame = suppress(
        table(
            [
                ("m", "d", "a", "r", 30, 100),
                ("m", "d", "b", "r", 20, 80),
                ("m", "d", ALL, "r", 50, 180),
            ]
        )
    )
    assert hidden(frame) == set()


def test_each_metric_and_dimension_is_its_own_table():
    frame = suppress(
        table(
            [
                ("m", "d", "a", "r", 2, 50),
                ("m", "d", "b", "r", 20, 50),
                ("m", "d", ALL, "r", 22, 100),
                ("m", "other", "a", "r", 20, 50),
                ("m", "other", "b", "r", 20, 50),
                ("m", "other", ALL, "r", 40, 100),
            ]
        )
    )
    assert {(row.dimension, row.group) for row in frame.itertuples() if row.suppressed} == {("d", "a"), ("d", "b")}


def test_suppressed_rows_keep_their_labels_and_lose_their_numbers():
    frame = suppress(table([("m", "d", "a", "r", 2, 50), ("m", "d", "b", "r", 20, 50)]))
    frame["rate"] = frame["numerator"] / frame["denominator"]
    shown = blank_suppressed(frame, ["numerator", "denominator", "rate"]).set_index("group")
    assert shown.loc["a", "numerator"] is None
    assert shown.loc["a", "rate"] is None
    assert shown.loc["a", "metric"] == "m"
    assert shown.loc["b", "numerator"] == 20


def assert_nothing_hidden_can_be_worked_out(frame):
    """Every line with a shown total hides none or at least two of its cells."""
    cells = {(row.group, row.region): row.suppressed for row in frame.itertuples()}
    groups = {g for g, _ in cells if g != ALL}
    regions = {r for _, r in cells if r != ALL}
    for region in regions | {ALL}:
        if not cells[(ALL, region)]:
            assert sum(cells[(g, region)] for g in groups) != 1, region
    for group in groups | {ALL}:
        if not cells[(group, ALL)]:
            assert sum(cells[(group, r)] for r in regions) != 1, group
