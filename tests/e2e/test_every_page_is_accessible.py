"""Every page, opened by every role that may see it, meets WCAG 2.2 A and AA as axe-core checks it;
and opened on a 360px phone by the first of them, nothing scrolls sideways outside a labelled
scrolling region (issue 27).

Pages come from walking the URL resolver (tests/pages.py), so new pages are checked automatically.
"""

import pytest

from core.roles import ROLES
from tests.e2e.conftest import (
    PHONE_WIDTH,
    then_nothing_scrolls_sideways_on_a_phone,
    then_the_accessibility_baseline_is_met,
)
from tests.pages import EXAMPLE_QUERIES, HOUSEHOLD_PAGES, html_pages_to_visit, operative_jobs_at_every_household

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page_under_test", html_pages_to_visit(), ids=lambda page: page.name)
def test_page_meets_the_accessibility_baseline_for_every_role_that_sees_it(open_page, personas, page_under_test):
    url = page_under_test.url(personas) + EXAMPLE_QUERIES.get(page_under_test.name, "")
    if page_under_test.name in HOUSEHOLD_PAGES:  # operatives open the households of their own jobs
        operative_jobs_at_every_household(personas)
    viewers = [None] if page_under_test.access.public else []
    viewers += [personas[role.slug] for role in ROLES if page_under_test.access.allows(personas[role.slug])]
    assert viewers, f"No role may see {page_under_test.name}"
    for user in viewers:
        page = open_page(user)
        response = page.goto(url)
        assert response.status == 200, f"{page_under_test.name} as {user}: {response.status}"
        then_the_accessibility_baseline_is_met(page)
    phone = open_page(viewers[0], width=PHONE_WIDTH, height=740)
    assert phone.goto(url).status == 200
    then_nothing_scrolls_sideways_on_a_phone(phone)


@pytest.mark.parametrize("path", ["/admin/", "/admin/auth/user/", "/admin/auth/group/"])
def test_administration_pages_meet_the_accessibility_baseline(open_page, personas, path):
    page = open_page(personas["administrator"])
    assert page.goto(path).status == 200
    then_the_accessibility_baseline_is_met(page)
