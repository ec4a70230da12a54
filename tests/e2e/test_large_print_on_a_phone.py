"""Large print reflows on a phone (issue 27). Every other page is opened at 360px by the page
sweep (test_every_page_is_accessible.py)."""

import pytest

from tests.e2e.conftest import PHONE_WIDTH, then_nothing_scrolls_sideways_on_a_phone
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.browser


def test_large_print_reflows_on_a_phone(open_page):
    survey = tsm_survey()
    page = open_page(None, width=PHONE_WIDTH, height=740)
    assert page.goto(f"/surveys/{survey.pk}/print/?size=large").status == 200
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE_WIDTH
    then_nothing_scrolls_sideways_on_a_phone(page)
