"""Every page and download that can show an equality answer needs the special-category permission
and writes an audit entry when it is read."""

import pytest

from engagement.models import AuditEntry
from tests.pages import pages_to_visit

pytestmark = pytest.mark.django_db
SPECIAL = "engagement.view_special_category"
# Pages that show residents' equality answers (or the groups they were drawn from) by name.
SHOW_EQUALITY_ANSWERS = {"equality_profile", "shortlist_detail"}
NO_AUDIT = {"equality_profile_edit", "support_need_add"}  # forms to change data: audited on save


def special_pages():
    return [page for page in pages_to_visit() if SPECIAL in page.access.permissions]


def test_every_page_that_shows_equality_answers_declares_the_permission():
    assert SHOW_EQUALITY_ANSWERS <= {page.name for page in special_pages()}


@pytest.mark.parametrize("page", special_pages(), ids=lambda page: page.name)
def test_a_page_that_needs_the_permission_refuses_without_it_and_audits_with_it(client, personas, page):
    url = page.url(personas)
    client.force_login(personas["administrator"])  # administers users and surveys; no equality data
    assert not personas["administrator"].has_perm(SPECIAL)
    assert client.get(url).status_code == 403
    allowed = personas["housing_officer"]
    client.force_login(allowed)
    before = AuditEntry.objects.count()
    response = client.get(url)
    if not page.access.allows(allowed):
        pytest.skip(f"the housing officer may not open {page.name}")
    assert response.status_code == 200
    if page.name not in NO_AUDIT:
        assert AuditEntry.objects.count() > before, f"{page.name} was read without an audit entry"
