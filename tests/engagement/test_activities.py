"""Recording who took part in an engagement activity: named with their agreement, or counted without names."""

import pytest
from django.urls import reverse

from engagement.models import AnonymousCount
from tests.engagement.factories import EngagementActivityFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def test_answers_from_unnamed_participants_cannot_add_up_to_more_than_the_headcount(client, personas):
    activity = EngagementActivityFactory(headcount=10)
    client.force_login(personas["housing_officer"])
    url = reverse("activity_headcount", kwargs={"pk": activity.pk})

    too_many = client.post(url, {"disability__yes": "6", "disability__no": "5"})
    saved = client.post(url, {"disability__yes": "6", "disability__no": "4", "age_band__75_plus": "3"})

    assert too_many.context["form"].errors == {
        "disability__yes": [
            "Disability or long-term condition: the answers add up to 11, more than the 10 people counted"
        ]
    }
    assert saved.status_code == 302
    assert set(AnonymousCount.objects.values_list("dimension", "group", "count")) == {
        ("disability", "yes", 6),
        ("disability", "no", 4),
        ("age_band", "75_plus", 3),
    }


def test_an_officer_names_a_participant_and_removes_them_again(client, personas):
    activity = EngagementActivityFactory()
    resident = ResidentFactory(first_name="Nadia", last_name="Okafor")
    client.force_login(personas["housing_officer"])
    url = reverse("activity_participants", kwargs={"pk": activity.pk})

    found = client.get(url, {"q": "Okafor"}).content.decode()
    client.post(url, {"resident": resident.pk})
    assert list(activity.participants.all()) == [resident]
    client.post(url, {"resident": resident.pk, "remove": "1"})

    assert "Nadia Okafor" in found
    assert list(activity.participants.all()) == []
