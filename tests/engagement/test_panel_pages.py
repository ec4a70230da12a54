"""Panel pages: what panel members may read, the names they never see, and recording responses."""

from datetime import date

import pytest
from django.urls import reverse

from engagement.models import Recommendation
from tests.engagement.factories import (
    PanelMembershipFactory,
    RecommendationFactory,
    ResidentFactory,
    ScrutinyPanelFactory,
    ScrutinyReviewFactory,
)

pytestmark = pytest.mark.django_db


def test_a_panel_member_reads_only_the_panels_they_sit_on(client, personas):
    me = ResidentFactory(user=personas["panel_member"])
    mine, other = ScrutinyPanelFactory(name="Repairs panel"), ScrutinyPanelFactory(name="Estates panel")
    PanelMembershipFactory(panel=mine, resident=me)
    left = ScrutinyPanelFactory(name="Old panel")
    PanelMembershipFactory(panel=left, resident=me, ended_on=date(2020, 1, 1))
    review = ScrutinyReviewFactory(panel=other)
    client.force_login(personas["panel_member"])

    listing = client.get(reverse("panel_list")).content.decode()

    assert "Repairs panel" in listing and "Estates panel" not in listing and "Old panel" not in listing
    assert client.get(reverse("panel_detail", kwargs={"pk": other.pk})).status_code == 404
    assert client.get(reverse("review_detail", kwargs={"pk": review.pk})).status_code == 404
    assert client.get(reverse("panel_detail", kwargs={"pk": mine.pk})).status_code == 200


def test_a_recommendation_not_accepted_needs_a_reason_and_an_accepted_one_needs_an_action(client, personas):
    recommendation = RecommendationFactory(response="", responded_on=None, action="", action_owner="", due_on=None)
    url = reverse("recommendation_response", kwargs={"pk": recommendation.pk})
    client.force_login(personas["housing_officer"])
    when = {"responded_on_0": "1", "responded_on_1": "9", "responded_on_2": "2024", "action_status": "not_started"}

    refused = client.post(url, {"response": "not_accepted", **when})
    accepted = client.post(url, {"response": "accepted", **when})

    assert refused.context["form"].errors == {"response_reason": ["Enter the reason it was not accepted in full"]}
    assert accepted.context["form"].errors == {
        "action": ["Enter what we will do"],
        "action_owner": ["Enter who is responsible for the action"],
        "due_on": ["Enter the date the action is due by"],
    }
    response = client.post(url, {"response": "not_accepted", "response_reason": "It would cost too much.", **when})
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert (recommendation.response, recommendation.responded_on) == ("not_accepted", date(2024, 9, 1))


def test_you_said_we_did_lists_only_answered_recommendations_and_is_open_to_anyone(client):
    RecommendationFactory(text="Answer the phone within a minute.")
    RecommendationFactory(text="Paint every door blue.", response="", responded_on=None)

    html = client.get(reverse("you_said_we_did")).content.decode()

    assert "Answer the phone within a minute." in html
    assert "Paint every door blue." not in html
    assert "Head of repairs" in html


def test_a_meeting_can_only_be_attended_by_people_on_the_panel_that_day(client, personas):
    panel = ScrutinyPanelFactory()
    gone = PanelMembershipFactory(panel=panel, ended_on=date(2024, 1, 31))
    client.force_login(personas["housing_officer"])

    response = client.post(
        reverse("meeting_add", kwargs={"pk": panel.pk}),
        {"held_on_0": "1", "held_on_1": "3", "held_on_2": "2024", "format": "online", "attendees": [gone.pk]},
    )

    assert response.context["form"].errors == {
        "attendees": ["Only people on the panel on the day of the meeting can attend it"]
    }
    assert Recommendation.objects.count() == 0
