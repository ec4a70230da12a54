"""Panel members write their own findings, recommendations and comments on our responses; staff
see what the panel wrote, and the record shows who wrote each part."""

import pytest
from django.urls import reverse

from engagement.models import PanelWriting
from tests.engagement.factories import PanelMembershipFactory, RecommendationFactory, ScrutinyReviewFactory
from tests.pages import _panel_member_resident

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(personas):
    review = ScrutinyReviewFactory()
    PanelMembershipFactory(panel=review.panel, resident=_panel_member_resident(personas))
    return review


def test_a_panel_member_drafts_a_finding_and_staff_see_who_wrote_it(client, personas, review):
    member = personas["panel_member"]
    member.first_name, member.last_name = "Pearl", "Panelmember"
    member.save()
    client.force_login(member)
    url = reverse("review_write", args=[review.pk])
    response = client.post(url, {"kind": "finding", "text": "Disabled residents wait longer for a first visit."})
    assert response.status_code == 302
    writing = PanelWriting.objects.get()
    assert (writing.kind, writing.written_by, writing.review) == ("finding", member, review)
    own = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    assert "Disabled residents wait longer for a first visit." in own and "Written by You" in own

    client.force_login(personas["housing_officer"])
    staff = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    assert "Disabled residents wait longer for a first visit." in staff
    assert "Written by Pearl Panelmember" in staff


def test_another_panel_member_sees_the_writing_without_the_writers_name(client, personas, review):
    writer = PanelMembershipFactory(panel=review.panel).resident
    from tests.core.factories import UserFactory

    writer.user = UserFactory(first_name="Nadia", last_name="Writer")
    writer.save()
    PanelWriting.objects.create(review=review, kind="recommendation", text="Evening meetings.", written_by=writer.user)
    client.force_login(personas["panel_member"])
    page = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    assert "Evening meetings." in page and "Written by A panel member" in page and "Nadia" not in page


def test_a_comment_is_about_an_answered_recommendation(client, personas, review):
    recommendation = RecommendationFactory(review=review)
    client.force_login(personas["panel_member"])
    url = reverse("review_write", args=[review.pk])
    response = client.post(url, {"kind": "comment", "text": "The action is too slow."})
    assert "Choose the recommendation your comment is about" in response.content.decode()
    client.post(url, {"kind": "comment", "recommendation": recommendation.pk, "text": "The action is too slow."})
    assert PanelWriting.objects.get().recommendation == recommendation


def test_a_panel_member_cannot_write_for_another_panels_review(client, personas):
    other = ScrutinyReviewFactory()
    client.force_login(personas["panel_member"])
    assert client.get(reverse("review_write", args=[other.pk])).status_code == 404
    assert client.post(reverse("review_write", args=[other.pk]), {"kind": "finding", "text": "x"}).status_code == 404
    assert PanelWriting.objects.count() == 0


# Issue 28: a member's drafts are their own to change and withdraw; the panel adopts a draft
# recommendation, which then needs our response like any other, crediting the member.


def _draft(review, user, kind="recommendation", text="Publish repair times for each region every month."):
    return PanelWriting.objects.create(review=review, kind=kind, text=text, written_by=user)


def _other_member(review):
    from tests.core.factories import UserFactory

    writer = PanelMembershipFactory(panel=review.panel).resident
    writer.user = UserFactory(first_name="Nadia", last_name="Writer")
    writer.save()
    return writer.user


def test_a_member_changes_their_own_draft(client, personas, review):
    draft = _draft(review, personas["panel_member"], kind="finding", text="Repairs are slow.")
    client.force_login(personas["panel_member"])
    page = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    assert reverse("writing_edit", args=[draft.pk]) in page and reverse("writing_withdraw", args=[draft.pk]) in page

    response = client.post(
        reverse("writing_edit", args=[draft.pk]), {"kind": "finding", "text": "Repairs in London are slow."}
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.text == "Repairs in London are slow." and draft.changed_at is not None
    empty = client.post(reverse("writing_edit", args=[draft.pk]), {"kind": "finding", "text": ""})
    assert "Enter what you want to say" in empty.content.decode()


def test_a_member_withdraws_their_own_draft_and_it_leaves_the_review(client, personas, review):
    draft = _draft(review, personas["panel_member"])
    client.force_login(personas["panel_member"])
    assert "Withdraw what you wrote?" in client.get(reverse("writing_withdraw", args=[draft.pk])).content.decode()

    assert client.post(reverse("writing_withdraw", args=[draft.pk])).status_code == 302

    draft.refresh_from_db()
    assert draft.withdrawn_at is not None  # kept, with when
    page = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    assert "Publish repair times for each region every month." not in page
    assert client.get(reverse("writing_edit", args=[draft.pk])).status_code == 404


def test_nobody_changes_or_withdraws_another_members_draft(client, personas, review):
    draft = _draft(review, _other_member(review))
    client.force_login(personas["panel_member"])
    page = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    assert reverse("writing_edit", args=[draft.pk]) not in page
    assert client.get(reverse("writing_edit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("writing_withdraw", args=[draft.pk])).status_code == 404
    client.force_login(personas["housing_officer"])  # staff run the panel but do not change members' words
    assert client.get(reverse("writing_edit", args=[draft.pk])).status_code == 403
    assert client.post(reverse("writing_withdraw", args=[draft.pk])).status_code == 403
    draft.refresh_from_db()
    assert draft.withdrawn_at is None and draft.text == "Publish repair times for each region every month."


def test_the_panel_adopts_a_draft_which_then_needs_our_response_crediting_the_member(client, personas, review):
    draft = _draft(review, _other_member(review))
    client.force_login(personas["housing_officer"])
    page = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    assert reverse("writing_adopt", args=[draft.pk]) in page

    assert client.post(reverse("writing_adopt", args=[draft.pk])).status_code == 302

    draft.refresh_from_db()
    recommendation = draft.adopted_as
    assert (recommendation.review, recommendation.text) == (review, draft.text)
    assert not recommendation.has_response  # waiting for our response, like one staff recorded
    staff = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    assert "Drafted by Nadia Writer, a panel member, and adopted by the panel." in staff
    assert reverse("recommendation_response", args=[recommendation.pk]) in staff
    assert "Adopted as a recommendation" in staff
    # Adopted: no longer the member's to change, and not adopted twice.
    assert client.post(reverse("writing_adopt", args=[draft.pk])).status_code == 404
    client.force_login(personas["panel_member"])
    member = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    assert "Drafted by a panel member and adopted by the panel." in member and "Nadia" not in member


def test_an_adopted_draft_is_no_longer_the_members_to_change(client, personas, review):
    draft = _draft(review, personas["panel_member"])
    client.force_login(personas["administrator"])
    client.post(reverse("writing_adopt", args=[draft.pk]))
    client.force_login(personas["panel_member"])
    assert client.get(reverse("writing_edit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("writing_withdraw", args=[draft.pk])).status_code == 404
    page = client.get(reverse("review_detail", args=[review.pk])).content.decode()
    assert "Drafted by you and adopted by the panel." in page


@pytest.mark.parametrize("kind", ["finding", "comment"])
def test_only_a_draft_recommendation_is_adopted_and_only_by_staff_who_run_the_panel(client, personas, review, kind):
    draft = _draft(review, personas["panel_member"])
    other = _draft(review, personas["panel_member"], kind=kind)
    client.force_login(personas["panel_member"])
    assert client.post(reverse("writing_adopt", args=[draft.pk])).status_code == 403
    client.force_login(personas["insight_analyst"])
    assert client.post(reverse("writing_adopt", args=[draft.pk])).status_code == 403
    client.force_login(personas["housing_officer"])
    assert client.post(reverse("writing_adopt", args=[other.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.adopted_as is None
