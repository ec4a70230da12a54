"""The representation review with bands (inequities/disclosure/bands.py): a hidden share whose only
small count is its own says "fewer than 8" or "all but 1 to 7", shows no share, and is judged at
the band's edge: "fewer than 8" at 7, so a group called under-represented is one whatever its count
from 1 to 7; "all but 1 to 7" at how many answered less 7."""

import re
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from inequities.models import Figure, Snapshot
from inequities.representation import BAND, HIDDEN, representation_tables
from inequities.representation_figures import Count, DimensionCounts, GroupCounts

FEWER, ALL_BUT = Count(None, "fewer"), Count(None, "all_but")


def table(population, participants, panel=((30, 70), 100), name="disability"):
    """population, participants, panel: ((yes, no), known), each count a number or a Count."""
    columns = {"population": population, "panel": panel, "participants": participants}
    groups = [
        GroupCounts(
            code,
            code.title(),
            *(Count(c) if isinstance(c, int) else c for c in (columns[col][0][i] for col in columns)),
        )
        for i, code in enumerate(("yes", "no"))
    ]
    known = {column: Count(counts[1]) for column, counts in columns.items()}
    return representation_tables([DimensionCounts(name, name.title(), groups, known)])[0]


def yes(table):
    return next(row for row in table.rows if row.code == "yes")


def test_fewer_than_8_is_judged_at_7_and_called_under_represented_when_even_7_is_too_few():
    # 30% of residents; the line is 24% of the 90 who answered, 21.6 people: 7 is below it.
    found = yes(table(((300, 700), 1000), ((FEWER, 80), 90)))

    assert (found.participants.state, found.participants.band) == (BAND, "fewer")
    assert found.participants.count is None and found.participants.percent is None
    assert found.participants_under is True
    assert found.unjudged == []
    assert not found.panel_under  # 30 of 100 on the panel: 30%


def test_fewer_than_8_is_not_judged_when_some_counts_from_1_to_7_are_under_the_line_and_some_not():
    # 24% of the 25 who answered is 6 people: a count of 1 to 5 would be under the line, 6 or 7 not.
    found = yes(table(((300, 700), 1000), ((FEWER, 20), 25)))

    assert found.participants.state == BAND
    assert found.participants_under is False
    assert found.unjudged == ["participants"]
    assert not found.is_under_represented


def test_the_line_for_fewer_than_8_is_strictly_below_four_fifths_at_7():
    # 7 of 29 is 24.1%, not below 24%: 6 would be, so it cannot be judged. 7 of 30 is 23.3%: under.
    assert yes(table(((300, 700), 1000), ((FEWER, 22), 29))).unjudged == ["participants"]
    assert yes(table(((300, 700), 1000), ((FEWER, 22), 30))).participants_under is True


def test_fewer_than_8_on_the_panel_is_judged_the_same_way():
    found = yes(table(((300, 700), 1000), ((30, 60), 90), panel=((FEWER, 50), 55)))

    assert (found.panel.state, found.panel_under, found.participants_under) == (BAND, True, False)
    assert found.unjudged == []


def test_all_but_1_to_7_is_judged_at_its_lowest_count_and_is_not_under_represented():
    # 30% of residents; of the 60 who took part and answered, at least 53 (88%) are in the group.
    result = table(((300, 700), 1000), ((ALL_BUT, FEWER), 60))
    found = yes(result)

    assert (found.participants.state, found.participants.band) == (BAND, "all_but")
    assert found.participants.percent is None
    assert found.participants_under is False
    assert "participants" not in found.unjudged
    assert found in result.judged and found not in result.cannot_judge
    # "No" is 70% of residents and fewer than 8 of 60 took part: under-represented whatever its count.
    assert next(row for row in result.rows if row.code == "no").participants_under is True


def test_all_but_1_to_7_is_not_judged_when_its_lowest_count_is_below_the_line():
    # 90% of residents: the line is 72% of the 20 who answered, 14.4 people; at least 13 are in the
    # group, so it could be under the line or not.
    found = yes(table(((900, 100), 1000), ((ALL_BUT, 10), 20)))

    assert found.participants.state == BAND
    assert found.participants_under is False
    assert found.unjudged == ["participants"]


def test_a_hidden_count_without_a_band_is_still_not_judged():
    found = yes(table(((300, 700), 1000), ((Count(None), 80), 90)))

    assert found.participants.state == HIDDEN
    assert found.unjudged == ["participants"]
    assert not found.participants_under


def test_a_band_is_not_judged_when_how_many_answered_is_hidden():
    groups = [
        GroupCounts("yes", "Yes", Count(300), Count(30), FEWER),
        GroupCounts("no", "No", Count(700), Count(70), Count(80)),
    ]
    known = {"population": Count(1000), "panel": Count(100), "participants": Count(None, "all_but")}
    found = representation_tables([DimensionCounts("disability", "Disability", groups, known)])[0].rows[0]

    assert found.unjudged == ["participants"]
    assert not found.participants_under


def _figure(snapshot, metric, dimension, group, numerator, denominator, band=""):
    return Figure(
        snapshot=snapshot,
        metric=metric,
        dimension=dimension,
        group=group,
        region="all",
        unit="share",
        numerator=None if band else numerator,
        denominator=denominator,
        rate=None if band or not denominator else numerator / denominator,
        suppressed=bool(band),
        band=band,
    )


def _snapshot():
    """Disability: 300 of the 1,000 residents who answered are disabled; fewer than 8 of the 90 people
    who took part and answered are. Sex: half of the residents are women; all but 1 to 7 of the 90
    people who took part are women, and fewer than 8 men."""
    snapshot = Snapshot.objects.create(
        computed_at=datetime(2025, 4, 1, 2, 30, tzinfo=UTC),
        period_start=date(2024, 4, 1),
        period_end=date(2025, 3, 31),
        min_denominator=10,
        max_small=7,
        seconds=1,
    )
    residents, panel, took_part = "residents", "representation_panel", "representation_participants"
    rows = []
    for question, counts in {
        "disability": {
            residents: {"yes": 300, "no": 700, "known": 1000},
            panel: {"yes": 10, "no": 30, "known": 40},
            took_part: {"yes": "fewer", "no": 80, "known": 90},
        },
        "sex": {
            residents: {"female": 500, "male": 500, "known": 1000},
            panel: {"female": 20, "male": 20, "known": 40},
            took_part: {"female": "all_but", "male": "fewer", "known": 90},
        },
    }.items():
        for metric, groups in counts.items():
            total = groups["known"]
            for group, number in groups.items():
                dimension = f"{question}:answered" if group == "known" else question
                if isinstance(number, str):
                    rows.append(_figure(snapshot, metric, dimension, group, None, total, band=number))
                else:
                    rows.append(_figure(snapshot, metric, dimension, group, number, total))
    Figure.objects.bulk_create(rows)
    return snapshot


@pytest.mark.django_db
def test_the_page_shows_fewer_than_8_and_lists_the_group_among_the_groups_we_are_not_reaching(client, personas):
    _snapshot()
    client.force_login(personas["insight_analyst"])  # panel members have no access to the review

    response = client.get(reverse("representation"))
    html = response.content.decode()
    text = " ".join(html.split())

    # The band is read from the snapshot and shown in words, with no share beside it.
    disability = next(t for t in response.context["tables"] if t.dimension == "disability")
    row = next(r for r in disability.rows if r.code == "yes")
    assert (row.participants.state, row.participants.band) == (BAND, "fewer")
    numeric = r'<td class="govuk-table__cell govuk-table__cell--numeric">(.*?)</td>'
    cells = [cell.strip() for cell in re.findall(numeric, html, re.S)]
    assert "fewer than 8" in cells and "all but 1 to 7" in cells
    assert cells.count("fewer than 8") == 2  # disabled people and men who took part, without a share
    # Under "Groups we are not reaching", before the tables: disabled people and men among those who took part.
    reaching = text.split("Groups we are not reaching", 1)[1].split("<caption", 2)[1]
    assert "Disability or long-term condition: Yes</th>" in reaching
    assert "Sex: Male</th>" in reaching
    assert "Sex: Female" not in reaching  # all but 1 to 7: at least 83 of 90, judged not under-represented
    assert "among people who took part" in reaching
    assert [(table.dimension, r.code) for table, r in response.context["under"]] == [
        ("disability", "yes"),
        ("sex", "male"),
    ]
    judged = [(table.dimension, r.code) for table, r in response.context["cannot_judge"]]
    assert ("disability", "yes") not in judged and ("sex", "female") not in judged
    assert "A group shown as “fewer than 8” is judged as if it were 7" in text
