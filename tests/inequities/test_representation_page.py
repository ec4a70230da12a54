"""What the representation page shows: the snapshot's counts (small ones and those that could be
worked out hidden), shares, and under-represented groups."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from engagement.models import OutreachSuggestion, Region
from inequities.models import Snapshot
from inequities.representation import BAND, HIDDEN, SHOWN, representation_tables
from inequities.representation_figures import Count, DimensionCounts, GroupCounts
from inequities.services import recompute
from tests.engagement.factories import EngagementActivityFactory, EqualityProfileFactory, ResidentFactory

HIDDEN_COUNT = Count(None)


def count(value):
    return value if isinstance(value, Count) else Count(value)


def dimension(*rows, known=None, name="disability"):
    """rows: (code, population, panel, participants); known: how many answered, per column (default:
    the sum of the known answers' counts, where all are shown)."""
    groups = [GroupCounts(code, code.title(), *(count(n) for n in numbers)) for code, *numbers in rows]
    if known is None:
        known = {}
        for column in ("population", "panel", "participants"):
            cells = [getattr(g, column) for g in groups if g.code not in ("prefer_not_to_say", "not_asked")]
            known[column] = HIDDEN_COUNT if any(c.hidden for c in cells) else Count(sum(c.number for c in cells))
    return DimensionCounts(name, name.title(), groups, {c: count(n) for c, n in known.items()})


def states(table, column):
    return {row.code: getattr(row, column).state for row in table.rows}


def test_every_hidden_count_says_hidden():
    table = representation_tables(
        [
            dimension(
                ("yes", 50, 0, 0), ("no", HIDDEN_COUNT, 0, 0), ("other", HIDDEN_COUNT, 0, 0), ("not_asked", 7, 0, 0)
            )
        ]
    )[0]

    assert states(table, "population") == {"yes": SHOWN, "no": HIDDEN, "other": HIDDEN, "not_asked": SHOWN}
    assert [row.population.count for row in table.rows] == [50, None, None, 7]
    # How many answered is hidden (two of its parts are), so no share is shown.
    assert [row.population.percent for row in table.rows] == [None] * 4


def test_shares_are_of_known_answers_and_only_beside_counts_that_are_shown():
    table = representation_tables(
        [
            dimension(
                ("yes", 30, 0, 10),
                ("no", 90, 0, HIDDEN_COUNT),
                ("prefer_not_to_say", 10, 0, 0),
                ("not_asked", 70, 0, 60),
                known={"population": 120, "panel": 0, "participants": 40},
            )
        ]
    )[0]
    rows = {row.code: row for row in table.rows}

    assert rows["yes"].population.percent == "25%"  # 30 of the 120 who answered
    assert rows["yes"].participants.percent == "25%"  # 10 of 40
    assert rows["no"].participants.percent is None  # hidden
    assert rows["not_asked"].population.percent is None


def test_a_group_is_under_represented_below_four_fifths_of_its_share_of_residents():
    suggestion = OutreachSuggestion(dimension="disability", group="yes", activity_kinds=["phone_calls"], note="Call")
    table = representation_tables(
        [
            dimension(
                ("yes", 300, 0, 100),  # 30% of residents; 20% of participants (< 24%); none of the panel
                ("no", 600, 10, 300),  # 60% and 60%
                ("other", 92, 0, 100),  # 9.2% and 20%; none of the panel, but 0 < 7.4% of 10
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
    assert (rows["other"].participants_under, rows["other"].panel_under) == (False, True)
    assert not rows["tiny"].is_under_represented
    assert not rows["not_asked"].is_under_represented


def test_the_fewest_residents_judged_is_the_small_number_threshold_from_settings(settings):
    def tiny_judged():
        table = representation_tables([dimension(("yes", 300, 0, 100), ("no", 600, 10, 300), ("tiny", 8, 0, 0))])
        return table[0].rows[2].panel_under

    settings.INEQUITIES_MIN_DENOMINATOR = 10
    assert tiny_judged() is False  # 8 residents: fewer than 10, not judged
    settings.INEQUITIES_MIN_DENOMINATOR = 8
    assert tiny_judged() is True  # 8 is enough; none of them on the panel


def test_a_hidden_count_is_not_judged_and_a_shown_0_is():
    def judged(panel, panel_known):
        table = representation_tables(
            [
                dimension(
                    ("yes", 300, panel, 0),
                    ("no", 700, 30, 0),
                    known={"population": 1000, "panel": panel_known, "participants": 0},
                )
            ]
        )[0]
        return table.rows[0].panel_under

    # 30% of residents: under-represented on a panel of 40 below 24%, 9.6 people. A hidden count
    # could be anything, and a judgement would say which side of 9.6 it is: not judged.
    assert judged(0, 40) is True
    assert judged(HIDDEN_COUNT, 40) is False
    assert judged(3, HIDDEN_COUNT) is False  # how many answered is hidden: no share, no judgement


pytestmark_db = pytest.mark.django_db


@pytestmark_db
def test_the_page_shows_the_latest_snapshot_its_period_in_words_and_never_a_count_below_5(client, personas):
    for disability in ["yes"] * 3 + ["no"] * 20:
        EqualityProfileFactory(resident=ResidentFactory(), disability=disability)
    today = date.today()
    EngagementActivityFactory(held_on=today, headcount=30)
    recompute(today=today, start=today - timedelta(days=364), end=today)
    client.force_login(personas["insight_analyst"])

    response = client.get(reverse("representation"))
    html = response.content.decode()

    start = today - timedelta(days=364)
    assert f"from {start:%-d %B %Y} to {today:%-d %B %Y}" in html
    assert ">fewer than 5<" not in html and "hidden" in html
    assert "less than 80% of its share of residents" in html
    # The three disabled residents of 23 are a share whose only small count is its own: the band
    # "fewer than 8" (inequities/disclosure/bands.py), never a count: no count cell holds 1 to 7.
    assert re.findall(r'cell--numeric">\s*([1-7])\s*[<\n]', html) == []
    assert re.search(r'cell--numeric">\s*fewer than 8\s*<', html)
    disability = next(t for t in response.context["tables"] if t.dimension == "disability")
    yes = next(row for row in disability.rows if row.code == "yes")
    assert (yes.population.state, yes.population.band, yes.population.count) == (BAND, "fewer", None)
    # An arbitrary period is no longer asked for: it is ignored, and the snapshot's is shown.
    other = client.get(reverse("representation"), {"period_start": "2020-01-01", "period_end": "2020-01-02"})
    assert f"from {start:%-d %B %Y}" in other.content.decode()


@pytestmark_db
def test_a_region_is_chosen_from_the_snapshot_and_an_earlier_snapshot_by_its_period(client, personas):
    london, yorkshire = (Region.objects.get(name=n) for n in ("London", "Yorkshire and The Humber"))
    for region, not_asked in ((london, 6), (yorkshire, 5)):  # and the resident persona, in Yorkshire
        for disability in ["yes"] * 12 + ["no"] * 20:
            EqualityProfileFactory(resident=ResidentFactory(household__home__region=region), disability=disability)
        for _ in range(not_asked):
            ResidentFactory(household__home__region=region)
    today = date.today()
    recompute(today=today, start=date(2024, 1, 1), end=date(2024, 12, 31))
    recompute(today=today)
    client.force_login(personas["insight_analyst"])

    page = client.get(reverse("representation"), {"region": "London"})

    assert "Region: London." in page.content.decode()
    disability = next(t for t in page.context["tables"] if t.dimension == "disability")
    # 12 and 20 residents, published rounded to a multiple of 5 (issue 28).
    counts = dict((row.code, row.population.count) for row in disability.rows)
    assert counts["yes"] in (10, 15) and counts["no"] == 20
    regions = [value for value, _label in page.context["form"].fields["region"].choices]
    assert regions == ["all", "London", "Yorkshire and The Humber"]
    earlier = client.get(reverse("representation"), {"period": "2024-01-01_2024-12-31"})
    assert "from 1 January 2024 to 31 December 2024" in earlier.content.decode()
    nowhere = client.get(reverse("representation"), {"region": "Atlantis"})
    assert "Region:" not in nowhere.content.decode()  # not on offer: every region


@pytestmark_db
def test_with_no_snapshot_the_page_says_so_and_offers_to_compute_the_figures(client, personas):
    assert not Snapshot.objects.exists()
    client.force_login(personas["insight_analyst"])

    html = client.get(reverse("representation")).content.decode()

    assert "No figures have been computed yet." in html
    assert reverse("inequities:figures") in html
    client.force_login(personas["housing_officer"])  # may see the review, not run the figures
    html = client.get(reverse("representation")).content.decode()
    assert "No figures have been computed yet." in html
    assert reverse("inequities:figures") not in html


def test_groups_whose_figures_are_hidden_or_too_small_are_ones_we_cannot_judge():
    """Issue 28: the page must not say "no group is under-represented" when it cannot tell."""
    table = representation_tables(
        [
            dimension(
                ("yes", 300, HIDDEN_COUNT, 10),
                ("no", 700, 30, 20),
                ("tiny", 5, 0, 0),
                ("none", 0, 0, 0),
                ("not_asked", 40, 0, 0),
                known={"population": 1005, "panel": 40, "participants": 30},
            )
        ]
    )[0]
    assert [(row.code, row.unjudged) for row in table.cannot_judge] == [
        ("yes", ["panel"]),
        ("tiny", ["panel", "participants"]),
    ]
    assert [row.code for row in table.judged] == ["yes", "no", "none"]
    assert not any(row.is_under_represented for row in table.rows)
    everything_shown = representation_tables([dimension(("yes", 300, 12, 9), ("no", 700, 28, 21))])[0]
    assert everything_shown.cannot_judge == []


@pytestmark_db
def test_the_headline_says_how_many_groups_it_cannot_judge_never_that_none_is_under_represented(client, personas):
    for disability in ["yes"] * 3 + ["no"] * 20:
        EqualityProfileFactory(resident=ResidentFactory(), disability=disability)
    today = date.today()
    recompute(today=today, start=today - timedelta(days=364), end=today)
    client.force_login(personas["insight_analyst"])

    response = client.get(reverse("representation"))
    text = " ".join(response.content.decode().split())

    cannot = response.context["cannot_judge"]
    assert ("disability", "yes") in [(table.dimension, row.code) for table, row in cannot]
    assert (
        f"We cannot tell whether {len(cannot)} groups are under-represented: their figures are hidden or too small "
        "to judge." in text
    )
    assert "No group is under-represented" not in text
    assert response.context["under"] == []


@pytestmark_db
def test_with_every_group_judged_the_headline_says_none_is_under_represented_as_far_as_rounded_counts_show(
    client, personas, monkeypatch
):
    from inequities.views import representation as view

    def judged_tables(dimensions, suggestions=None, min_judged=None):
        return representation_tables([dimension(("yes", 300, 12, 9), ("no", 700, 28, 21))], min_judged=min_judged)

    monkeypatch.setattr(view, "representation_tables", judged_tables)
    today = date.today()
    recompute(today=today, start=today - timedelta(days=364), end=today)
    client.force_login(personas["insight_analyst"])

    text = " ".join(client.get(reverse("representation")).content.decode().split())

    assert (
        "By this rule, none of the groups is under-represented in this period, as far as the rounded counts show: "
        "each count can be up to 4 more or less than the true one." in text
    )
    assert "No group is under-represented" not in text
    assert "We cannot tell" not in text
