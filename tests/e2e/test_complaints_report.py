"""The Complaint Handling Code's annual report: an administrator reads the year's figures, records the
self-assessment and the governing body's response, and sees them in the report. The accessibility
baseline is met on the report and its form."""

from datetime import date

import pytest
from playwright.sync_api import expect

from repairs.models import ComplaintsAnnualReport
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.repairs.factories import ComplaintStageFactory

pytestmark = pytest.mark.browser


def test_an_administrator_records_the_self_assessment_and_reads_it_in_the_report(open_page, personas, transactional_db):
    ComplaintStageFactory(
        complaint__received_on=date(2025, 6, 2), received_on=date(2025, 6, 2),
        acknowledged_on=date(2025, 6, 4), responded_on=date(2025, 6, 18),
    )  # fmt: skip
    page = open_page(personas["administrator"])
    page.goto("/repairs/complaints/annual-report/?year=2025")
    heading = "Complaints performance and service improvement report, 2025 to 2026"
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    stage_one = page.get_by_role("table", name="Stage 1 complaints")
    expect(stage_one.get_by_role("row", name="Complaints received")).to_contain_text("1")
    expect(page.get_by_role("link", name="Download the report (PDF)")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)

    page.get_by_role("link", name="Record the self-assessment and the governing body's response").click()
    page.get_by_label("Section 3: Accessibility and awareness").fill(
        "Complaints can be made by phone, online and in person."
    )
    page.get_by_label("The governing body's response").fill("The board accepts the report.")
    then_the_accessibility_baseline_is_met(page)
    page.get_by_role("button", name="Save the report").click()

    expect(page.get_by_text("The self-assessment and the governing body's response are saved.")).to_be_visible()
    expect(page.get_by_text("Complaints can be made by phone, online and in person.")).to_be_visible()
    expect(page.get_by_text("The board accepts the report.")).to_be_visible()
    assert ComplaintsAnnualReport.objects.get(year=2025).governing_body_response == "The board accepts the report."
