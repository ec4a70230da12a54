"""A form that only reads (method GET) never carries the CSRF token: it would land in the address,
the browser's history and the server's logs."""

import re

import pytest
from django.urls import reverse

from inequities.services import recompute

pytestmark = pytest.mark.django_db
GET_FORM = re.compile(r'<form[^>]*method="get"[^>]*>(.*?)</form>', re.S | re.I)

PAGES = [
    ("housing_officer", "home", {}),
    ("housing_officer", "resident_search", {"q": "Okafor"}),
    ("insight_analyst", "representation", {}),
    ("housing_officer", "repairs:list", {}),
    ("housing_officer", "repairs:complaints", {}),
]


@pytest.mark.parametrize(("persona", "name", "query"), PAGES)
def test_get_forms_carry_no_csrf_token(client, personas, persona, name, query):
    recompute()  # the representation review offers its choices beside a snapshot's figures
    client.force_login(personas[persona])
    response = client.get(reverse(name), query)
    assert response.status_code == 200
    forms = GET_FORM.findall(response.content.decode())
    assert forms, f"{name} shows no GET form"
    assert not any("csrfmiddlewaretoken" in form for form in forms)
