"""The representation review's counts for a hand-built panel, population and engagement, as the
recompute counts them before disclosure control (inequities.extract and shapes.representation_counts)."""

from datetime import date

import pandas as pd
import pytest

from engagement.models import DIMENSIONS, Region
from inequities import extract, families, metrics
from inequities.metrics import ALL
from inequities.shapes import representation_counts
from tests.engagement.factories import (
    EngagementActivityFactory,
    EqualityProfileFactory,
    HouseholdFactory,
    PanelMembershipFactory,
    ResidentFactory,
    ScrutinyPanelFactory,
)

pytestmark = pytest.mark.django_db

START, END = date(2024, 4, 1), date(2025, 3, 31)


def person(region, disability=None, **resident):
    resident = ResidentFactory(household__home__region=region, **resident)
    if disability is not None:
        EqualityProfileFactory(resident=resident, disability=disability)
    return resident


@pytest.fixture
def landlord():
    """Ten residents in two regions, a panel of three (and one who left), and three activities."""
    yorkshire = Region.objects.get(name="Yorkshire and The Humber")
    london = Region.objects.get(name="London")
    y_yes_1, y_yes_2 = person(yorkshire, "yes"), person(yorkshire, "yes")
    y_no = [person(yorkshire, "no") for _ in range(3)]
    person(yorkshire)  # no profile at all: not asked
    l_yes, l_prefer = person(london, "yes"), person(london, "prefer_not_to_say")
    l_no = [person(london, "no") for _ in range(2)]
    # Someone whose tenancy has ended is not a resident any more, even with a profile.
    ResidentFactory(household=HouseholdFactory(tenancy_end=date(2023, 1, 1)))

    panel = ScrutinyPanelFactory()
    PanelMembershipFactory(panel=panel, resident=y_no[0])
    PanelMembershipFactory(panel=panel, resident=y_no[1], role="chair")
    PanelMembershipFactory(panel=panel, resident=l_yes)
    PanelMembershipFactory(panel=panel, resident=y_yes_2, ended_on=date(2024, 12, 31))  # left before the end

    in_yorkshire = EngagementActivityFactory(region=yorkshire, held_on=date(2024, 6, 1), headcount=10)
    in_yorkshire.participants.add(y_yes_1, l_no[0])
    in_yorkshire.anonymous_counts.create(dimension="disability", group="yes", count=4)
    in_yorkshire.anonymous_counts.create(dimension="disability", group="no", count=3)
    everywhere = EngagementActivityFactory(region=None, held_on=date(2024, 9, 1), headcount=5)
    everywhere.participants.add(y_yes_1)  # the same person again: counted once
    everywhere.anonymous_counts.create(dimension="disability", group="yes", count=2)
    too_early = EngagementActivityFactory(region=yorkshire, held_on=date(2024, 3, 31), headcount=50)
    too_early.participants.add(l_prefer)
    return {"yorkshire": yorkshire, "london": london, "panel": panel}


def representation(start, end, today=END):
    """{(dimension, group, region): (residents, on the panel, took part)}, 0 where nobody is counted."""
    residents = extract.resident_counts(start, end, today).assign(metric="")
    took_part = representation_counts(extract.representation(start, end, today), families.REPRESENTATION_ON_PANELS)
    result = {}
    for column, frame in enumerate([residents, took_part[took_part["metric"] == "representation_panel"],
                                    took_part[took_part["metric"] == "representation_participants"]]):  # fmt: skip
        if column == 0:
            frame = pd.concat([frame, metrics.with_all_regions(frame, ["count"]).query("region == @ALL")])
        for row in frame.itertuples():
            numbers = list(result.get((row.dimension, row.group, row.region), (0, 0, 0)))
            numbers[column] = row.count
            result[(row.dimension, row.group, row.region)] = tuple(numbers)
    return result


def counts(result, name, region=ALL, groups=("yes", "no", "prefer_not_to_say", "not_asked")):
    return {code: result.get((name, code, region), (0, 0, 0)) for code in groups}


def test_every_region_counts_residents_current_members_and_everyone_who_took_part(landlord):
    result = representation(START, END)

    assert counts(result, "disability") == {
        # residents, on the panel, took part
        "yes": (3, 1, 1 + 4 + 2),
        "no": (5, 2, 1 + 3),
        "prefer_not_to_say": (1, 0, 0),
        # 3 of the 10 unnamed at the Yorkshire activity and 3 of the 5 at the other were not asked
        "not_asked": (1, 0, 3 + 3),
    }


def test_a_region_counts_its_own_residents_and_its_own_activities_unnamed_participants(landlord):
    result = representation(START, END)

    assert counts(result, "disability", "Yorkshire and The Humber") == {
        "yes": (2, 0, 1 + 4),
        "no": (3, 2, 3),
        "prefer_not_to_say": (0, 0, 0),
        "not_asked": (1, 0, 3),
    }
    assert counts(result, "disability", "London") == {
        "yes": (1, 1, 0),
        "no": (2, 0, 1),
        "prefer_not_to_say": (1, 0, 0),
        "not_asked": (0, 0, 0),
    }


def test_every_question_is_there_and_each_column_adds_up_to_the_people_counted(landlord):
    result = representation(START, END)

    for question, _label in DIMENSIONS:
        # 10 residents; 3 on the panel; 2 named people and 15 unnamed took part
        columns = zip(*(n for (d, _g, r), n in result.items() if d == question and r == ALL), strict=True)
        assert tuple(sum(column) for column in columns) == (10, 3, 17), question
    # Nobody was asked their sex: every unnamed participant, and every profile without it, is "not asked".
    assert counts(result, "sex")["not_asked"] == (10, 3, 17)
    assert counts(result, "religion")["not_asked"] == (10, 3, 17)


def test_unnamed_people_at_an_activity_for_every_region_count_in_every_region_together_only(landlord):
    result = representation(START, END)

    # The region dimension: named people by their home's region, unnamed by the activity's.
    assert result[("region", "Yorkshire and The Humber", ALL)][2] == 1 + 10
    assert result[("region", "London", ALL)][2] == 1  # a Londoner named at the Yorkshire activity
    assert result[("region", "not_recorded", ALL)][2] == 5
    assert result[("support_need", "not_recorded", "Yorkshire and The Humber")][2] == 10


def test_ages_are_worked_out_on_the_day_the_figures_are_computed(db):
    region = Region.objects.get(name="London")
    person(region, date_of_birth=date(2000, 3, 31))  # 25 on the day
    person(region, date_of_birth=date(2000, 4, 1))  # still 24

    result = representation(START, END, today=END)

    assert result[("age_band", "25_34", ALL)] == (1, 0, 0)
    assert result[("age_band", "18_24", ALL)] == (1, 0, 0)
