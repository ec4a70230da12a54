"""Trends: a hand-built landlord over two reporting years, recomputed as the product does, whose
change and interval are worked out by hand; hidden figures give no change; the notes where the
method changed; the page and its CSVs."""

import csv
import io
import math
from datetime import UTC, date, datetime

import pytest

from inequities import metrics, trends
from inequities.dashboards import trends as trend_page
from inequities.models import Snapshot
from inequities.services import recompute
from tests.engagement.factories import EqualityProfileFactory, ResidentFactory
from tests.inequities.known_figures import EARLIER_PERIOD, known_snapshot
from tests.inequities.test_dashboards import parse
from tests.repairs.factories import RepairRequestFactory, at

pytestmark = pytest.mark.django_db
LAST_YEAR = (date(2024, 4, 1), date(2025, 3, 31))
THIS_YEAR = (date(2025, 4, 1), date(2026, 3, 31))
PAGE = "/insight/dashboards/trends/?measure=repairs_on_time&characteristic=disability"


def two_year_landlord():
    """40 disabled lead tenants and 60 others, one repair each a year (due 28 days after it was
    reported). Last year 20 of 40 and 45 of 60 were done on time (everyone 65 of 100); this year 30
    of 40 and 48 of 60 (everyone 78 of 100)."""
    households = {}
    for disabled, count in (("yes", 40), ("no", 60)):
        households[disabled] = []
        for _ in range(count):
            lead = ResidentFactory(is_lead_tenant=True)
            EqualityProfileFactory(resident=lead, disability=disabled)
            households[disabled].append(lead.household)
    for year, on_time in ((2024, {"yes": 20, "no": 45}), (2025, {"yes": 30, "no": 48})):
        for disabled, homes in households.items():
            for n, household in enumerate(homes):
                done = at(year, 6, 10) if n < on_time[disabled] else at(year, 8, 1)  # due 1 July
                RepairRequestFactory(household=household, reported_at=at(year, 6, 3), status="completed",
                                     completed_at=done)  # fmt: skip
    recompute(today=date(2026, 4, 15), start=LAST_YEAR[0], end=LAST_YEAR[1])
    recompute(today=date(2026, 4, 15), start=THIS_YEAR[0], end=THIS_YEAR[1])


def wilson(x, n, z=metrics.Z95):
    p, z2 = x / n, z * z
    centre, half = (p + z2 / (2 * n)) / (1 + z2 / n), z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return centre - half, centre + half


def newcombe(x1, n1, x2, n2):
    """Newcombe's method 10, written out again here: p1 - p2 and its 95% interval, in points."""
    p1, p2 = x1 / n1, x2 / n2
    (l1, u1), (l2, u2) = wilson(x1, n1), wilson(x2, n2)
    d = p1 - p2
    return 100 * d, 100 * (d - math.hypot(p1 - l1, u2 - p2)), 100 * (d + math.hypot(u1 - p1, p2 - l2))


def test_a_two_year_landlords_change_and_its_interval(exact_figures):
    two_year_landlord()
    trend = trend_page.trend("repairs_on_time", "disability", "proportion")
    years, gaps = trend.tables  # repairs on time is not a management-information measure: no quarters
    assert [row.cells[:5] for row in years.rows] == [
        ["2024 to 2025", "1 April 2024 to 31 March 2025", "65.0%", "55.3% to 73.6%", "65 of 100"],
        ["2025 to 2026", "1 April 2025 to 31 March 2026", "78.0%", "68.9% to 85.0%", "78 of 100"],
    ]
    # 78% - 65% = 13 points; Newcombe: 0.48 to 25.00 points.
    change, low, high = newcombe(78, 100, 65, 100)
    assert (round(change, 2), round(low, 2), round(high, 2)) == (13.0, 0.48, 25.0)
    assert years.rows[1].cells[5:] == ["13.0 points higher", "0.5 to 25.0 points", "No, could be chance among "
                                       "this many comparisons"]  # fmt: skip
    assert years.rows[0].cells[5:] == ["", "", ""]
    assert years.summary == (
        "Repairs completed on time: 65.0% in 2024 to 2025 and 78.0% in 2025 to 2026, 13.0 points higher (95% "
        "interval 0.5 to 25.0 points): a change that could be chance."
    )
    # Disabled residents' gap: 50% against 75% (-25 points) last year, 75% against 80% (-5) this year.
    # The change, +20 points, has the MOVER interval of the two Newcombe intervals: -5.81 to 43.66.
    last, this = newcombe(20, 40, 45, 60), newcombe(30, 40, 48, 60)
    low, high = metrics.mover_interval(this[0], this[1], this[2], last[0], last[1], last[2])
    assert (round(float(low), 2), round(float(high), 2)) == (-5.81, 43.66)
    disabled = next(row for row in gaps.rows if row.cells[0] == "Yes")
    assert disabled.cells == [
        "Yes", "25.0 points lower (-42.4 to -5.8)", "5.0 points lower (-22.3 to 11.0)", "20.0 points higher",
        "-5.8 to 43.7 points", "No, could be chance",
    ]  # fmt: skip
    assert gaps.headers[-3] == "Change in the gap since 2024 to 2025"
    assert trend.notes == []


def test_the_management_information_measures_show_the_year_to_each_quarters_end(exact_figures):
    two_year_landlord()
    for end in (date(2025, 6, 30), date(2024, 6, 30)):
        recompute(today=date(2026, 4, 15), start=date(end.year, 4, 1), end=end)
    trend = trend_page.trend("rp02_non_emergency", "disability", "proportion")
    quarters = trend.tables[1]
    # By 30 June only the repairs done on 10 June were complete (the late ones were done on 1 August).
    assert [row.cells[:5] for row in quarters.rows] == [
        ["2024 to 2025", "30 June 2024", "100.0%", "94.4% to 100.0%", "65 of 65"],
        ["2024 to 2025", "31 March 2025", "65.0%", "55.3% to 73.6%", "65 of 100"],
        ["2025 to 2026", "30 June 2025", "100.0%", "95.3% to 100.0%", "78 of 78"],
        ["2025 to 2026", "31 March 2026", "78.0%", "68.9% to 85.0%", "78 of 100"],
    ]
    assert [row.cells[5] for row in quarters.rows] == ["", "", "no difference", "13.0 points higher"]
    assert quarters.caption == (
        "Non-emergency repairs completed within our target (TSM RP02), everyone, by quarter (the year to each "
        "quarter's end)"
    )


def test_a_hidden_figure_gives_no_change():
    known_snapshot(period=EARLIER_PERIOD, computed=datetime(2024, 4, 1, 2, 30, tzinfo=UTC))
    known_snapshot()
    trend = trend_page.trend("tp02_dissatisfied", "disability", "proportion")
    gaps = {row.cells[0]: row.cells for row in trend.tables[-1].rows}
    assert gaps["Prefer not to say"] == ["Prefer not to say", "hidden", "hidden", "Not known: a figure is hidden "
                                         "or missing", "", ""]  # fmt: skip
    assert gaps["Yes"][3] == "no difference"


def test_the_notes_say_where_the_method_changed():
    def period(start, end, max_small=4):
        snapshot = Snapshot(pk=start.year, period_start=start, period_end=end, min_denominator=10, max_small=max_small)
        return trends.Period(start, end, snapshot)

    years = [period(date(2025, 4, 1), date(2026, 3, 31), max_small=3), period(date(2026, 4, 1), date(2026, 11, 30))]
    assert trends.method_notes("awaabs_law_met", years, present={2026}) == [  # 2025 to 2026 holds no figures
        "This measure was not computed for 2025 to 2026: it was added later.",
        "2026 to 2027 is not a whole year yet: its figures are for 1 April 2026 to 30 November 2026, so a change "
        "from a whole year compares part of a year with all of one.",
        "The small-number rule changed between 2025 to 2026 and 2026 to 2027 (figures based on fewer than 10 "
        "people, or with 1 to 3, were hidden; now fewer than 10, or 1 to 4): a figure can be shown in one year "
        "and hidden in the other for that alone.",
        "Awaab's Law came into force on 27 October 2025: damp and mould cases reported before then had no legal "
        "deadlines, so the 2025 to 2026 figures count only cases reported from that day.",
    ]


def test_quarter_ends_follow_the_landlords_year():
    assert trends.quarter_ends(date(2025, 4, 1)) == [
        date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31), date(2026, 3, 31),
    ]  # fmt: skip


def test_mover_from_two_wilson_intervals_is_newcombes_interval():
    low, high = metrics.difference_interval(30, 40, 48, 60)
    w1, w2 = metrics.wilson_interval(30, 40), metrics.wilson_interval(48, 60)
    assert metrics.mover_interval(30 / 40, *w1, 48 / 60, *w2) == pytest.approx((low, high))


def test_the_page_and_its_csvs_show_the_same_cells(client, personas, exact_figures):
    two_year_landlord()
    client.force_login(personas["panel_member"])
    page = parse(client.get(PAGE))
    shown = page.tables["table-trend-repairs-on-time--years"]
    assert shown[2][5] == "13.0 points higher"
    for table in ("years", "gaps"):
        link = next(link for link in page.links if link and f"table={table}" in link)
        rows = list(csv.reader(io.StringIO(client.get(link).content.decode())))
        assert rows == page.tables[f"table-trend-repairs-on-time--{'years' if table == 'years' else 'disability'}"]


def test_with_no_figures_yet_the_page_says_so(client, personas):
    client.force_login(personas["panel_member"])
    assert "No figures have been computed yet." in client.get("/insight/dashboards/trends/").content.decode()
