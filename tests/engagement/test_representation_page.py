"""What the representation page shows: small counts hidden, shares, and under-represented groups."""

import re
from datetime import date

import pytest
from django.urls import reverse

from engagement.models import OutreachSuggestion
from engagement.representation import HIDDEN, SHOWN, SMALL, representation_tables
from engagement.selectors.representation import DimensionCounts, GroupCounts
from tests.factories import EngagementActivityFactory, EqualityProfileFactory, ResidentFactory


def dimension(*rows, name="disability"):
    """rows: (code, population, panel, participants)."""
    groups = [GroupCounts(code, code.title(), *numbers) for code, *numbers in rows]
    return DimensionCounts(name, name.title(), groups)


def states(table, column):
    return {row.code: getattr(row, column).state for row in table.rows}


def test_counts_from_1_to_4_are_small_and_a_count_that_could_be_worked_out_is_hidden_too():
    table = representation_tables(
        [
            dimension(
                ("yes", 50, 0, 0),
                ("no", 3, 0, 0),
                ("other", 40, 0, 0),
                ("prefer_not_to_say", 0, 0, 0),
                ("not_asked", 7, 0, 0),
            )
        ]
    )[0]

    # 3 is small. Alone it could be worked out from the total, so the next smallest count (7) is
    # hidden; then among known answers 3 is alone again, so 40 goes; the missing answers then
    # hide their 0, so that 7 cannot be worked out from the total of those who did not answer.
    assert states(table, "population") == {
        "yes": SHOWN,
        "no": SMALL,
        "other": HIDDEN,
        "prefer_not_to_say": HIDDEN,
        "not_asked": HIDDEN,
    }


def test_a_column_with_nothing_small_hides_nothing_and_zero_is_shown():
    table = representation_tables([dimension(("yes", 10, 0, 5), ("no", 20, 6, 0), ("not_asked", 0, 0, 0))])[0]

    assert set(states(table, "population").values()) == {SHOWN}
    assert set(states(table, "participants").values()) == {SHOWN}


def test_shares_are_of_known_answers_and_only_beside_counts_that_are_shown():
    table = representation_tables(
        [dimension(("yes", 30, 0, 10), ("no", 90, 0, 30), ("prefer_not_to_say", 10, 0, 0), ("not_asked", 70, 0, 60))]
    )[0]
    rows = {row.code: row for row in table.rows}

    assert rows["yes"].population.percent == "25%"  # 30 of the 120 who answered
    assert rows["no"].participants.percent == "75%"
    assert rows["not_asked"].population.percent is None


def test_a_group_is_under_represented_below_four_fifths_of_its_share_of_residents():
    suggestion = OutreachSuggestion(dimension="disability", group="yes", activity_kinds=["phone_calls"], note="Call")
    table = representation_tables(
        [
            dimension(
                ("yes", 300, 1, 100),  # 30% of residents; 20% of participants (< 24%); 10% of the panel
                ("no", 600, 8, 300),  # 60% and 60%
                ("other", 92, 1, 100),  # 9.2% and 20%
                ("tiny", 8, 0, 0),  # fewer than 10 residents: not judged
                ("not_asked", 500, 0, 900),  # never judged
            )
        ],
        suggestions={("disability", "yes"): suggestion},
    )[0]
    rows = {row.code: row for row in table.rows}

    assert (rows["yes"].participants_under, rows["yes"].panel_under) == (True, True)
    assert rows["yes"].suggestions == [suggestion]
    assert not rows["no"].is_under_represented
    assert not rows["other"].is_under_represented
    assert not rows["tiny"].is_under_represented
    assert not rows["not_asked"].is_under_represented
    assert [row.code for row in table.under_represented] == ["yes"]


@pytest.mark.django_db
def test_the_page_states_its_rules_and_never_shows_a_count_below_5(client, personas):
    for disability in ["yes"] * 3 + ["no"] * 20:
        EqualityProfileFactory(resident=ResidentFactory(), disability=disability)
    EngagementActivityFactory(held_on=date.today(), headcount=30)
    client.force_login(personas["insight_analyst"])

    html = client.get(reverse("representation")).content.decode()

    assert "fewer than 5" in html
    assert "less than 80% of its share of residents" in html
    # The three disabled residents are shown as "fewer than 5": no count cell on the page holds 1 to 4.
    assert re.findall(r'cell--numeric">\s*([1-4])\s*[<\n]', html) == []
