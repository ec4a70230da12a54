"""Two sweeps over every page and download, as every role, a panel member, a resident and an
anonymous visitor (the pages are opened once, in `tests/security/sweep.py`, and read by both):

1. **Special-category data.** A body that shows someone's equality answer is only ever shown to a
   role holding `engagement.view_special_category`, and showing it wrote an audit entry of that
   read. Whether a body shows someone's answer is found from the body, not from the page's
   declaration: every resident is given distinctive answers (White: Roma, another sexual
   orientation, another religion, Tigrinya...), and a body shows an individual's answer when

   - a form on it has one of those answers chosen (a checked radio, a selected option), or
   - it has the words (or, in a file, the code) of one of those answers *and* names a resident,
     and does not list every answer to that question (a form offering the choices).

   Aggregated, disclosure-controlled figures (the dashboards, the representation review, the
   figures CSVs) are therefore not an individual's answer: they name nobody. A "Yes" or "No"
   (disability, interpreter) counts only as a form's chosen value.

   A resident (and a panel member, who is one) may see their own answers without the permission.
   The subject-access pages (`SUBJECT_ACCESS`) show an administrator the whole record by law; they
   must still write an audit entry.
2. **GET forms.** No `<form method="get">` (or form with no method, which is GET) carries the CSRF
   token, which would put it in the address, the history and the server's logs; every POST form
   carries one.
"""

import time

import pytest
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.test import Client, override_settings

from core.roles import ROLES
from engagement.models import AuditAction, AuditEntry, EqualityProfile, Resident
from tests.conftest import FAST_PASSWORD_HASHERS, make_personas
from tests.pages import EXAMPLE_QUERIES, HOUSEHOLD_PAGES, SAMPLE_ARGUMENTS, all_pages
from tests.security.sweep import ANONYMOUS, OTHERS, OWN, Evidence, visit_everything

# django_db: pytest-django sets up the test database only for a run with a test marked so.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("page_sweeps")]
ROLE_SLUGS = [role.slug for role in ROLES]
SPECIAL = "engagement.view_special_category"
# Subject access: "Everything we hold" about a resident, for their request; audited as an export.
SUBJECT_ACCESS = {"resident_data", "resident_data_json"}
NAME_MARK = "Zq"


def _give_distinctive_answers(personas):
    """Every resident answers OTHERS; the resident and panel-member personas answer their OWN.

    Every surname gets a mark (Testperson3-Zq41) so a page or file that names a resident is known
    whatever the layout of the name (a JSON file keeps first and last names apart)."""
    Resident.objects.update(last_name=Concat("last_name", Value(f"-{NAME_MARK}"), Cast("pk", CharField())))
    for resident in Resident.objects.filter(equality__isnull=True):
        EqualityProfile.objects.create(resident=resident)
    EqualityProfile.objects.update(**OTHERS)
    for slug, answers in OWN.items():
        EqualityProfile.objects.filter(resident__user=personas[slug]).update(**answers)


def _shortlist_by_equality(personas):
    """A shortlist keeps the group each resident was drawn from as words: draw one on equality
    answers, after the answers are given, beside the sample one (drawn on age)."""
    from datetime import date

    from engagement.models import PanelShortlist
    from engagement.shortlist import shortlist_draw

    sample = PanelShortlist.objects.get(pk=SAMPLE_ARGUMENTS["shortlist_detail"](personas)["pk"])
    drawn = shortlist_draw(
        panel=sample.panel,
        characteristics=["sexual_orientation", "religion", "gender_identity"],
        size=3,
        by=personas["housing_officer"],
        today=date(2025, 1, 1),
        seed=1,
    )
    return f"/panels/shortlists/{drawn.pk}/"


def _audited(user, after):
    return AuditEntry.objects.filter(
        pk__gt=after, user=user, action__in=[AuditAction.VIEWED, AuditAction.EXPORTED]
    ).exists()


@pytest.fixture(scope="module")
def visits(django_db_setup, django_db_blocker):
    """Every page and download as everyone: built and opened once, rolled back after the module."""
    fast = override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS)
    with django_db_blocker.unblock(), fast, transaction.atomic():
        started = time.perf_counter()
        personas = make_personas()
        names = {page.name: page for page in all_pages()}
        urls = [page.url(personas) + EXAMPLE_QUERIES.get(name, "") for name, page in names.items()]
        _give_distinctive_answers(personas)
        urls.append(_shortlist_by_equality(personas))
        evidence = Evidence({"others": OTHERS, **OWN}, names=rf"-{NAME_MARK}\d+\b")
        built = time.perf_counter()
        users = {**{slug: personas[slug] for slug in ROLE_SLUGS}, ANONYMOUS: None}
        found = visit_everything(Client(), users, urls, evidence, _audited)
        print(
            f"\npage sweep: {len(urls)} addresses, {len(found)} responses; "
            f"data {built - started:.1f} s, visits {time.perf_counter() - built:.1f} s"
        )
        yield found
        transaction.set_rollback(True)


def _page_name(url):
    from django.urls import Resolver404, resolve

    try:
        return resolve(url.split("?")[0]).url_name
    except Resolver404:
        return None  # a link the sweep followed to an address that is no page


@pytest.mark.parametrize("role", [*ROLE_SLUGS, ANONYMOUS])
def test_only_the_special_category_permission_sees_an_individuals_equality_answers_and_every_read_is_audited(
    visits, role
):
    mine = [visit for visit in visits if visit.role == role]
    assert len({visit.url for visit in mine}) > len(all_pages()), "every page and a download were opened"
    leaks, unaudited = [], []
    for visit in mine:
        others = [what for whose, what in visit.evidence if whose != role]
        if not others:
            continue
        if not visit.may_see_special and _page_name(visit.url) not in SUBJECT_ACCESS:
            leaks.append((visit.url, others))
        if not visit.audited:
            unaudited.append((visit.url, others))
    assert leaks == [], f"{role} sees equality answers without the special-category permission"
    assert unaudited == [], f"{role} read equality answers and no audit entry was written"


def test_the_sweep_finds_the_answers_where_they_are_shown(visits):
    """The sweep cannot pass by finding nothing: the pages known to show answers are found."""
    shown = {(visit.role, _page_name(visit.url)) for visit in visits if visit.evidence}
    assert {
        ("housing_officer", "equality_profile"),
        ("housing_officer", "equality_profile_edit"),
        ("housing_officer", "shortlist_detail"),
        ("administrator", "resident_data"),
        ("administrator", "resident_data_json"),
        ("resident", "my_equality"),
    } <= shown
    csv = [v for v in visits if v.role == "housing_officer" and "download=csv" in v.url and v.evidence]
    assert csv, "the shortlist's CSV download was not followed or showed no answers"


@pytest.mark.parametrize("role", [*ROLE_SLUGS, ANONYMOUS])
def test_get_forms_carry_no_csrf_token_and_post_forms_do(visits, role):
    pages = [visit for visit in visits if visit.role == role and visit.status == 200 and visit.html]
    assert pages, f"{role} opened no page"
    wrong = [
        (visit.url, method)
        for visit in pages
        for method, has_token in visit.forms
        if (method == "get" and has_token) or (method == "post" and not has_token)
    ]
    assert wrong == []


def test_panel_members_see_no_name_and_are_refused_every_page_that_names_a_resident(visits):
    """Panel members are residents working with the landlord: every page and download they may
    open names nobody, and every page that names a resident to staff refuses them."""
    panel = {visit.url: visit for visit in visits if visit.role == "panel_member"}
    readable = {_page_name(url) for url, visit in panel.items() if visit.status == 200}
    assert [url for url, visit in panel.items() if visit.names] == []
    naming = {
        visit.url
        for visit in visits
        if visit.names and visit.role not in ("panel_member", "resident", ANONYMOUS) and visit.url != "/"
    }  # the home page shows each role its own work: a panel member's names nobody (asserted above)
    assert {url: panel[url].status for url in naming if url in panel and panel[url].status != 403} == {}
    # The sweep saw the pages that matter.
    assert {"panel_members", "activity_detail", "shortlist_detail", "meeting_edit"} <= {_page_name(u) for u in naming}
    assert {"panel_detail", "meeting_detail", "review_detail", "you_said_we_did"} <= readable


def test_no_one_reads_a_residents_sent_answers_on_any_page_or_download(visits):
    """The sample link of a resident who sent their answers (with a written answer only they gave)
    is opened by every role and an anonymous visitor: nobody but that resident's own browser, their
    own account or the holder of the emailed code reads the answers again."""
    shown = sorted((visit.role, visit.url) for visit in visits if visit.sent_answer)
    assert shown == [], shown
    link_pages = {"answer_check", "answer_question", "answer_done", "answer_code"}
    opened = [visit for visit in visits if _page_name(visit.url) in link_pages]
    assert {visit.role for visit in opened} == {*ROLE_SLUGS, ANONYMOUS}
    assert all(visit.status == 200 for visit in opened)


def _view_name(url):
    from django.urls import resolve

    return resolve(url.split("?")[0]).view_name


def test_an_operative_opens_no_household_outside_their_own_jobs(visits):
    """Every household page is opened for a household with none of the operative persona's jobs:
    each answers 403 or 404; and no page or download the operative reads names a resident of a
    household outside their jobs (their jobs: the sample repair at the resident persona's home)."""
    operative = [visit for visit in visits if visit.role == "repairs_operative"]
    # The sweep's own addresses are of households outside their jobs; a link followed from their own
    # job's page leads, rightly, to that job's household.
    household_pages = [visit for visit in operative if _view_name(visit.url) in HOUSEHOLD_PAGES and not visit.followed]
    assert {_view_name(visit.url) for visit in household_pages} == HOUSEHOLD_PAGES
    assert [(visit.url, visit.status) for visit in household_pages if visit.status not in (403, 404)] == []
    # Their own jobs' residents are the only ones named (the search, their jobs, their visits).
    own = Resident.objects.filter(household__repairs__operative__username="repairs_operative")
    theirs = {f"-{NAME_MARK}{pk}" for pk in own.values_list("pk", flat=True)}
    assert theirs, "the sample repair is at a household with residents"
    named = {visit.url: set(visit.named) - theirs for visit in operative if visit.status == 200}
    assert {url: others for url, others in named.items() if others} == {}
    searched = [v for v in operative if _page_name(v.url) == "resident_search" and "?q=" in v.url]
    assert searched and all(set(v.named) <= theirs for v in searched) and any(v.named for v in searched)


@pytest.mark.parametrize("role", [*ROLE_SLUGS, ANONYMOUS])
def test_every_link_a_page_offers_its_reader_opens_for_them(visits, role):
    """Issue 27: no page links its reader to a page that is not there (404) or that they may not open
    (403). The sweep followed, as that role, every link to an address that is no page and one link
    to each page, from the pages the role opened."""
    mine = {visit.url: visit.status for visit in visits if visit.role == role}
    # One link to each page is followed (the sweep stays fast); a link to no page at all, every time.
    broken = sorted(
        {
            (visit.url, link, mine[link])
            for visit in visits
            if visit.role == role and visit.status == 200
            for link in visit.links
            if mine.get(link) in (403, 404)
        }
    )
    assert broken == [], f"{role} is offered links that do not open (page, link, status): {broken}"
    assert any(visit.links for visit in visits if visit.role == role), "the sweep followed no link"


def test_no_page_nests_a_form_inside_another(visits):
    """A form inside a form is invalid HTML, and its button may send the other form (issue 27)."""
    nested = sorted({visit.url for visit in visits if visit.nested_forms})
    assert nested == []


# Where a placeholder is shown on purpose: the admin's edit forms (the stored text, as written) and
# the translators' pages and files (a translation must keep "{landlord}" as it is).
PLACEHOLDERS_KEPT = {"translations", "translation_file"}


def test_no_page_shows_an_unfilled_placeholder(visits):
    """Issue 27: staff survey pages and results showed a literal "{landlord}"."""
    shown = sorted(
        {
            (visit.role, visit.url)
            for visit in visits
            if visit.placeholder
            and visit.status == 200
            and visit.html
            and not visit.url.startswith("/admin/")
            and _page_name(visit.url) not in PLACEHOLDERS_KEPT
        }
    )
    assert shown == [], shown


# Where codes are shown on purpose: the admin, the translators' pages (a PO file names its language
# by code, as gettext does) and the subject-access page (every record exactly as it is held).
CODES_KEPT = PLACEHOLDERS_KEPT | SUBJECT_ACCESS


def test_no_page_shows_a_stored_language_or_format_code(visits):
    """Issue 27: the job page showed the interpreter as "so", pages showed "easy_read, bsl" and "en-gb".
    Every page shows a language by its name in the reader's language, and a format in words."""
    shown = sorted(
        {
            (visit.role, visit.url, visit.codes_shown)
            for visit in visits
            if visit.codes_shown and not visit.url.startswith("/admin/") and _page_name(visit.url) not in CODES_KEPT
        }
    )
    assert shown == [], shown


def test_the_code_check_finds_a_code_shown_as_text_and_passes_its_name():
    """The sweep's sample data stores the interpreter language "so" and formats "easy_read", "bsl"
    (tests/pages.py), shown on the job, resident, contact and invitations pages; this is what the
    check above would have found on them before, and what it lets through now."""
    from tests.security.sweep import stored_codes_shown

    assert stored_codes_shown(["Interpreter", " so ", "easy_read, bsl", "en-gb"]) == ("bsl", "easy_read", "en-gb", "so")
    assert stored_codes_shown(["Interpreter", "Somali", "Easy read, British Sign Language; interpreter: Polish"]) == ()
    assert stored_codes_shown(["Yes", " or ", "no"]) == ()


def test_every_page_is_valid_html(visits):
    """Issue 27: the W3C checker finds no error on any page. Every HTML body the sweep received (every
    page as every reader, error pages and followed links included) is checked in one run of the Nu
    Html Checker (tests/helpers/html_validator.py); each distinct body once."""
    import os

    from tests.helpers.html_validator import checker_missing, distinct, validate

    missing = checker_missing()
    if missing and os.environ.get("REQUIRE_BROWSER") != "1":
        pytest.skip(missing)
    pages = distinct(
        {
            f"{visit.url} (as {visit.role}, {visit.status})": visit.body
            for visit in visits
            if visit.html and visit.body.strip()  # a redirect or a 405 has no body: no page to check
        }
    )
    assert len(pages) > len(all_pages()), "the sweep's pages were collected"
    started = time.perf_counter()
    problems = validate(pages)
    print(f"\nW3C checker: {len(pages)} distinct pages in {time.perf_counter() - started:.1f} s")
    assert problems == [], f"{len(problems)} errors:\n" + "\n".join(str(problem) for problem in problems)
