"""Every form page is drawn by one helper, core.views.form_page (issue 25): the back link names
where it goes, and a resident's item pages keep their heading and history."""

import re

import pytest
from django.urls import reverse

from tests.engagement.factories import ResidentFactory

pytestmark = pytest.mark.django_db


def back_link(response):
    return re.search(r'<a href="([^"]+)" class="govuk-back-link">([^<]+)</a>', response.content.decode()).groups()


def test_a_panel_form_goes_back_to_the_panels(client, personas):
    client.force_login(personas["housing_officer"])
    response = client.get(reverse("panel_add"))
    assert back_link(response) == (reverse("panel_list"), "Panels")
    assert '<h1 class="govuk-heading-l">Add a scrutiny panel</h1>' in response.content.decode()


def test_a_residents_item_form_goes_back_to_the_resident_and_names_them(client, personas):
    resident = ResidentFactory(first_name="Ada", last_name="Lovelace")
    client.force_login(personas["housing_officer"])
    response = client.get(reverse("support_need_add", kwargs={"pk": resident.pk}))
    page = response.content.decode()
    assert back_link(response) == (reverse("resident_detail", kwargs={"pk": resident.pk}), "Ada Lovelace")
    assert '<span class="govuk-caption-l">Ada Lovelace</span>' in page
    assert "<title>Add a support need – Ada Lovelace" in page
