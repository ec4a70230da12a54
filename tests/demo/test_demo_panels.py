"""The demo panel: under-represents the groups most panels do, with a year of meetings and activities."""

import pytest
from django.http import HttpRequest
from django.urls import reverse

from engagement.demo.users import DEMO_PASSWORD
from engagement.models import EngagementActivity, PanelMeeting, PanelMembership, Recommendation, ScrutinyReview

pytestmark = pytest.mark.django_db


def test_the_demo_panel_has_a_year_of_records_and_a_completed_review_with_responses(client, demo_landlord):
    assert "Panels: 1 panel of 12 members (3 past), 12 meetings, 18 engagement activities" in demo_landlord
    assert PanelMembership.objects.filter(ended_on__isnull=True).count() == 12
    assert PanelMeeting.objects.count() == 12 and EngagementActivity.objects.count() == 18
    done = ScrutinyReview.objects.get(completed_on__isnull=False)
    assert set(done.recommendations.values_list("response", flat=True)) == {
        "accepted",
        "partly_accepted",
        "not_accepted",
    }
    assert not Recommendation.objects.filter(response="").exists()
    # Older residents outnumber younger ones on the panel, as on most panels.
    members = [m.resident for m in PanelMembership.objects.filter(ended_on__isnull=True).select_related("resident")]
    assert sum(1 for r in members if r.age >= 55) > sum(1 for r in members if r.age < 35)
    # The demo panel member reads the review.
    assert client.login(request=HttpRequest(), username="panel", password=DEMO_PASSWORD)
    assert client.get(reverse("review_detail", kwargs={"pk": done.pk})).status_code == 200
    # Its evidence links go to pages the panel member can open (issue 27: two were 404, one 403).
    evidence = list(done.evidence.values_list("path", flat=True))
    assert len(evidence) == 3
    assert {path: client.get(path).status_code for path in evidence} == dict.fromkeys(evidence, 200)
