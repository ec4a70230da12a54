"""Panel items (reviews, recommendations' responses, meetings): a stale save is refused (issue 24 item 3)."""

import pytest
from django.urls import reverse

from engagement.models import Recommendation, ScrutinyReview
from tests.engagement.factories import RecommendationFactory, ScrutinyReviewFactory
from tests.stale import assert_refused, post_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "url_name", "model", "field", "first", "second"),
    [
        (ScrutinyReviewFactory, "review_edit", ScrutinyReview, "topic", "Damp and mould, first draft", "Damp"),
        (
            RecommendationFactory,
            "recommendation_response",
            Recommendation,
            "action",
            "We will add evening appointments from May.",
            "We will think about it.",
        ),
    ],
    ids=["review", "response to a recommendation"],
)
def test_a_stale_panel_item_save_is_refused(client, personas, factory, url_name, model, field, first, second):
    item = factory()
    client.force_login(personas["housing_officer"])
    url = reverse(url_name, args=[item.pk])
    page = post_data(client.get(url).context["form"])
    saved = client.post(url, {**page, field: first})
    assert saved.status_code == 302, saved.context["form"].errors
    refused = client.post(url, {**page, field: second})
    html = assert_refused(refused, f"is now saved as: {first}")
    assert second in html
    assert getattr(model.objects.get(pk=item.pk), field) == first
