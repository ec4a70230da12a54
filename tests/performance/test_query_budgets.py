"""Query-count budgets for the main list pages: the number of queries must not grow with the rows shown.

Each page is measured with a few rows and with many; the counts must be equal (no query per row)
and within the page's budget, so a change that adds an N+1 or a heavier page fails here first.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from desk.models import Contact, FollowUp
from engagement.models import ActivityKind
from tests.engagement.factories import (
    CommunicationPreferenceFactory,
    ContactRestrictionFactory,
    EngagementActivityFactory,
    EqualityProfileFactory,
    HomeFactory,
    HouseholdFactory,
    ReasonableAdjustmentFactory,
    ResidentFactory,
    ScrutinyPanelFactory,
    SupportNeedFactory,
)
from tests.repairs.factories import AppointmentFactory, ComplaintFactory, ComplaintStageFactory, RepairRequestFactory
from tests.surveys.factories import InvitationFactory, answered_response, transactional_survey

pytestmark = pytest.mark.django_db
FEW, MANY = 2, 12


def _queries(client, user, url, params=None):
    client.force_login(user)
    # Once signed in, who the user is and what they may do come from the cache (core/user_cache.py):
    # the first request after signing in reads them, so measure a later one, as most requests are.
    client.get(url, params or {})
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(captured)


def _search_rows(count, start):
    home = HomeFactory(address_line_1="9 Budget Row")
    household = HouseholdFactory(home=home)
    for n in range(start, start + count):
        resident = ResidentFactory(household=household, first_name="Budget", last_name=f"Counted{n}")
        if n % 2 == 0:
            ContactRestrictionFactory(resident=resident)


def _repairs(count, start):
    for _ in range(count):
        repair = RepairRequestFactory()
        AppointmentFactory(repair=repair)


def _complaints(count, start):
    for _ in range(count):
        complaint = ComplaintFactory()
        ComplaintStageFactory(complaint=complaint, number=1)


def _invitations(count, start, survey):
    for n in range(count):
        invitation = InvitationFactory(survey=survey, repair_reference=f"BUDGET-{start + n}")
        if n % 2 == 0:
            answered_response(
                invitation,
                answers={
                    "REPAIR_OVERALL": "very_satisfied",
                    "REPAIR_TIME": "neither",
                    "REPAIR_FIRST_TIME": "yes",
                    "REPAIR_RESPECT": "agree",
                },
            )


def _surveys(count, start):
    for _ in range(count):
        transactional_survey()


def _panels(count, start):
    for n in range(count):
        ScrutinyPanelFactory(name=f"Budget panel {start + n}")


def _activities(count, start):
    for n in range(count):
        EngagementActivityFactory(title=f"Budget activity {start + n}", kind=ActivityKind.DROP_IN)


# (page name, persona, url or a function of the setup's return value, GET parameters, rows maker, budget)
PAGES = [
    ("resident search", "housing_officer", reverse("resident_search"), {"q": "Budget"}, _search_rows, 12),
    ("repairs list", "housing_officer", reverse("repairs:list"), None, _repairs, 12),
    ("complaints list", "housing_officer", reverse("repairs:complaints"), None, _complaints, 12),
    ("surveys list", "administrator", reverse("surveys:index"), None, _surveys, 12),
    ("panels list", "housing_officer", reverse("panel_list"), None, _panels, 12),
    ("engagement activities list", "housing_officer", reverse("activity_list"), None, _activities, 12),
]


@pytest.mark.parametrize(("name", "persona", "url", "params", "make_rows", "budget"), PAGES, ids=[p[0] for p in PAGES])
def test_a_list_page_runs_the_same_queries_for_few_rows_and_many(
    client, personas, name, persona, url, params, make_rows, budget
):
    make_rows(FEW, 0)
    few = _queries(client, personas[persona], url, params)
    make_rows(MANY - FEW, FEW)
    many = _queries(client, personas[persona], url, params)
    assert many == few, f"{name}: {few} queries for {FEW} rows but {many} for {MANY}"
    assert many <= budget, f"{name}: {many} queries, over its budget of {budget}"


def test_the_invitations_list_runs_the_same_queries_for_few_rows_and_many(client, personas):
    survey = transactional_survey()
    url = reverse("surveys:invitations", args=[survey.pk])
    _invitations(FEW, 0, survey)
    few = _queries(client, personas["administrator"], url)
    _invitations(MANY - FEW, FEW, survey)
    many = _queries(client, personas["administrator"], url)
    assert many == few, f"{few} queries for {FEW} invitations but {many} for {MANY}"
    assert many <= 17  # 16, and one for the print packs still to be marked posted (issue 27)


def test_the_operatives_jobs_run_the_same_queries_for_few_rows_and_many(client, personas):
    operative = personas["repairs_operative"]
    today = timezone.localdate()

    def jobs(count):
        for _ in range(count):
            repair = RepairRequestFactory(operative=operative, status="scheduled")
            AppointmentFactory(repair=repair, operative=operative, date=today)

    jobs(FEW)
    few = _queries(client, operative, reverse("repairs:jobs"))
    jobs(MANY - FEW)
    many = _queries(client, operative, reverse("repairs:jobs"))
    assert many == few, f"{few} queries for {FEW} jobs but {many} for {MANY}"
    assert many <= 12


def _patch_rows(officer, count):
    """Residents in the officer's patch not heard from for a year, each with something on the worklist."""
    today = timezone.localdate()
    for _ in range(count):
        resident = ResidentFactory(household=HouseholdFactory(home=HomeFactory(housing_officer=officer)))
        contact = Contact.objects.create(
            household=resident.household,
            resident=resident,
            occurred_at=timezone.now() - timedelta(days=400),
            channel="phone",
            made_by=officer,
            made_as="housing_officer",
            purpose="Check-in",
        )
        FollowUp.objects.create(contact=contact, action="Call back", owner=officer, due_on=today)
        contact.repairs.add(RepairRequestFactory(household=resident.household, home=resident.household.home))
        SupportNeedFactory(resident=resident, review_by=today - timedelta(days=1))
        ContactRestrictionFactory(resident=resident, review_by=today - timedelta(days=1))
        ReasonableAdjustmentFactory(resident=resident, status="requested")
        CommunicationPreferenceFactory(resident=resident, no_internet=True)
        EqualityProfileFactory(resident=resident, disability="yes")


# The worklist reads outstanding adjustments and those past review in one query (issue 29): 13 to 12.
@pytest.mark.parametrize(("url", "budget"), [(reverse("home"), 12), (reverse("patch"), 9)], ids=["worklist", "patch"])
def test_the_officers_worklist_and_patch_run_the_same_queries_for_few_rows_and_many(client, personas, url, budget):
    officer = personas["housing_officer"]
    _patch_rows(officer, FEW)
    few = _queries(client, officer, url)
    _patch_rows(officer, MANY - FEW)
    many = _queries(client, officer, url)
    assert many == few, f"{url}: {few} queries for {FEW} residents but {many} for {MANY}"
    assert many <= budget, f"{url}: {many} queries, over its budget of {budget}"


def test_the_overview_reads_a_fixed_number_of_queries_however_many_homes(client, personas):
    HomeFactory.create_batch(FEW)
    few = _queries(client, personas["panel_member"], reverse("home"))
    HomeFactory.create_batch(MANY - FEW)
    many = _queries(client, personas["panel_member"], reverse("home"))
    # 7: the page is answered once per snapshot (inequities/caching.py), so which snapshot is the
    # latest is read once for the cache key and once more by the overview when it is made.
    assert many == few <= 7
