"""The job page's "How to contact them" shows the numbers the resident's record holds (issue 27: it
read attributes the resident does not have and showed none), and its visits table scrolls inside a
labelled region on a phone."""

import pytest
from django.urls import reverse

from engagement.models import CommunicationPreference
from tests.engagement.factories import ContactDetailsFactory
from tests.pages import _sample_repair

pytestmark = pytest.mark.django_db


def test_the_job_page_shows_the_mobile_and_landline_the_record_holds(client, personas):
    repair_pk = _sample_repair(personas)["pk"]
    resident = personas["resident"].resident
    ContactDetailsFactory(resident=resident, mobile_phone="+447700900123", landline_phone="+441134960001")
    # The page's sample data may already have given them preferences: phone is what they want now.
    CommunicationPreference.objects.update_or_create(resident=resident, defaults={"channels": ["phone"]})
    client.force_login(personas["repairs_operative"])
    page = client.get(reverse("repairs:detail", args=[repair_pk])).content.decode()
    assert "How to contact them" in page
    assert 'Mobile: <a class="govuk-link" href="tel:07700900123">07700 900123</a>' in page
    assert 'Landline: <a class="govuk-link" href="tel:01134960001">0113 496 0001</a>' in page
    assert '<div class="app-table-scroll" role="region" aria-labelledby="visits-caption" tabindex="0">' in page
