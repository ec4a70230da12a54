"""Object-level access: every page that takes an id, as every role, tried on someone else's object
and on one that does not exist.

"Someone else's" object is the same sample the role matrix uses (tests/pages.py), made for a second
set of people: another resident (Zebedee Otherperson), another operative, another panel member,
another officer and administrator. Staff whose role covers every resident legitimately open it; a
role that is limited to its own things (a resident's own repairs, an operative's own jobs, a panel
member's own panels) must get 403 or 404 and never a sign of the other's data.
"""

import re

import pytest
from django.urls import reverse

from core.roles import ROLES
from tests.core.factories import UserFactory
from tests.engagement.factories import ResidentFactory
from tests.pages import HOUSEHOLD_PAGES, SAMPLE_ARGUMENTS, pages_to_visit

ROLE_SLUGS = [role.slug for role in ROLES]
MARKER = "Otherperson"

# Pages whose object is shared by design (a survey anyone may take, its printable formats).
SHARED_OBJECTS = {"surveys:begin", "surveys:text_version", "surveys:print_version", "surveys:phone_script"}
# The personal survey link is itself the credential: whoever holds it may answer. Its own tests
# (tests/security/test_survey_links.py, tests/surveys/test_links_and_translations.py) cover
# guessing, expiry and one respondent per link.
BEARER_LINKS = {
    "surveys:answer_start",
    "surveys:answer_question",
    "surveys:answer_check",
    "surveys:answer_done",
    "surveys:answer_code",
}
PANEL_PAGES = re.compile(r"^(panel_|meeting_|review_|evidence_|recommendation_|shortlist_|writing_)")

PAGES_WITH_IDS = [page for page in pages_to_visit() if page.name in SAMPLE_ARGUMENTS]


# A follow-up is changed by its owner, whoever logged its contact, or a manager: any staff role.
AUTHORS_OBJECTS = {"follow_up_edit"}


def limited_to_own(slug, name):
    """True when this role may open this page only for its own objects."""
    if name in SHARED_OBJECTS:
        return False
    if name in AUTHORS_OBJECTS:
        return True
    if slug == "resident":
        return True
    if slug == "repairs_operative":
        return name.startswith("repairs:") or name in HOUSEHOLD_PAGES
    if slug == "panel_member":
        return bool(PANEL_PAGES.match(name))
    return False


@pytest.fixture
def others(db, personas):
    users = {role.slug: UserFactory(username=f"other_{role.slug}", role=role) for role in ROLES}
    ResidentFactory(user=users["resident"], first_name="Zebedee", last_name=MARKER)
    return users


def test_every_page_with_an_id_is_covered():
    assert len(PAGES_WITH_IDS) >= 50
    assert {page.name for page in PAGES_WITH_IDS} >= {"resident_detail", "repairs:my_repair", "panel_detail"}


def test_the_own_objects_only_rule_is_really_exercised():
    """The roles limited to their own things can open these pages at all, so the test above sends
    them someone else's object and expects a refusal, not merely a permission 403."""
    by_slug = {role.slug: set(role.permissions) for role in ROLES}
    exercised = {
        (slug, page.name)
        for page in PAGES_WITH_IDS
        for slug in ROLE_SLUGS
        if page.name not in BEARER_LINKS
        and limited_to_own(slug, page.name)
        and set(page.access.permissions) <= by_slug[slug]
    }
    assert {
        ("resident", "repairs:my_repair"),
        ("repairs_operative", "repairs:detail"),
        ("repairs_operative", "repairs:visit"),
        ("repairs_operative", "resident_detail"),
        ("repairs_operative", "contact_add"),
        ("repairs_operative", "contact_detail"),
        ("panel_member", "panel_detail"),
        ("panel_member", "meeting_detail"),
        ("panel_member", "review_detail"),
    } <= exercised


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def _missing(kwargs):
    gone = {key: 987654321 if isinstance(value, int) else value for key, value in kwargs.items()}
    if gone == kwargs:  # no number in the URL: the token is what identifies the object
        gone["token"] = "no-such-link-" + "x" * 30
    return gone


# One test per page (the objects are made once), every role inside it: the matrix of ~60 pages by
# 7 roles by 2 objects would otherwise rebuild the sample objects 840 times.
@pytest.mark.parametrize("page", PAGES_WITH_IDS, ids=lambda p: p.name)
def test_someone_elses_object_and_a_missing_one(client, personas, others, page):
    kwargs = SAMPLE_ARGUMENTS[page.name](others)
    theirs = reverse(page.name, kwargs=kwargs)
    missing = reverse(page.name, kwargs=_missing(kwargs))
    problems = []
    for slug in ROLE_SLUGS:
        user = personas[slug]
        client.force_login(user)
        allowed = page.access.allows(user)
        response = client.get(missing)
        if response.status_code != (404 if allowed else 403):
            problems.append(f"{slug} on a missing object {missing}: {response.status_code}")
        if page.name in BEARER_LINKS:
            continue
        response = client.get(theirs)
        if not allowed:
            expected = {403}
        elif limited_to_own(slug, page.name):
            expected = {403, 404}
        else:
            expected = {200}
        if response.status_code not in expected:
            problems.append(f"{slug} on someone else's {theirs}: {response.status_code}, expected {sorted(expected)}")
        elif expected != {200} and MARKER in _body(response):
            problems.append(f"{slug} saw {MARKER} on {theirs}")
    assert problems == []
