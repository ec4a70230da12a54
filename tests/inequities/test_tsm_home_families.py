"""TSM BS01-BS05, RP01 and NM01 as metric families: by group and region, with the same rules as the
landlord-level measures (repairs/measures.py), so everyone's figure is the landlord's.

A home's facts count in the groups of the lead tenant of its current household, and in the home's
own region: an empty home's facts count in its region, and as "not asked" in the equality
dimensions (never in a past tenant's groups)."""

from datetime import date

import pytest

from engagement.models import Region
from inequities import extract
from inequities.models import Figure
from repairs import management_information
from repairs.models import AsbCase, ComplianceCheck, DecencyRecord
from tests.engagement.factories import EqualityProfileFactory, HomeFactory, HouseholdFactory, ResidentFactory
from tests.figures import recompute_over_a_year

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 30)  # the period: 1 July 2025 to 30 June 2026
START = date(2025, 7, 1)
YORKSHIRE, LONDON = "Yorkshire and The Humber", "London"


def home(region=YORKSHIRE, disabled=None, scheme="general_needs", past_tenant_disabled=None):
    """A home in `region`; with a current lead tenant whose disability answer is `disabled` (and a
    member of the household who is not the lead), or empty, with a past tenant."""
    place = HomeFactory(region=Region.objects.get(name=region), scheme_type=scheme)
    if disabled is not None:
        household = HouseholdFactory(home=place)
        EqualityProfileFactory(resident=ResidentFactory(household=household, is_lead_tenant=True), disability=disabled)
        EqualityProfileFactory(resident=ResidentFactory(household=household, is_lead_tenant=False), disability="no")
    if past_tenant_disabled is not None:
        household = HouseholdFactory(home=place, tenancy_end=date(2025, 1, 31))
        EqualityProfileFactory(
            resident=ResidentFactory(household=household, is_lead_tenant=True), disability=past_tenant_disabled
        )
    return place


def check(place, kind, due, done=None, recorded=None, required=True):
    ComplianceCheck.objects.create(
        home=place, check_type=kind, required=required, due_on=due, done_on=done, recorded_on=recorded
    )


@pytest.fixture
def landlord():
    """Four homes in the measures (A, B in Yorkshire; C and the empty D in London) and a leasehold
    home, E, outside them."""
    a = home(disabled="yes")
    b = home(disabled="no")
    c = home(LONDON, disabled="yes")
    d = home(LONDON, past_tenant_disabled="yes")
    e = home(disabled="no", scheme="leasehold")
    # Gas (BS01): A done and recorded; B not done; C done but recorded after the year end; D done.
    check(a, "gas", date(2026, 5, 1), date(2026, 4, 20), date(2026, 4, 21))
    check(b, "gas", date(2026, 5, 1))
    check(c, "gas", date(2026, 6, 1), date(2026, 6, 10), date(2026, 7, 5))
    check(d, "gas", date(2026, 3, 1), date(2026, 2, 1), date(2026, 2, 2))
    check(e, "gas", date(2026, 5, 1))  # leasehold: outside
    # Fire (BS02): A's is not required; B's is not due until after the year end; C's was done early.
    check(a, "fire_risk", date(2026, 5, 1), required=False)
    check(b, "fire_risk", date(2026, 8, 1))
    check(c, "fire_risk", date(2026, 9, 1), date(2026, 6, 1), date(2026, 6, 2))
    # Decency (RP01): each home's latest answer on or before the year end.
    for place, as_at, fails in (
        (a, date(2025, 3, 31), True), (a, date(2026, 3, 31), False), (b, date(2026, 3, 31), True),
        (c, date(2026, 3, 31), True), (c, date(2026, 9, 30), False), (d, date(2026, 3, 31), False),
        (e, date(2026, 3, 31), True),
    ):  # fmt: skip
        DecencyRecord.objects.create(home=place, as_at=as_at, fails_standard=fails)
    # Anti-social behaviour (NM01): A two cases (one a hate incident) and one before the period; B one; D one, a hate incident.
    for n, (place, opened, hate) in enumerate(
        ((a, date(2026, 1, 5), True), (a, date(2026, 2, 5), False), (a, date(2025, 6, 1), False),
         (b, date(2025, 9, 1), False), (d, date(2026, 4, 1), True)),
    ):  # fmt: skip
        AsbCase.objects.create(
            reference=f"ASB{n}", home=place, opened_on=opened, involves_hate_incident=hate, channel="phone"
        )
    return a, b, c, d, e


def counts(frame, columns, dimension="disability", region="all"):
    rows = frame[frame["dimension"] == dimension]
    if region == "all":
        rows = rows.groupby([c for c in rows.columns if c not in (*columns, "region")], as_index=False)[columns].sum()
    else:
        rows = rows[rows["region"] == region]
    key = (lambda row: (row["metric"], row["group"])) if "metric" in rows else (lambda row: row["group"])
    return {key(row): tuple(int(row[c]) for c in columns) for _, row in rows.iterrows()}


def test_building_safety_by_disability_and_region(landlord):
    frame = extract.building_safety(START, TODAY, TODAY)
    assert counts(frame, ["required", "done"]) == {
        ("BS01", "yes"): (2, 1),  # A done; C recorded too late
        ("BS01", "no"): (1, 0),  # B
        ("BS01", "not_asked"): (1, 1),  # D, empty: not its past tenant's group
        ("BS02", "yes"): (1, 1),  # C, done before it was due
    }
    assert counts(frame, ["required", "done"], dimension="region") == {
        ("BS01", YORKSHIRE): (2, 1),
        ("BS01", LONDON): (2, 1),
        ("BS02", LONDON): (1, 1),
    }


def test_decency_by_disability_reads_each_homes_latest_answer_by_the_year_end(landlord):
    frame = extract.decency(START, TODAY, TODAY)
    assert counts(frame, ["assessed", "fails"]) == {"yes": (2, 1), "no": (1, 1), "not_asked": (1, 0)}
    assert counts(frame, ["assessed", "fails"], dimension="region") == {YORKSHIRE: (2, 1), LONDON: (2, 1)}


def test_asb_cases_by_disability_per_homes_of_the_group(landlord):
    frame = extract.asb_cases_and_homes(START, TODAY, TODAY)
    assert counts(frame, ["cases", "hate_cases", "homes"]) == {
        "yes": (2, 1, 2),  # A's two in the period; A and C
        "no": (1, 0, 1),  # B (E is leasehold)
        "not_asked": (1, 1, 1),  # D, empty
    }
    assert counts(frame, ["cases", "hate_cases", "homes"], dimension="region", region=LONDON) == {LONDON: (1, 1, 2)}


def test_everyones_figures_are_the_landlords_measures(landlord, exact_figures):
    snapshot = recompute_over_a_year(today=TODAY)
    measures = {f.code + f.part: f for f in management_information.figures(START, TODAY) if not f.tenure}

    def everyone(metric, dimension="ethnic_group"):
        row = Figure.objects.get(snapshot=snapshot, metric=metric, dimension=dimension, group="all", region="all")
        return row.numerator, row.denominator, row.rate

    assert everyone("bs01_checks_done") == (2, 4, 0.5) == (measures["BS01"].count, measures["BS01"].total, 0.5)
    assert everyone("bs02_checks_done") == (1, 1, 1.0)
    assert everyone("rp01_non_decent") == (2, 4, 0.5) == (measures["RP01"].count, measures["RP01"].total, 0.5)
    assert everyone("nm01_asb_cases_per_1000") == (4, 4, 1000.0)
    assert measures["NM01 (1)"].rate == 1000.0 and measures["NM01 (2)"].rate == 500.0
    assert everyone("nm01_hate_cases_per_1000") == (2, 4, 500.0)
    disabled = Figure.objects.get(
        snapshot=snapshot, metric="nm01_asb_cases_per_1000", dimension="disability", group="yes", region="all"
    )
    assert (disabled.numerator, disabled.denominator, disabled.rate) == (2, 2, 1000.0)
    assert disabled.comparison_rate == pytest.approx(1000.0)  # B and D: 2 cases, 2 homes
    london = Figure.objects.get(
        snapshot=snapshot, metric="rp01_non_decent", dimension="region", group=LONDON, region="all"
    )
    assert (london.numerator, london.denominator, london.rate) == (1, 2, 0.5)


def homes_with_checks(region, disabled, homes, done):
    for n in range(homes):
        place = home(region, disabled=disabled)
        if n < done:
            check(place, "gas", date(2026, 5, 1), date(2026, 4, 1), date(2026, 4, 2))
        else:
            check(place, "gas", date(2026, 5, 1))


def test_the_disclosure_control_rounds_and_hides_them_and_the_repairs_page_shows_them(client, personas):
    """Through the one disclosure control: 40 disabled lead tenants' homes, 30 with their gas check
    done; 20 others', 10 done; and 3 homes in London, all done: a cell of 3 is hidden."""
    homes_with_checks(YORKSHIRE, "yes", 40, 30)
    homes_with_checks(YORKSHIRE, "no", 20, 10)
    homes_with_checks(LONDON, "no", 3, 3)
    snapshot = recompute_over_a_year(today=TODAY)

    def shown(group, region="all", dimension="disability"):
        row = Figure.objects.get(
            snapshot=snapshot, metric="bs01_checks_done", dimension=dimension, group=group, region=region
        )
        return None if row.suppressed else (row.numerator, row.denominator)

    assert shown("yes") == (30, 40)  # multiples of 5 stay as they are
    assert shown("no", YORKSHIRE) == (10, 20)
    assert shown(LONDON, dimension="region") is None  # 3 homes: hidden
    assert shown("no", LONDON) is None
    hidden = Figure.objects.filter(snapshot=snapshot, metric="bs01_checks_done", group=LONDON, dimension="region")
    assert all(f.numerator is None and f.denominator is None for f in hidden)

    client.force_login(personas["panel_member"])
    page = client.get("/insight/dashboards/repairs/?measure=bs01_checks_done&characteristic=disability")
    text = page.content.decode()
    assert "Homes with every required gas safety checks done (TSM BS01)" in text
    assert page.status_code == 200
    assert "75.0%" in text  # 30 of 40
