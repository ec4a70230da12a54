"""Sent survey answers stay the resident's, in a real browser: staff get one link to help someone
start, never a link to sent answers; a link to sent answers shows only that they were sent until
the resident types the code emailed to their own address."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import ContactDetailsFactory, ResidentFactory
from tests.surveys.delivery_helpers import smtp_server  # noqa: F401 - a fixture
from tests.surveys.factories import InvitationFactory, answered_response

pytestmark = pytest.mark.browser


@pytest.fixture
def sent_and_waiting(transactional_db):
    """Sadie Sent has sent her answers; Walter Waiting has not started."""
    sent = InvitationFactory(channel="phone", resident=ResidentFactory(first_name="Sadie", last_name="Sent"))
    ContactDetailsFactory(resident=sent.resident, email="sadie@example.org")
    answered_response(sent)
    waiting = InvitationFactory(
        survey=sent.survey, channel="phone", resident=ResidentFactory(first_name="Walter", last_name="Waiting")
    )
    return sent, waiting


def test_an_agent_reads_the_link_of_someone_who_has_not_started_and_never_of_someone_who_has_sent(
    open_page, personas, sent_and_waiting
):
    sent, waiting = sent_and_waiting
    page = open_page(personas["contact_centre_agent"])
    page.goto(f"/surveys/{sent.survey.pk}/invitations/")
    then_the_accessibility_baseline_is_met(page)
    sadie = page.get_by_role("row", name=re.compile("Sadie Sent"))
    expect(sadie).to_contain_text("Not shown: answers sent")
    expect(sadie.get_by_role("button")).to_have_count(0)
    page.get_by_role("button", name="Show link of Walter Waiting").click()
    expect(page.get_by_role("heading", name="Survey link of Walter Waiting")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(re.escape(waiting.token)))).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    # Signed in as staff, the link of someone who has sent shows nothing of their answers.
    page.goto(f"/surveys/answer/{sent.token}/check/")
    expect(page.get_by_role("heading", name="Your answers were sent")).to_be_visible()
    expect(page.get_by_text("Sent answers are shown only to the resident who gave them")).to_be_visible()
    expect(page.get_by_role("button", name="Email me a code")).to_have_count(0)
    expect(page.get_by_text("Fairly satisfied")).to_have_count(0)
    then_the_accessibility_baseline_is_met(page)


def test_the_resident_opens_their_sent_answers_with_the_code_emailed_to_them(
    open_page,
    sent_and_waiting,
    smtp_server,  # noqa: F811
):
    sent, _waiting = sent_and_waiting
    page = open_page()
    page.goto(f"/surveys/answer/{sent.token}/")
    expect(page.get_by_role("heading", name="Your answers were sent")).to_be_visible()
    expect(page.get_by_text("Fairly satisfied")).to_have_count(0)
    then_the_accessibility_baseline_is_met(page)
    page.get_by_role("button", name="Email me a code").click()
    expect(page.get_by_role("heading", name="Enter the code we emailed you")).to_be_visible()
    expect(page.get_by_text("We have emailed a code to s•••@example.org.")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    code = re.search(r"\b(\d{6})\b", smtp_server.messages[0].get_content()).group(1)
    page.get_by_label("Code").fill("123 45")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Enter the 6 numbers of the code")).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Your answers", exact=True)).to_be_visible()
    expect(page.get_by_text("Fairly satisfied").first).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
