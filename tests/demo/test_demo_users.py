"""The demo's sign-ins, as seed_demo prints them."""

import pytest
from django.http import HttpRequest

from engagement.demo.users import DEMO_PASSWORD, USERNAMES

pytestmark = pytest.mark.django_db


def test_every_demo_user_can_sign_in_and_sees_a_home_page_for_their_role(client, demo_landlord):
    output = demo_landlord
    assert DEMO_PASSWORD in output
    headings = {
        "officer": "Your work",
        "operative": "Your jobs",
        "contact": "Find the caller",
        "panel": "Scrutiny panel",
        "resident": "Hello,",
        "analyst": "Insight overview",
        "admin": "Administration",
    }
    for username in USERNAMES.values():
        assert username in output
        assert client.login(request=HttpRequest(), username=username, password=DEMO_PASSWORD), username
        page = client.get("/").content.decode()
        assert headings[username] in page, username
        client.logout()
