"""The administrator's page for the Regulator's TSM return: the fields left blank and the
downloads, meeting the accessibility baseline."""

import pytest
from playwright.sync_api import expect

from tests.core.factories import UserFactory
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.surveys.factories import InvitationFactory, answered_response, tsm_survey

pytestmark = pytest.mark.browser


def test_the_administrator_reads_which_fields_of_the_return_are_blank(open_page, transactional_db):
    from core.roles import ADMINISTRATOR

    answered_response(InvitationFactory(survey=tsm_survey()))
    page = open_page(UserFactory(username="return-admin", role=ADMINISTRATOR))
    page.goto("/surveys/")
    page.get_by_role("link", name="The Tenant Satisfaction Measures return to the Regulator").click()
    expect(page.get_by_role("heading", name="The Tenant Satisfaction Measures return for", exact=False)).to_be_visible()
    blank = page.get_by_role("table", name="Fields the service cannot know, with the reason")
    expect(blank.get_by_role("rowheader", name="Online_Publication_URL").first).to_be_visible()
    expect(page.get_by_role("link", name="Download the", exact=False).first).to_be_visible()
    then_the_accessibility_baseline_is_met(page)
