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
