"""The TSM results page a tenant opens without signing in, with results in it, meets the baseline."""

import pytest
from playwright.sync_api import expect

from surveys import services
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.surveys.factories import InvitationFactory, PublishedMeasureFactory, answered_response, tsm_survey

pytestmark = pytest.mark.browser


def test_a_tenant_reads_the_published_results_without_signing_in(open_page, transactional_db):
    for value in (0.6, 0.65, 0.7, 0.75, 0.8):  # other landlords' TP01, as the Regulator publishes them
        PublishedMeasureFactory(value=value)
    for _year in range(2):
        survey = tsm_survey()
        answered_response(InvitationFactory(survey=survey))
        services.survey_close(survey=survey)
    page = open_page(javascript=False)
    page.goto("/tenant-satisfaction/")
    expect(page.get_by_role("heading", name="How satisfied our tenants are")).to_be_visible()
    expect(page.get_by_role("table", name="Tenant perception measures, by tenure")).to_be_visible()
    expect(page.get_by_role("table", name="Our figures among other landlords'")).to_be_visible()
    # All five are our peers too (housing associations of fewer than 5,000 homes in the North).
    expect(page.get_by_role("cell", name="70.0% (middle half 65.0% to 75.0%) of 5 landlords")).to_have_count(2)
    page = open_page()
    page.goto("/tenant-satisfaction/")
    then_the_accessibility_baseline_is_met(page)


def test_a_tenant_reads_the_complaints_report_from_the_results_page(open_page, transactional_db):
    from datetime import date

    from django.utils import timezone

    from core.periods import last_whole_year
    from repairs.models import ComplaintsAnnualReport

    year = last_whole_year(timezone.localdate())
    ComplaintsAnnualReport.objects.create(
        year=year, definition_of_a_complaint="We use the Code's definition.",
        governing_body_response="The board accepts the report.", governing_body_responded_on=date(year + 1, 6, 18),
    )  # fmt: skip
    page = open_page(javascript=False)
    page.goto("/tenant-satisfaction/")
    page.get_by_role("link", name="our complaints performance and service improvement report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Complaints performance and service improvement report, {year} to {year + 1}"
    )
    expect(page.get_by_role("table", name="Stage 1 complaints")).to_be_visible()
    expect(page.get_by_text("The board accepts the report.")).to_be_visible()
    page = open_page()
    page.goto("/complaints-report/")
    then_the_accessibility_baseline_is_met(page)
