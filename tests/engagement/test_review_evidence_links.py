"""A review's evidence is a link only to a page its reader can open (issue 27: the demo's went to two
missing pages and to one panel members are refused)."""

import pytest
from django.urls import reverse

from tests.pages import SAMPLE_ARGUMENTS

pytestmark = pytest.mark.django_db


def test_evidence_links_only_where_the_reader_may_open_the_page(client, personas):
    pk = SAMPLE_ARGUMENTS["review_detail"](personas)["pk"]
    from engagement.models import ScrutinyReview

    review = ScrutinyReview.objects.get(pk=pk)
    review.evidence.create(label="Gone", path="/insight/repairs/")
    review.evidence.create(label="Staff only", path="/engagement/representation/")
    for slug, linked in [
        ("panel_member", {"/insight/dashboards/repairs/"}),
        ("insight_analyst", {"/insight/dashboards/repairs/", "/engagement/representation/"}),
        ("housing_officer", {"/engagement/representation/"}),
    ]:
        client.force_login(personas[slug])
        html = client.get(reverse("review_detail", args=[pk])).content.decode()
        shown = {path for path in review.evidence.values_list("path", flat=True) if f'href="{path}"' in html}
        assert shown == linked, slug
        assert "a page you cannot open" in html
