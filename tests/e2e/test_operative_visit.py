"""Done when: on a 360-pixel phone, an operative opens today's first job, reads the household's
adjustment, logs a contact from the job that raises a damp and mould repair, and sees that repair's
Awaab's Law clocks. The accessibility baseline is met on every page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from desk.models import Contact
from engagement.models import AuditEntry
from repairs.models import RepairRequest
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import (
    CommunicationPreferenceFactory,
    ReasonableAdjustmentFactory,
    ResidentFactory,
    SupportNeedFactory,
)
from tests.repairs.factories import AppointmentFactory, RepairRequestFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def todays_job(personas):
    operative = personas["repairs_operative"]
    repair = RepairRequestFactory(operative=operative, status="scheduled", category="plumbing")
    grace = ResidentFactory(household=repair.household, first_name="Grace", last_name="Okafor")
    ReasonableAdjustmentFactory(resident=grace, request="Knock loudly and wait two minutes", status="in_place")
    SupportNeedFactory(resident=grace, category="hearing", description="Deaf in one ear")
    CommunicationPreferenceFactory(resident=grace, channels=["text"], interpreter_language="Yoruba")
    return AppointmentFactory(repair=repair, operative=operative, date=timezone.localdate(), slot="am")


def test_an_operative_visits_reads_the_adjustment_and_raises_damp_and_mould(open_page, personas, todays_job):
    operative = personas["repairs_operative"]
    page = open_page(operative, width=360, height=740)
    page.goto("/repairs/jobs/")
    then_the_accessibility_baseline_is_met(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name=todays_job.repair.reference).first.click()
    expect(page.get_by_role("heading", name="Who you are visiting")).to_be_visible()
    expect(page.get_by_text("Knock loudly and wait two minutes")).to_be_visible()
    expect(page.get_by_text("Yoruba")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    assert AuditEntry.objects.filter(user=operative, subject="support_needs").count() == 2  # jobs list, job page

    page.get_by_role("link", name="Log a contact from this job").click()
    expect(page.get_by_label("Your role in this contact")).to_have_value("repairs_operative")
    expect(page.get_by_label("How was the contact made?")).to_have_value("repair_appointment")
    then_the_accessibility_baseline_is_met(page)
    page.get_by_label("I asked about repairs").check()
    page.get_by_label("Spotted something else? Describe it").fill("Black mould on the bedroom ceiling")
    page.get_by_label("Kind of repair").select_option(label="Damp and mould")
    page.get_by_label("Significant damp and mould hazard").check()
    then_the_accessibility_baseline_is_met(page)
    page.get_by_role("button", name="Save the contact").click()

    banner = page.get_by_role("alert")
    expect(banner).to_contain_text("Contact saved.")
    expect(banner).to_be_focused()
    then_the_accessibility_baseline_is_met(page)
    contact = Contact.objects.get()
    damp = RepairRequest.objects.get(hazard="damp_mould")
    assert (contact.made_as, damp.reported_at, damp.operative) == ("repairs_operative", contact.occurred_at, operative)

    page.get_by_role("button", name="Menu").click()  # the navigation folds away on a phone
    page.get_by_role("link", name="Repairs", exact=True).first.click()
    page.get_by_role("link", name=damp.reference).click()
    clocks = page.get_by_role("table", name="Timescales")
    expect(clocks).to_contain_text("Investigate")
    expect(clocks).to_contain_text("Within 10 working days of the report")
    expect(clocks).to_contain_text("Do the safety work")
    then_the_accessibility_baseline_is_met(page)
