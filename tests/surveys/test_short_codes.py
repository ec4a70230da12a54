"""The short code on a letter: typed from paper, in any case, at the short address, it opens the
resident's own survey link; a wrong code opens nothing and counts with unknown links."""

import pytest
from django.urls import reverse

from surveys.short_codes import ALPHABET, invitation_for, short_address, short_code
from tests.surveys.factories import InvitationFactory

pytestmark = pytest.mark.django_db

ADDRESS = "192.0.2.77"


def test_a_code_has_no_ambiguous_characters_and_reads_back_however_it_is_typed():
    first, second = InvitationFactory(), InvitationFactory()
    code = short_code(first)
    assert len(code) == 11 and code[5] == "-"
    assert set(code.replace("-", "")) <= set(ALPHABET)
    assert not set(code) & set("ILOU")
    assert short_code(second) != code
    typed = f"  {code.lower().replace('-', ' ')} "
    assert invitation_for(typed) == first
    assert invitation_for(code.replace("-", "").replace("1", "l").replace("0", "o")) == first
    for position in range(len(code)):  # any one character wrong matches nobody
        if code[position] == "-":
            continue
        wrong = ALPHABET[(ALPHABET.index(code[position]) + 1) % 32]
        assert invitation_for(code[:position] + wrong + code[position + 1 :]) is None
    assert invitation_for("") is None and invitation_for("!!!!!-?????") is None


def test_a_code_stops_working_when_the_key_that_made_it_is_gone(settings):
    invitation = InvitationFactory()
    code = short_code(invitation)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-secret-key-for-the-short-code-test-0f9e8d7c6b5a4f3e2d1c0b"
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert invitation_for(code) == invitation
    settings.SECRET_KEY_FALLBACKS = []
    assert invitation_for(code) is None


def test_the_short_address_takes_the_code_to_the_residents_own_link(client):
    invitation = InvitationFactory()
    assert short_address() == "localhost:8000/code"
    page = client.get(reverse("survey_code"), REMOTE_ADDR=ADDRESS)
    assert page.status_code == 200
    assert "Enter the code from your letter" in page.content.decode()
    opened = client.post(reverse("survey_code"), {"code": short_code(invitation).lower()}, REMOTE_ADDR=ADDRESS)
    assert opened.status_code == 302
    assert opened.url == reverse("surveys:answer_start", args=[invitation.token])


def test_wrong_codes_count_with_unknown_links_and_are_limited(client, settings):
    settings.SURVEY_LINK_ATTEMPTS = 3
    invitation = InvitationFactory()
    code = short_code(invitation)
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    refused = client.post(reverse("survey_code"), {"code": wrong}, REMOTE_ADDR=ADDRESS)
    assert refused.status_code == 200
    assert "That code is not right. Check the code on your letter and type it again" in refused.content.decode()
    empty = client.post(reverse("survey_code"), {"code": ""}, REMOTE_ADDR=ADDRESS)
    assert "Enter the code from your letter" in empty.content.decode()  # not a try: nothing was typed
    client.post(reverse("survey_code"), {"code": wrong}, REMOTE_ADDR=ADDRESS)
    assert client.get(reverse("surveys:answer_start", args=["guess"]), REMOTE_ADDR=ADDRESS).status_code == 404
    # Three misses (two codes, one link): even the right code now waits, here and on the link pages.
    blocked = client.post(reverse("survey_code"), {"code": code}, REMOTE_ADDR=ADDRESS)
    assert blocked.status_code == 429
    assert "survey links and codes are paused here for 10 minutes" in blocked.content.decode()
    assert client.get(reverse("surveys:answer_start", args=[invitation.token]), REMOTE_ADDR=ADDRESS).status_code == 429
    # Another address is not affected.
    assert client.post(reverse("survey_code"), {"code": code}, REMOTE_ADDR="192.0.2.78").status_code == 302
