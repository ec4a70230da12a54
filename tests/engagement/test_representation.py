"""The representation review's counts for a hand-built panel, population and engagement."""

from datetime import date

import pytest

from engagement.models import Region
from engagement.selectors.representation import representation
from tests.factories import (
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


def counts(dimensions, name):
    dimension = next(d for d in dimensions if d.dimension == name)
    return {g.code: (g.population, g.panel, g.participants) for g in dimension.groups}


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
    result = representation(START, END, region=landlord["yorkshire"])

    assert counts(result, "disability") == {
        "yes": (2, 0, 1 + 4),
        "no": (3, 2, 3),
        "prefer_not_to_say": (0, 0, 0),
        "not_asked": (1, 0, 3),
    }
    london = representation(START, END, region=landlord["london"])
    assert counts(london, "disability") == {
        "yes": (1, 1, 0),
        "no": (2, 0, 1),
        "prefer_not_to_say": (1, 0, 0),
        "not_asked": (0, 0, 0),
    }


def test_every_dimension_is_there_and_each_column_adds_up_to_the_people_counted(landlord):
    result = representation(START, END)

    assert [d.dimension for d in result] == [
        "age_band",
        "disability",
        "ethnic_group",
        "sex",
        "gender_identity",
        "sexual_orientation",
        "religion",
        "interpreter_needed",
    ]
    for dimension in result:
        # 10 residents; 3 on the panel; 2 named people and 15 unnamed took part
        assert (dimension.total("population"), dimension.total("panel"), dimension.total("participants")) == (
            10,
            3,
            17,
        ), dimension.dimension
    # Nobody was asked their sex: every unnamed participant, and every profile without it, is "not asked".
    assert counts(result, "sex")["not_asked"] == (10, 3, 17)


def test_ages_are_worked_out_at_the_end_of_the_period(db):
    region = Region.objects.get(name="London")
    person(region, date_of_birth=date(2000, 3, 31))  # 25 on the last day of the period
    person(region, date_of_birth=date(2000, 4, 1))  # still 24

    result = representation(START, END)

    assert counts(result, "age_band")["25_34"] == (1, 0, 0)
    assert counts(result, "age_band")["18_24"] == (1, 0, 0)


def test_a_named_panel_counts_only_its_own_members(landlord):
    other = ScrutinyPanelFactory()
    PanelMembershipFactory(panel=other)

    assert sum(g.panel for g in representation(START, END, panel=other)[1].groups) == 1
    assert sum(g.panel for g in representation(START, END, panel=landlord["panel"])[1].groups) == 3
