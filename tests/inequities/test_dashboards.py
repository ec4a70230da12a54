"""The dashboards on a snapshot whose figures are known: table numbers, summary sentences, hidden
cells, CSVs equal to their tables, filters, who may see them, and that they name nobody."""

import csv
import html
import io
import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders

from engagement.models import Resident
from inequities.dashboards import DASHBOARDS
from inequities.dashboards.summaries import sentence
from inequities.models import Figure
from tests.engagement.factories import EqualityProfileFactory, ResidentFactory
from tests.figures import recompute_over_a_year
from tests.inequities.known_figures import EARLIER_PERIOD, known_snapshot

pytestmark = pytest.mark.django_db
TP02_BY_DISABILITY = "/insight/dashboards/dissatisfaction/?measure=tp02_dissatisfied&characteristic=disability"


class Tables(HTMLParser):
    """Every <table> of a page as {id: [header row, *rows]} of cell texts, plus links and chart blocks."""

    def __init__(self):
        super().__init__()
        self.tables, self.links, self.charts, self.scripts = {}, [], {}, []
        self._table = self._row = self._cell = self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._table = self.tables.setdefault(attrs.get("id"), [])
        elif tag == "tr" and self._table is not None:
            self._row = []
            self._table.append(self._row)
        elif tag in ("th", "td") and self._row is not None:
            self._cell = []
        elif tag == "a":
            self.links.append(attrs.get("href"))
        elif tag == "script":
            self.scripts.append(attrs)
            if attrs.get("type") == "application/json":
                self._script = attrs["id"]
                self.charts[self._script] = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None
        elif tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._script:
            self.charts[self._script] += data


def parse(response):
    assert response.status_code == 200
    parser = Tables()
    parser.feed(response.content.decode())
    return parser


def summaries(response):
    found = re.findall(r'<p class="govuk-body app-summary">(.*?)</p>', response.content.decode(), re.S)
    return [html.unescape(text) for text in found]


@pytest.fixture
def panel_member(client, personas):
    client.force_login(personas["panel_member"])
    return personas["panel_member"]


@pytest.fixture
def snapshot(db):
    return known_snapshot()


def test_the_table_shows_the_snapshot_numbers(client, panel_member, snapshot):
    table = parse(client.get(TP02_BY_DISABILITY)).tables["table-tp02-dissatisfied--disability"]
    assert table == [
        ["Disability or long-term condition", "Dissatisfied", "95% interval", "Based on", "Everyone else", "Gap",
         "95% interval of the gap", "Clear difference?", "National figure"],
        ["Everyone", "24.8%", "21.2% to 28.7%", "128 of 517", "", "", "", "", ""],
        ["Yes", "30.0%", "24.1% to 36.7%", "60 of 200", "21.5%", "8.5 points higher", "0.9 to 16.4 points",
         "Yes, a clear difference", "25.0%"],
        ["No", "21.0%", "16.8% to 26.0%", "63 of 300", "30.0%", "9.0 points lower", "-16.6 to -1.4 points",
         "Yes, a clear difference", ""],
        ["Prefer not to say"] + ["hidden"] * 8,
        ["Not asked yet"] + ["hidden"] * 8,
    ]  # fmt: skip


def test_the_summary_states_the_largest_clear_gaps_in_plain_english(client, panel_member, snapshot):
    assert summaries(client.get(TP02_BY_DISABILITY)) == [
        "Residents without a disability were 9 points less likely than other residents to be dissatisfied with "
        "repairs (95% interval 1 to 17 points). Disabled residents were 8.5 points more likely than other residents "
        "to be dissatisfied with repairs (95% interval 0.9 to 16.4 points)."
    ]


def test_a_table_with_no_clear_gap_says_so(client, panel_member, snapshot):
    response = client.get(TP02_BY_DISABILITY + "&region=London")
    assert summaries(response) == [
        "No group's figure is clearly different from everyone else's: the differences in this table could be down "
        "to chance."
    ]


def test_hidden_figures_are_marked_hidden_never_zero(client, panel_member, snapshot):
    response = client.get(TP02_BY_DISABILITY)
    table = parse(response).tables["table-tp02-dissatisfied--disability"]
    hidden_rows = [row for row in table if row[0] in ("Prefer not to say", "Not asked yet")]
    assert all(cell == "hidden" for row in hidden_rows for cell in row[1:])
    assert not any(cell in ("0", "0.0%", "0 of 0") for row in table for cell in row)
    assert "A figure is hidden when 1 to 7 people are in it or left out of it" in (response.content.decode())
    # The chart leaves the hidden groups on its axis, marked hidden, with no bar.
    chart = json.loads(parse(response).charts["chart-tp02-dissatisfied--disability"])
    bars = [trace for trace in chart["data"] if trace["type"] == "bar"]
    assert "Prefer not to say: hidden" not in [y for trace in bars for y in trace["y"]]
    assert chart["layout"]["yaxis"]["categoryarray"][-2:] == ["Prefer not to say: hidden", "Not asked yet: hidden"]


def test_the_chart_carries_the_table_numbers_and_the_national_figure(client, panel_member, snapshot):
    chart = json.loads(parse(client.get(TP02_BY_DISABILITY)).charts["chart-tp02-dissatisfied--disability"])
    traces = {trace.get("name"): trace for trace in chart["data"]}
    assert traces["Clearly different from everyone else"]["y"] == ["Yes: 30.0%", "No: 21.0%"]
    assert traces["Clearly different from everyone else"]["x"] == pytest.approx([30.0, 21.0])
    assert traces["Clearly different from everyone else"]["marker"]["pattern"]["shape"] == "/"  # not colour alone
    assert traces["National figure"]["x"] == [25.0]
    assert traces["National figure"]["marker"]["symbol"] == "line-ns-open"


def every_page_url():
    urls = [d.url() for d in DASHBOARDS]
    urls += [d.url() + "?measure=tp02_dissatisfied&characteristic=every" for d in DASHBOARDS if not d.by_region]
    return urls + ["/insight/dashboards/", "/insight/dashboards/signals/"]


def test_every_chart_has_its_table_and_a_csv_equal_to_it(client, panel_member, snapshot):
    checked = 0
    for url in every_page_url():
        page = parse(client.get(url))
        csv_links = [link for link in page.links if link.startswith("/insight/dashboards/table.csv")]
        table_ids = [name for name in page.tables if name]
        if "/signals/" in url or url.endswith("/dashboards/"):
            continue
        assert len(table_ids) == len(page.charts) == len(csv_links), url
        for table_id, link in zip(table_ids, csv_links, strict=True):
            assert f"chart-{table_id.removeprefix('table-')}" in page.charts
            download = client.get(link.replace("&amp;", "&"))
            assert download["Content-Type"] == "text/csv; charset=utf-8"
            rows = list(csv.reader(io.StringIO(download.content.decode())))
            assert rows == page.tables[table_id], f"{link} differs from its table on {url}"
            checked += 1
    assert checked >= 8


def test_the_silences_page_shows_who_we_have_never_asked(client, panel_member, snapshot):
    page = parse(client.get("/insight/dashboards/silences/"))
    assert page.tables["table-not-asked"] == [
        ["Characteristic", "Share of residents", "Residents"],
        ["Disability or long-term condition", "20.0%", "120 of 600"],
        ["Sex", "5.0%", "30 of 600"],
    ]


@pytest.mark.parametrize(
    ("query", "expected_row"),
    [
        ("", ["Yes", "30.0%", "24.1% to 36.7%", "60 of 200"]),
        ("&region=London", ["Yes", "25.0%", "11.2% to 46.9%", "5 of 20"]),
        ("&period=" + "_".join(f"{day:%Y-%m-%d}" for day in EARLIER_PERIOD), ["Yes", "20.0%", "13.3% to 28.9%", "20 of 100"]),
    ],
)  # fmt: skip
def test_filters_change_the_figures_shown(client, panel_member, snapshot, query, expected_row):
    earlier = known_snapshot(period=EARLIER_PERIOD)
    Figure.objects.filter(snapshot=earlier, metric="tp02_dissatisfied", dimension="disability", group="yes",
                          region="all").update(numerator=20, denominator=100, rate=0.2, ci_low=0.13330, ci_high=0.28906)  # fmt: skip
    table = parse(client.get(TP02_BY_DISABILITY + query)).tables["table-tp02-dissatisfied--disability"]
    assert table[2][:4] == expected_row


def test_the_survey_measure_filter_changes_the_table(client, panel_member, snapshot):
    page = parse(client.get("/insight/dashboards/dissatisfaction/?measure=tp01_dissatisfied&characteristic=disability"))
    assert list(page.tables) == ["table-tp01-dissatisfied--disability"]
    assert page.tables["table-tp01-dissatisfied--disability"][2][:4] == ["Yes", "26.7%", "20.2% to 34.3%", "40 of 150"]


def test_a_filter_value_not_on_offer_falls_back_to_the_default(client, panel_member, snapshot):
    page = parse(client.get(TP02_BY_DISABILITY.replace("disability", "favourite_colour") + "&region=Atlantis"))
    assert "table-tp02-dissatisfied--disability" in page.tables  # every characteristic, all regions


def test_the_region_page_compares_regions(client, panel_member, snapshot):
    page = parse(client.get("/insight/dashboards/dissatisfaction-by-region/"))
    assert [row[:4] for row in page.tables["table-tp02-dissatisfied--region"][1:]] == [
        ["Everyone", "24.0%", "20.3% to 28.2%", "108 of 450"],
        ["London", "29.2%", "21.8% to 37.8%", "35 of 120"],
        ["North West", "22.1%", "18.0% to 26.9%", "73 of 330"],
    ]


def test_signals_list_each_signal_with_links_to_the_figures_behind_it(client, panel_member, snapshot):
    response = client.get("/insight/dashboards/signals/")
    text = html.unescape(response.content.decode())
    assert "Disabled residents are no more dissatisfied with repairs than other residents here." in text
    assert "Check whether this is accurate, or whether these residents are not being heard." in text
    links = [link.replace("&amp;", "&") for link in parse(response).links if link.startswith("/insight/dashboards/")]
    behind = [link for link in links if "#" in link]
    assert behind == [
        "/insight/dashboards/dissatisfaction-by-region/?period=2024-04-01_2025-03-31&measure=tp02_dissatisfied"
        "#tp02-dissatisfied--region",
        "/insight/dashboards/dissatisfaction/?period=2024-04-01_2025-03-31&measure=tp02_dissatisfied&region=all"
        "&characteristic=disability#tp02-dissatisfied--disability",
    ]
    for link in behind:
        path, anchor = link.split("#")
        assert f'id="{anchor}"' in client.get(path).content.decode()


@pytest.mark.parametrize("slug", ["housing_officer", "repairs_operative", "contact_centre_agent", "resident"])
def test_roles_without_the_dashboards_permission_get_403(client, personas, snapshot, slug):
    client.force_login(personas[slug])
    for url in every_page_url() + ["/insight/dashboards/table.csv?measure=tp02_dissatisfied"]:
        assert client.get(url).status_code == 403, url


def test_no_dashboard_page_names_or_identifies_a_resident(client, panel_member, personas):
    for n in range(40):
        resident = ResidentFactory(
            first_name=f"Zebedee{n}",
            last_name="Quarrington",
            reference=f"RES-ZQ-{n:04d}",
            date_of_birth=date(1970, 1, 1),
        )
        EqualityProfileFactory(resident=resident, disability="yes" if n % 3 else "no")
    recompute_over_a_year(today=date.today())
    known_snapshot()
    secrets = ["Quarrington", "Zebedee", "RES-ZQ-", "Rita"]
    secrets += [resident.household.tenancy_reference for resident in Resident.objects.all()]
    for url in every_page_url() + ["/insight/dashboards/table.csv?measure=residents&characteristic=disability"]:
        page = client.get(url).content.decode()
        assert not [secret for secret in secrets if secret in page], url


def test_plotly_is_served_from_the_installed_package_with_no_inline_script(client, panel_member, snapshot):
    found = finders.find("plotly/plotly.min.js")
    assert found and found.endswith("plotly/package_data/plotly.min.js")
    response = client.get(TP02_BY_DISABILITY)
    page = parse(response)
    assert any(s.get("src", "").startswith("/static/plotly/plotly.min.") for s in page.scripts)
    assert all(s.get("src") or s.get("type") == "application/json" for s in page.scripts)
    assert "cdn" not in response.content.decode().lower()


def _figure(**numbers):
    return Figure(**{"group": "yes", "suppressed": False, "significant": True, **numbers})


def test_sentences_for_shares_rates_per_1000_and_working_days():
    share = _figure(rate=0.05, comparison_rate=0.12, gap=-7.0, gap_low=-9.2, gap_high=-4.6)
    assert sentence(share, "share_of_voice", "disability", "share") == (
        "Disabled residents made up 5% of survey responses but 12% of residents: 7 points less than their share "
        "(95% interval 5 to 9 points)."
    )
    per_1000 = _figure(group="18_24", rate=42.0, comparison_rate=30.0, gap=12.0, gap_low=3.5, gap_high=20.5)
    assert sentence(per_1000, "complaints_per_1000", "age_band", "per_1000") == (
        "Residents aged 18 to 24 made 12 more complaints per 1,000 households than other residents "
        "(95% interval 4 to 20)."
    )
    days = _figure(group="black", rate=12.0, comparison_rate=8.0, gap=4.0, gap_low=1.2, gap_high=6.8)
    assert sentence(days, "median_working_days", "ethnic_group", "working_days") == (
        "Black, Black British, Caribbean or African residents waited 4 more working days to complete a repair than "
        "other residents (95% interval 1 to 7 days)."
    )


def test_the_representation_reviews_own_questions_are_in_no_dashboard_nor_its_csv(client, panel_member):
    for religion in ["muslim"] * 12 + ["christian"] * 12:
        EqualityProfileFactory(resident=ResidentFactory(), religion=religion)
    snapshot = recompute_over_a_year(today=date(2025, 3, 31))
    # 12 Muslim residents, published rounded to a multiple of 5 (issue 28): 10 or 15.
    assert snapshot.figures.filter(
        metric="residents", dimension="religion", group="muslim", numerator__in=(10, 15), suppressed=False
    ).exists()
    client.force_login(panel_member)

    for question in ("religion", "religion:answered"):
        query = {"measure": "residents", "characteristic": question, "region": "all"}
        response = client.get("/insight/dashboards/table.csv", query)
        assert response.status_code == 200
        assert response.content == b""  # no such table: nothing, not the question's figures
        page = client.get("/insight/dashboards/representation/", {"characteristic": question})
        assert "Muslim" not in page.content.decode()


def _about_clear(response):
    text = html.unescape(re.sub(r"\s+", " ", response.content.decode()))
    return re.search(r"Of \d+ comparisons [^.;]*, about \d+ would look clear by chance alone; \d+ are [^.]*\.", text)[0]


def test_each_dashboard_says_how_many_flags_chance_alone_would_give(client, panel_member, snapshot):
    """The page's family is every comparison it shows, in every region and for every characteristic
    (issue 28); the signals page counts the comparisons its rules make."""
    dissatisfaction = Figure.objects.filter(
        snapshot=snapshot, metric__in=DASHBOARDS[0].metrics, significant__isnull=False
    ).exclude(dimension="region")
    n, flagged = dissatisfaction.count(), dissatisfaction.filter(significant=True).count()
    assert (n, flagged) == (8, 2)
    assert _about_clear(client.get(TP02_BY_DISABILITY)) == (
        f"Of {n} comparisons on this page, about {round(n / 20)} would look clear by chance alone; {flagged} are "
        "flagged after allowing for that."
    )
    assert _about_clear(client.get("/insight/dashboards/signals/")) == (
        "Of 6 comparisons the signals make, about 0 would look clear by chance alone; 2 are raised as signals "
        "after allowing for that."
    )
