"""The role/page matrix: every page, every role, and anonymous visitors, against one table.

EXPECTED_ROLES below says who may open every page. It is written by hand, apart from the views'
own declarations, so a wrong declaration fails here; a new page without an entry fails too.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from core.roles import ROLES
from tests.pages import HOUSEHOLD_PAGES, all_pages, operative_jobs_at_every_household, pages_to_visit

ROLE_SLUGS = [role.slug for role in ROLES]


def test_every_page_declares_who_may_see_it():
    undeclared = [page.name for page in all_pages() if page.access is None]
    assert undeclared == [], f"Wrap these views in core.access.page or public_page: {undeclared}"


@pytest.mark.parametrize("page", pages_to_visit(), ids=lambda page: page.name)
def test_each_role_gets_the_page_or_403(client, personas, page):
    # Every role in one test per page: the page's sample data is built once, not once per role.
    url = page.url(personas)
    if page.name in HOUSEHOLD_PAGES:  # operatives open the households of their jobs (tests/security)
        operative_jobs_at_every_household(personas)
    answered = {}
    for slug in ROLE_SLUGS:
        client.force_login(personas[slug])
        response = client.get(url)
        answered[slug] = response.status_code
        if response.status_code == 200 and page.access.html:
            assert_no_nested_forms(response.content.decode(), page.name)
        if response.status_code == 200:  # issue 24 item 11: no copy kept of a signed-in page or download
            assert "no-store" in response.get("Cache-Control", ""), (page.name, slug)
    expected = {slug: 200 if slug in EXPECTED_ROLES[page.name] else 403 for slug in ROLE_SLUGS}
    assert answered == expected, page.name


class _FormNesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0
        self.nested = False

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            self.nested = self.nested or self.depth > 0
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "form":
            self.depth -= 1


def assert_no_nested_forms(html, name):
    """Browsers silently drop a form inside a form, and with it the inner form's method and action."""
    parser = _FormNesting()
    parser.feed(html)
    assert not parser.nested, f"{name} has a <form> inside another <form>"


@pytest.mark.parametrize("page", pages_to_visit(), ids=lambda page: page.name)
def test_anonymous_visitors_are_sent_to_sign_in(client, personas, page):
    url = page.url(personas)
    response = client.get(url)
    if ANONYMOUS in EXPECTED_ROLES[page.name]:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url == f"{reverse('login')}?next={url}"


ANONYMOUS = "anonymous"  # not signed in
ANYONE = {ANONYMOUS, *ROLE_SLUGS}  # a public page

# Who may open each page. A change to who may see a page has to be made here too, on purpose.
EXPECTED_ROLES = {
    "inequities:figures": {"insight_analyst", "administrator"},
    "inequities:figures_csv": {"insight_analyst", "administrator"},
    "inequities:recompute": {"insight_analyst", "administrator"},
    # Dashboards: aggregates only, so panel members see them too.
    "inequities:dashboards": {"panel_member", "insight_analyst", "administrator"},
    "inequities:dashboard_dissatisfaction": {"panel_member", "insight_analyst", "administrator"},
    "inequities:dashboard_silences": {"panel_member", "insight_analyst", "administrator"},
    "inequities:dashboard_csv": {"panel_member", "insight_analyst", "administrator"},
    "inequities:signals": {"panel_member", "insight_analyst", "administrator"},
    "resident_search": {"housing_officer", "repairs_operative", "contact_centre_agent", "administrator"},
    "home": set(ROLE_SLUGS),
    # Resident profiles: panel members and residents never reach a named resident's pages.
    "resident_detail": {"housing_officer", "repairs_operative", "contact_centre_agent", "administrator"},
    "equality_profile": {"housing_officer"},
    "equality_profile_edit": {"housing_officer"},
    "support_need_add": {"housing_officer"},
    "support_need_edit": {"housing_officer"},
    "adjustment_add": {"housing_officer", "contact_centre_agent"},
    "restriction_add": {"housing_officer"},
    "preferences_edit": {"housing_officer", "contact_centre_agent"},
    "reviews_due": {"housing_officer"},
    # Make every contact count: staff who meet or speak to residents log contacts; the worklist
    # actions and the patch view (which groups residents by disability) are the officer's.
    "contact_add": {"housing_officer", "repairs_operative", "contact_centre_agent"},
    "follow_up_done": {"housing_officer"},
    "patch": {"housing_officer"},
    # A contact's page is for everyone who logs contacts; only its author or a manager corrects it
    # there. Follow-ups are changed or handed on by officers.
    "contact_detail": {"housing_officer", "repairs_operative", "contact_centre_agent"},
    "asb_case_add": {"housing_officer"},
    "follow_up_edit": {"housing_officer"},
    "patch_assign": {"administrator"},
    # Data rights: the administrator answers subject access and erasure requests.
    "resident_data": {"administrator"},
    "resident_data_json": {"administrator"},
    "resident_erase": {"administrator"},
    # Two-factor sign-in: anyone signed in may turn it on for themselves.
    "two_factor_setup": set(ROLE_SLUGS),
    "two_factor_verify": set(ROLE_SLUGS),
    "my_preferences": {"resident"},
    "my_equality": {"resident"},
    "import_start": {"administrator"},
    "surveys:mine": {"resident"},
    "surveys:answer_start": ANYONE,  # a personal link works for whoever holds it
    "surveys:index": {"housing_officer", "contact_centre_agent", "insight_analyst", "administrator"},
    "surveys:enter": {"housing_officer", "contact_centre_agent", "administrator"},
    "surveys:invitations": {"contact_centre_agent", "insight_analyst", "administrator"},
    # Survey-wide invitations: analysts and administrators; one resident at a time: who is with them.
    "surveys:invite": {"insight_analyst", "administrator"},
    "surveys:send_invitations": {"insight_analyst", "administrator"},
    "surveys:invitation_link": {"contact_centre_agent", "administrator"},
    "surveys:print_pack": {"insight_analyst", "administrator"},
    "surveys:print_batch_posted": {"insight_analyst", "administrator"},
    "surveys:invite_resident": {"housing_officer", "contact_centre_agent"},
    "contact_details_edit": {"housing_officer", "contact_centre_agent"},
    "surveys:results": {"insight_analyst", "administrator"},
    "surveys:responses_csv": {"insight_analyst", "administrator"},
    # The Regulator's return holds exact counts, however small: the administrator's alone.
    "surveys:tsm_return": {"administrator"},
    "surveys:tsm_return_download": {"administrator"},
    "repairs:list": {"housing_officer", "repairs_operative", "contact_centre_agent"},
    "repairs:detail": {"housing_officer", "repairs_operative", "contact_centre_agent"},
    "repairs:raise": {"housing_officer", "repairs_operative", "contact_centre_agent"},
    "repairs:update": {"housing_officer", "contact_centre_agent"},
    "repairs:visit": {"housing_officer", "repairs_operative", "contact_centre_agent"},
    "repairs:jobs": {"repairs_operative"},
    "repairs:mine": {"resident"},
    "repairs:report": {"resident"},
    "repairs:my_repair": {"resident"},
    "repairs:complaints": {"housing_officer", "contact_centre_agent"},
    "repairs:complaint_raise": {"housing_officer", "contact_centre_agent"},
    "repairs:complaint_close": {"housing_officer", "contact_centre_agent"},
    "repairs:complaint_categories": {"housing_officer", "contact_centre_agent"},
    # The Complaint Handling Code's annual report: officers who manage complaints and administrators
    # read it; administrators record the self-assessment and the governing body's response.
    "repairs:complaints_report": {"housing_officer", "administrator"},
    "repairs:complaints_report_pdf": {"housing_officer", "administrator"},
    "repairs:complaints_report_record": {"administrator"},
    # Scrutiny panels: panel members read the panel's records, which name nobody; only staff see
    # who is on a panel, who took part in engagement, or a shortlist.
    "panel_list": {"housing_officer", "panel_member", "insight_analyst", "administrator"},
    "panel_detail": {"housing_officer", "panel_member", "insight_analyst", "administrator"},
    "meeting_detail": {"housing_officer", "panel_member", "insight_analyst", "administrator"},
    "review_detail": {"housing_officer", "panel_member", "insight_analyst", "administrator"},
    # Panel members write their own findings, recommendations and comments; staff read them.
    "review_write": {"panel_member"},
    "writing_edit": {"panel_member"},
    "writing_withdraw": {"panel_member"},
    "writing_adopt": {"housing_officer", "administrator"},
    "panel_members": {"housing_officer", "administrator"},
    "panel_member_add": {"housing_officer", "administrator"},
    "meeting_edit": {"housing_officer", "administrator"},
    "recommendation_response": {"housing_officer", "administrator"},
    "shortlist_start": {"housing_officer", "administrator"},
    # The shortlist names residents beside their equality answers: the special-category permission.
    "shortlist_detail": {"housing_officer"},
    "you_said_we_did": ANYONE,
    "activity_list": {"housing_officer", "insight_analyst", "administrator"},
    "activity_detail": {"housing_officer", "administrator"},
    "activity_participants": {"housing_officer", "administrator"},
    "representation": {"housing_officer", "insight_analyst", "administrator"},
    "assessment_list": {"housing_officer", "insight_analyst", "administrator"},
    "assessment_add": {"housing_officer", "administrator"},
    # Public pages: signing in, the privacy notice, the accessibility statement, the survey pages a
    # personal link opens, the paper versions of a survey, the language switch, the health check.
    "accessibility": ANYONE,
    "healthz": ANYONE,
    "login": ANYONE,
    "logout": ANYONE,
    "privacy": ANYONE,
    "set_language": ANYONE,
    "surveys:answer_check": ANYONE,
    "surveys:answer_done": ANYONE,
    "surveys:answer_code": ANYONE,
    "surveys:answer_question": ANYONE,
    "surveys:print_version": ANYONE,
    "surveys:text_version": ANYONE,
    "two_factor_off": set(ROLE_SLUGS),
    "sign_out_everywhere": set(ROLE_SLUGS),
    # The rest of the dashboards: like the others, aggregates only.
    "inequities:dashboard_adjustments": {"panel_member", "insight_analyst", "administrator"},
    "inequities:dashboard_complaints": {"panel_member", "insight_analyst", "administrator"},
    "inequities:dashboard_dissatisfaction_by_region": {"panel_member", "insight_analyst", "administrator"},
    "inequities:dashboard_repairs": {"panel_member", "insight_analyst", "administrator"},
    "inequities:dashboard_representation": {"panel_member", "insight_analyst", "administrator"},
    # Trends over the years (issue 26): aggregates from the snapshots, as the dashboards.
    "inequities:trends": {"panel_member", "insight_analyst", "administrator"},
    "inequities:trends_csv": {"panel_member", "insight_analyst", "administrator"},
    # Resident profiles: editing needs, adjustments and restrictions is the officer's.
    "adjustment_edit": {"housing_officer"},
    "restriction_edit": {"housing_officer"},
    "import_review": {"administrator"},
    # Panels and engagement: staff who run them record them.
    "activity_add": {"housing_officer", "administrator"},
    "activity_edit": {"housing_officer", "administrator"},
    "activity_headcount": {"housing_officer", "administrator"},
    "assessment_detail": {"housing_officer", "insight_analyst", "administrator"},
    "assessment_edit": {"housing_officer", "administrator"},
    "evidence_add": {"housing_officer", "administrator"},
    "meeting_add": {"housing_officer", "administrator"},
    "panel_add": {"housing_officer", "administrator"},
    "panel_member_edit": {"housing_officer", "administrator"},
    "recommendation_add": {"housing_officer", "administrator"},
    "review_add": {"housing_officer", "administrator"},
    "review_edit": {"housing_officer", "administrator"},
    # Repairs and complaints.
    "repairs:book": {"housing_officer", "contact_centre_agent"},
    "repairs:complaint": {"housing_officer", "contact_centre_agent"},
    "repairs:complaint_allegation": {"housing_officer", "contact_centre_agent"},
    "repairs:complaint_escalate": {"housing_officer", "contact_centre_agent"},
    "repairs:complaint_stage": {"housing_officer", "contact_centre_agent"},
    "repairs:photo": {"housing_officer", "repairs_operative", "contact_centre_agent"},
    # Surveys.
    "surveys:begin": {"resident"},
    "surveys:create_builtin": {"insight_analyst", "administrator"},
    "surveys:detail": {"housing_officer", "contact_centre_agent", "insight_analyst", "administrator"},
    "surveys:new_version": {"insight_analyst", "administrator"},
    "surveys:phone_script": {"housing_officer", "contact_centre_agent", "insight_analyst", "administrator"},
    "surveys:send_list_csv": {"contact_centre_agent", "insight_analyst", "administrator"},
    "surveys:tsm_csv": {"insight_analyst", "administrator"},
    # The survey builder: analysts and administrators design, translate, publish and close surveys.
    "surveys:new": {"insight_analyst", "administrator"},
    "surveys:draft": {"insight_analyst", "administrator"},
    "surveys:question_new": {"insight_analyst", "administrator"},
    "surveys:question_edit": {"insight_analyst", "administrator"},
    "surveys:question_move": {"insight_analyst", "administrator"},
    "surveys:question_remove": {"insight_analyst", "administrator"},
    "surveys:preview": {"insight_analyst", "administrator"},
    "surveys:publish": {"insight_analyst", "administrator"},
    "surveys:close": {"insight_analyst", "administrator"},
    "surveys:reopen": {"insight_analyst", "administrator"},
    "surveys:translations": {"insight_analyst", "administrator"},
    "surveys:translation_file": {"insight_analyst", "administrator"},
    "surveys:approach": {"insight_analyst", "administrator"},
    # A resident keeps their own email address and phone numbers.
    "my_contact_details": {"resident"},
    # Notify's delivery receipts: no sign-in, the view checks the callback token itself.
    "surveys:notify_receipt": ANYONE,
    # The Tenant Satisfaction Measures as the Regulator asks landlords to publish them: for everyone.
    "tenant_satisfaction": ANYONE,
    "survey_code": ANYONE,
    "tenant_satisfaction_csv": ANYONE,
    "complaints_report_public": ANYONE,
}


def test_every_page_has_an_entry_in_the_table_and_every_entry_is_a_page():
    names = {page.name for page in all_pages()}
    assert sorted(names - set(EXPECTED_ROLES)) == [], "Say who may open these pages in EXPECTED_ROLES"
    assert sorted(set(EXPECTED_ROLES) - names) == [], "These pages are gone: remove them from EXPECTED_ROLES"


@pytest.mark.parametrize("page", all_pages(), ids=lambda page: page.name)
def test_each_declaration_says_what_the_table_says(personas, page):
    """Also covers the pages that only take a form post, which the matrix does not open."""
    allowed = {slug for slug in ROLE_SLUGS if page.access.allows(personas[slug])}
    if page.access.public:
        allowed.add(ANONYMOUS)
    assert allowed == EXPECTED_ROLES[page.name]


@pytest.mark.parametrize("slug", ROLE_SLUGS)
def test_only_administrators_reach_the_django_admin(client, personas, slug):
    client.force_login(personas[slug])
    response = client.get("/admin/")
    if slug == "administrator":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/")


def test_sign_out_only_accepts_a_form_post(client, personas):
    client.force_login(personas["housing_officer"])
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302
