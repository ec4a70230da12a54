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
