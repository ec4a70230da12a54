"""The representation review's published tables pass the attacker written apart from the product
(tests/inequities/recoverable.py): no hidden count can be worked out from what the page shows
together with the dashboards' everyone rows."""

from datetime import date

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engagement.models import Region
from engagement.representation import COLUMNS, MISSING, SHOWN, representation_tables
from engagement.selectors.representation import EVERY_REGION, DimensionCounts, GroupCounts
from tests.factories import EngagementActivityFactory, EqualityProfileFactory, ResidentFactory
from tests.inequities.recoverable import ALL, given_away

MAX_SMALL = 4
ANSWERED = ": answered"


def published(tables):
    """What a reader has: every count the page shows; every column's total (the dashboards' everyone
    rows, or the sum of the page's counts), unless it is itself small; and, where a share is shown,
    how many answered (the count divided by its share)."""
    figures, sums = [], []
    for table in tables:
        for column in COLUMNS:
            cells = {row.code: getattr(row, column) for row in table.rows}
            total = sum(cell.count for cell in cells.values())
            figures.append(_figure(column, table.dimension, ALL, hidden=1 <= total <= MAX_SMALL))
            figures += [
                _figure(column, table.dimension, code, hidden=cell.state != SHOWN) for code, cell in cells.items()
            ]
            answered = table.dimension + ANSWERED
            shares = any(cell.share for cell in cells.values())  # 0% gives no total away
            figures.append(_figure(column, answered, "known", hidden=not shares))
            known = [(table.dimension, code, ALL) for code in cells if code not in MISSING]
            sums.append((column, (answered, "known", ALL), known))
    return figures, sums


def counts_given_away(tables):
    """The page's hidden counts the attacker works out (how many answered is no one's count)."""
    figures, sums = published(tables)
    return [key for key in given_away(figures, sums) if not key[1].endswith(ANSWERED)]


def _figure(metric, dimension, group, hidden):
    return {"metric": metric, "dimension": dimension, "group": group, "region": ALL, "suppressed": hidden}


def _dimensions(people):
    """Two questions asked of the same people: (age, disability, on the panel, took part)."""
    result = []
    for index, name, codes in (
        (0, "age_band", ["18_24", "25_34", "65_plus", "not_asked"]),
        (1, "disability", ["yes", "no", "prefer_not_to_say", "not_asked"]),
    ):
        groups = [
            GroupCounts(
                code,
                code,
                sum(1 for p in people if p[index] == code),
                sum(1 for p in people if p[index] == code and p[2]),
                sum(1 for p in people if p[index] == code and p[3]),
            )
            for code in codes
        ]
        result.append(DimensionCounts(name, name, groups))
    return result


person = st.tuples(
    st.sampled_from(["18_24", "25_34", "65_plus", "not_asked"]),
    st.sampled_from(["yes", "no", "prefer_not_to_say", "not_asked"]),
    st.booleans(),
    st.booleans(),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(person, max_size=60))
def test_no_hidden_count_on_the_page_can_be_worked_out(people):
    tables = representation_tables(_dimensions(people))

    assert counts_given_away(tables) == []


def test_the_check_finds_a_small_count_hidden_alone():
    # Were the three aged 18 to 24 the only count hidden, the total would give them away.
    people = [("18_24", "yes", False, False)] * 3 + [("25_34", "no", False, False)] * 20
    tables = representation_tables(_dimensions(people))
    for row in tables[0].rows:
        row.population.state = "small" if row.code == "18_24" else SHOWN

    assert counts_given_away(tables) == [("population", "age_band", "18_24", ALL)]


def every_view_given_away(pages):
    """The hidden counts worked out from every view of the page: {region: tables}."""
    figures, sums = [], []
    for region, tables in pages.items():
        shown, added = published(tables)
        region = ALL if region == EVERY_REGION else str(region)
        figures += [{**f, "region": region} for f in shown]
        sums += [(m, (*total[:2], region), [(*k[:2], region) for k in members]) for m, total, members in added]
    return [key for key in given_away(figures, sums) if not key[1].endswith(ANSWERED)]


@pytest.mark.django_db
def test_the_representation_page_gives_no_hidden_count_away_in_any_region(client, personas):
    london, yorkshire = (Region.objects.get(name=n) for n in ("London", "Yorkshire and The Humber"))
    for region, disabilities in ((london, ["yes"] * 3 + ["no"] * 20), (yorkshire, ["yes"] * 20 + ["no"] * 20)):
        for disability in disabilities + ["prefer_not_to_say"] * 6:
            resident = ResidentFactory(household__home__region=region)
            EqualityProfileFactory(resident=resident, disability=disability)
    took_part = EngagementActivityFactory(held_on=date.today(), headcount=30, region=None)
    took_part.anonymous_counts.create(dimension="disability", group="yes", count=2)
    client.force_login(personas["insight_analyst"])

    pages = {EVERY_REGION: client.get(reverse("representation")).context["tables"]}
    for region in Region.objects.all():
        pages[region.pk] = client.get(reverse("representation"), {"region": region.pk}).context["tables"]

    disability = next(t for t in pages[london.pk] if t.dimension == "disability")
    assert {row.code: row.population.state for row in disability.rows}["yes"] == "small"
    assert every_view_given_away(pages) == []


def test_no_hidden_count_can_be_worked_out_across_the_regions_views():
    london = _dimensions([("18_24", "yes", False, False)] * 3 + [("25_34", "no", False, False)] * 20)
    yorkshire = _dimensions([("18_24", "yes", False, False)] * 20 + [("25_34", "no", False, False)] * 20)
    everywhere = _dimensions(
        [("18_24", "yes", False, False)] * 23 + [("25_34", "no", False, False)] * 40,
    )
    views = {"london": london, "yorkshire": yorkshire, EVERY_REGION: everywhere}
    pages = {
        region: representation_tables(dimensions, region=region, views=views) for region, dimensions in views.items()
    }

    # Were the views suppressed apart, London's three aged 18 to 24 would be every region's 23 less
    # Yorkshire's 20.
    assert every_view_given_away(pages) == []
