"""A panel member's draft becomes the panel's recommendation, in a real browser (issue 28): the
member drafts, changes and withdraws their own drafts; staff who run the panel adopt one, which
then waits for our response, crediting the member. Found by role and accessible name; axe on each page."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from engagement.models import PanelWriting
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import PanelMembershipFactory, ResidentFactory, ScrutinyReviewFactory

pytestmark = pytest.mark.browser


def test_a_member_drafts_changes_and_withdraws_and_the_panel_adopts_a_draft(open_page, personas):
    user = personas["panel_member"]
    user.first_name, user.last_name = "Pearl", "Panelmember"
    user.save()
    me = ResidentFactory(user=user, first_name="Pearl", last_name="Panelmember")
    membership = PanelMembershipFactory(resident=me)
    review = ScrutinyReviewFactory(panel=membership.panel, topic="Damp and mould repairs")
    member = open_page(personas["panel_member"])
    member.set_default_timeout(10_000)

    def draft(text):
        member.goto(reverse("review_detail", args=[review.pk]))
        member.get_by_role("link", name="Write a finding, a recommendation or a comment").click()
        member.get_by_role("radio", name="A recommendation").check()
        member.get_by_role("textbox", name="What you want to say").fill(text)
        then_the_accessibility_baseline_is_met(member)
        member.get_by_role("button", name="Save").click()
        expect(member.get_by_text("Saved. The panel and staff can read it on the review.")).to_be_visible()

    draft("Call residents about damp within two days.")
    draft("Hold meetings in the evening.")
    expect(member.get_by_role("heading", level=1)).to_have_text("Damp and mould repairs")
    then_the_accessibility_baseline_is_met(member)

    # Change the first draft.
    member.get_by_role("link", name="Change a recommendation you wrote on").first.click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Change what you wrote")
    then_the_accessibility_baseline_is_met(member)
    member.get_by_role("textbox", name="What you want to say").fill(
        "Call disabled residents about damp within two working days."
    )
    member.get_by_role("button", name="Save").click()
    expect(member.get_by_text("Your changes are saved.")).to_be_visible()
    expect(member.get_by_text("Call disabled residents about damp within two working days.")).to_be_visible()

    # Withdraw the second.
    member.get_by_role("link", name="Withdraw a recommendation you wrote on").nth(1).click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Withdraw what you wrote?")
    then_the_accessibility_baseline_is_met(member)
    member.get_by_role("button", name="Withdraw it").click()
    expect(member.get_by_text("Withdrawn. It is no longer shown on the review.")).to_be_visible()
    expect(member.get_by_text("Hold meetings in the evening.")).to_have_count(0)

    # Staff who run the panel adopt the changed draft.
    officer = open_page(personas["housing_officer"])
    officer.set_default_timeout(10_000)
    officer.goto(reverse("review_detail", args=[review.pk]))
    officer.get_by_role("link", name=re.compile(r"^Adopt as a recommendation\W+Call disabled residents")).click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("Adopt this draft as a recommendation?")
    then_the_accessibility_baseline_is_met(officer)
    officer.get_by_role("button", name="Adopt as a recommendation").click()
    expect(officer.get_by_text("Adopted. It is now one of the panel's recommendations")).to_be_visible()
    expect(officer.get_by_role("heading", name="Recommendation 1")).to_be_visible()
    expect(
        officer.get_by_text("Drafted by Pearl Panelmember, a panel member, and adopted by the panel.")
    ).to_be_visible()
    expect(officer.get_by_role("link", name="Record our response to recommendation 1")).to_be_visible()
    then_the_accessibility_baseline_is_met(officer)

    # The member sees it credited to them, and it is no longer theirs to change.
    member.goto(reverse("review_detail", args=[review.pk]))
    expect(member.get_by_text("Drafted by you and adopted by the panel.")).to_be_visible()
    expect(member.get_by_role("link", name="Change a recommendation you wrote on")).to_have_count(0)
    adopted = PanelWriting.objects.get(adopted_as__isnull=False)
    assert adopted.text == "Call disabled residents about damp within two working days."
    assert not adopted.adopted_as.has_response
