"""Sent answers through a personal link: only the resident reads them again.

The browser that sent them may; anyone else holding the link sees only that they were sent, until
they type a code emailed to the resident's own address; someone signed in who is not that resident
(any member of staff) never reads them through a link. Staff who help a resident start read one
link at a time, audited. A copy of the answers goes only to the resident's own address, a few a day.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from core.roles import ROLES
from engagement.models import AuditAction, AuditEntry, AuditSubject
from tests.engagement.factories import ContactDetailsFactory
from tests.surveys import flow
from tests.surveys.delivery_helpers import smtp_server  # noqa: F401 - a fixture
from tests.surveys.factories import InvitationFactory, answered_response

pytestmark = pytest.mark.django_db
QUESTION = "Taking everything into account, how satisfied or dissatisfied are you with the service"


def _sent_with_email(email="rita@example.org"):
    invitation = InvitationFactory()
    ContactDetailsFactory(resident=invitation.resident, email=email)
    answered_response(invitation)
    return invitation


def _answer_pages(token):
    return [
        flow.start_url(token),
        flow.check_url(token),
        flow.question_url(token, "TP01"),
        flow.question_url(token, "TP01") + "?change=1",
        reverse("surveys:answer_done", args=[token]),
    ]


def test_another_browser_holding_the_link_sees_only_that_the_answers_were_sent(client):
    invitation = _sent_with_email()
    for url in _answer_pages(invitation.token):
        page = client.get(url)
        html = page.content.decode()
        assert page.status_code == 200, url
        assert "Your answers were sent" in html, url
        assert QUESTION not in html and "Fairly satisfied" not in html, url
        assert "we will email a code to r•••@example.org" in html
        assert "rita@example.org" not in html
    # A change posted from that browser is refused and nothing is stored.
    key = str(flow.response_of(invitation).key)
    client.post(flow.question_url(invitation.token, "TP01") + "?change=1", {"key": key, "answer": "very_dissatisfied"})
    assert flow.response_of(invitation).answers.get(question__code="TP01").value == "fairly_satisfied"


def test_the_browser_that_sent_them_reads_and_changes_them():
    invitation = InvitationFactory()
    browser = Client()
    flow.sent_from(browser, invitation)
    html = browser.get(flow.check_url(invitation.token)).content.decode()
    assert "You sent these answers on" in html and "Fairly satisfied" in html


@pytest.mark.parametrize("slug", [role.slug for role in ROLES])
def test_no_one_signed_in_but_the_resident_reads_sent_answers_through_a_link(client, personas, slug, smtp_server):  # noqa: F811
    invitation = _sent_with_email()
    client.force_login(personas[slug])
    for url in [*_answer_pages(invitation.token), reverse("surveys:answer_code", args=[invitation.token])]:
        html = client.get(url).content.decode()
        assert "Sent answers are shown only to the resident who gave them" in html, url
        assert QUESTION not in html and "Email me a code" not in html, url
    client.post(reverse("surveys:answer_code", args=[invitation.token]), {"send": "1"})
    assert smtp_server.messages == []


def test_the_resident_signed_in_to_their_own_account_reads_them(client, personas):
    invitation = InvitationFactory(resident=personas["resident"].resident)
    answered_response(invitation)
    client.force_login(personas["resident"])
    assert "Fairly satisfied" in client.get(flow.check_url(invitation.token)).content.decode()


def test_a_code_emailed_to_the_residents_own_address_opens_them(client, smtp_server):  # noqa: F811
    invitation = _sent_with_email()
    code_url = reverse("surveys:answer_code", args=[invitation.token])
    asked = client.post(code_url, {"send": "1"}, follow=True).content.decode()
    assert "We have emailed a code to r•••@example.org." in asked
    (email,) = smtp_server.messages
    assert email["To"] == "rita@example.org"
    code = re.search(r"\b(\d{6})\b", email.get_content()).group(1)
    wrong = "000000" if code != "000000" else "111111"
    refused = client.post(code_url, {"code": wrong}).content.decode()
    assert "That code is not right" in refused
    assert client.post(code_url, {"code": f"{code[:3]} {code[3:]}"}).url == flow.check_url(invitation.token)
    assert "Fairly satisfied" in client.get(flow.check_url(invitation.token)).content.decode()
    # Another browser is still shown only that they were sent; the code worked once.
    other = Client()
    assert "Your answers were sent" in other.get(flow.check_url(invitation.token)).content.decode()
    assert "That code no longer works" in other.post(code_url, {"code": code}).content.decode()


def test_five_wrong_codes_void_the_code_and_three_codes_a_day_is_the_most(client, smtp_server):  # noqa: F811
    invitation = _sent_with_email()
    code_url = reverse("surveys:answer_code", args=[invitation.token])
    client.post(code_url, {"send": "1"})
    code = re.search(r"\b(\d{6})\b", smtp_server.messages[0].get_content()).group(1)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        assert "That code is not right" in client.post(code_url, {"code": wrong}).content.decode()
    assert "That code no longer works" in client.post(code_url, {"code": code}).content.decode()
    client.post(code_url, {"send": "1"})
    client.post(code_url, {"send": "1"})
    refused = client.post(code_url, {"send": "1"}, follow=True).content.decode()
    assert "We have already sent 3 codes today" in refused
    assert len(smtp_server.messages) == 3


def test_without_an_email_address_the_page_says_to_call(client):
    invitation = InvitationFactory()
    answered_response(invitation)
    html = client.get(flow.check_url(invitation.token)).content.decode()
    assert "To see or change them, call Northfield Homes on 0113 496 0000." in html
    assert "Email me a code" not in html


def test_a_copy_goes_only_to_the_residents_own_address_three_a_day_and_is_audited(smtp_server):  # noqa: F811
    invitation = InvitationFactory()
    ContactDetailsFactory(resident=invitation.resident, email="rita@example.org")
    browser = Client()
    flow.sent_from(browser, invitation)
    done = reverse("surveys:answer_done", args=[invitation.token])
    page = browser.get(done).content.decode()
    assert "We can email a copy to the address we hold for you, r•••@example.org." in page
    assert 'name="email"' not in page
    sent = browser.post(done, {"send": "1", "email": "someone@example.net"}, follow=True).content.decode()
    assert "We have sent a copy of your answers to r•••@example.org." in sent
    assert [message["To"] for message in smtp_server.messages] == ["rita@example.org"]
    assert "Fairly satisfied" in smtp_server.messages[0].get_content()
    browser.post(done, {"send": "1"})
    browser.post(done, {"send": "1"})
    refused = browser.post(done, {"send": "1"}, follow=True).content.decode()
    assert "We have already sent copies today" in refused
    assert len(smtp_server.messages) == 3
    entries = AuditEntry.objects.filter(resident=invitation.resident, subject=AuditSubject.SURVEY_ANSWERS)
    assert entries.filter(action=AuditAction.EXPORTED).count() == 3


def test_staff_read_one_residents_link_to_help_them_start_and_it_is_audited(client, personas):
    invitation = InvitationFactory(channel="phone")
    sent = InvitationFactory(survey=invitation.survey, channel="phone")
    answered_response(sent)
    client.force_login(personas["contact_centre_agent"])
    listing = client.get(reverse("surveys:invitations", args=[invitation.survey.pk])).content.decode()
    assert listing.count(">Show link<") == 1
    assert "Not shown: answers sent" in listing
    page = client.post(reverse("surveys:invitation_link", args=[invitation.survey.pk, invitation.pk]))
    assert page.status_code == 200
    assert invitation.token in page.content.decode()
    entry = AuditEntry.objects.get(subject=AuditSubject.SURVEY_LINK)
    assert (entry.user, entry.resident, entry.action) == (
        personas["contact_centre_agent"],
        invitation.resident,
        AuditAction.VIEWED,
    )
    refused = client.post(reverse("surveys:invitation_link", args=[sent.survey.pk, sent.pk]), follow=True)
    assert sent.token not in refused.content.decode()
    assert "has sent their answers, so their link is not shown" in refused.content.decode()
    assert AuditEntry.objects.filter(subject=AuditSubject.SURVEY_LINK).count() == 1
    client.force_login(personas["insight_analyst"])
    assert (
        client.post(reverse("surveys:invitation_link", args=[invitation.survey.pk, invitation.pk])).status_code == 403
    )


def test_the_sweeps_sample_sent_answer_is_on_the_page_its_resident_reads(client, personas):
    """The page sweep looks for SENT_ANSWER in every body: it is there for the resident themselves."""
    from surveys.links import hash_token
    from surveys.models import Invitation
    from tests.pages import SAMPLE_ARGUMENTS, SENT_ANSWER

    token = SAMPLE_ARGUMENTS["surveys:answer_done"](personas)["token"]
    own = personas["resident"].resident
    own.user = None
    own.save()
    resident = Invitation.objects.get(token_hash=hash_token(token)).resident
    resident.user = personas["resident"]
    resident.save()
    client.force_login(personas["resident"])
    assert SENT_ANSWER in client.get(flow.check_url(token)).content.decode()
