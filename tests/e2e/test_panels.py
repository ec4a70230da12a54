"""Scrutiny panels in a real browser: a panel member reads a review with the keyboard alone."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import tab_until_focused, then_the_accessibility_baseline_is_met
from tests.engagement.factories import (
    PanelMembershipFactory,
    RecommendationFactory,
    ResidentFactory,
    ScrutinyReviewFactory,
)

pytestmark = pytest.mark.browser


def tab_to_link(page, name, limit=40):
    """Press Tab until the link with this accessible name has focus, as a keyboard user would."""
    tab_until_focused(page, page.get_by_role("link", name=name, exact=True), f"the link {name!r}", limit)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_panel_member_reads_a_review_and_the_response_with_the_keyboard_alone(open_page, personas, javascript):
    me = ResidentFactory(user=personas["panel_member"], first_name="Pearl", last_name="Panelmember")
    membership = PanelMembershipFactory(resident=me)
    review = ScrutinyReviewFactory(panel=membership.panel, topic="Damp and mould repairs")
    review.evidence.create(label="Repairs by group", path="/insight/dashboards/repairs/")
    RecommendationFactory(review=review, text="Call disabled residents about damp within two working days.")
    RecommendationFactory(
        review=review,
        text="Hold meetings in the evening.",
        response="not_accepted",
        response_reason="Members asked for daytime meetings.",
        action="",
        action_owner="",
        due_on=None,
    )
    page = open_page(personas["panel_member"], javascript=javascript)
    page.set_default_timeout(10_000)
    page.goto("/")

    tab_to_link(page, "Scrutiny panels")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Scrutiny panels")
    tab_to_link(page, membership.panel.name)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(membership.panel.name)
    tab_to_link(page, "Damp and mould repairs")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Damp and mould repairs")
    expect(page.get_by_role("heading", name="Recommendation 2")).to_be_visible()
    expect(page.get_by_text("Members asked for daytime meetings.")).to_be_visible()
    expect(page.get_by_text("Head of repairs")).to_be_visible()
    assert "Pearl" not in page.content()
    if javascript:
        then_the_accessibility_baseline_is_met(page)
    # The evidence link is reachable by keyboard too.
    tab_to_link(page, "Repairs by group")
