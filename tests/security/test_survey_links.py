"""Personal survey links: only a hash is stored, links can be printed again, wrong guesses are limited."""

import csv
import hashlib
import io

import pytest
from django.db import connection
from django.urls import reverse

from surveys.models import Invitation
from tests.surveys.factories import InvitationFactory, answered_response, tsm_survey
from tests.surveys.flow import start_url

pytestmark = pytest.mark.django_db


def test_the_database_holds_a_hash_of_the_link_never_the_link(client):
    invitation = InvitationFactory()
    token = invitation.token
    assert len(token) == 43
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM surveys_invitation WHERE id = %s", [invitation.pk])
        stored_row = [str(value) for value in cursor.fetchone()]
    assert not any(token in value for value in stored_row)
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert client.get(start_url(token)).status_code == 200


def test_the_hash_alone_opens_nothing(client):
    invitation = InvitationFactory()
    assert client.get(start_url(invitation.token_hash)).status_code == 404
    assert client.get(start_url(invitation.token_nonce)).status_code == 404


def test_invitations_made_in_bulk_get_working_links_too(client, personas):
    from surveys.services import invitations_create
    from tests.engagement.factories import ResidentFactory

    created = invitations_create(survey=tsm_survey(), residents=[ResidentFactory(), ResidentFactory()])
    assert len(created) == 2
    for invitation in Invitation.objects.filter(pk__in=[i.pk for i in created]):
        assert client.get(start_url(invitation.token)).status_code == 200


def test_no_send_list_carries_a_survey_link(client, personas):
    """The lists go to staff; a link in them would let staff answer, or read, as the resident."""
    survey = tsm_survey()
    for channel in ["email", "text", "letter", "phone", "in_person"]:
        answered_response(InvitationFactory(survey=survey, channel=channel))
        InvitationFactory(survey=survey, channel=channel)
    client.force_login(personas["administrator"])
    for name in ["online", "letters", "calls", "visits"]:
        download = client.get(reverse("surveys:send_list_csv", args=[survey.pk, name]))
        assert download.status_code == 200, download.content
        rows = list(csv.DictReader(io.StringIO(download.content.decode())))
        assert len(rows) == (4 if name == "online" else 2)
        assert "link" not in rows[0]
        assert "/surveys/answer/" not in download.content.decode()


def test_links_survive_a_key_rotation_with_the_old_key_kept_as_a_fallback(client, settings):
    invitation = InvitationFactory()
    token = invitation.token
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-secret-key-for-the-rotation-test-5f1c0e9a7b3d2c4e6f8a0b1c"
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert Invitation.objects.get(pk=invitation.pk).token == token
    settings.SECRET_KEY_FALLBACKS = []
    # Without the old key the link cannot be printed again, but the resident's copy still works.
    assert Invitation.objects.get(pk=invitation.pk).token is None
    assert client.get(start_url(token)).status_code == 200


def test_wrong_links_from_one_address_are_limited_and_the_page_says_what_to_do(client, settings):
    assert settings.SURVEY_LINK_ATTEMPTS == 20
    invitation = InvitationFactory()
    for attempt in range(20):
        assert client.get(start_url(f"guess-{attempt}")).status_code == 404
    blocked = client.get(start_url(invitation.token))
    assert blocked.status_code == 429
    text = blocked.content.decode()
    assert "Too many tries" in text
    assert "paused here for 10 minutes" in text
    assert "contact Northfield Homes" in text
    # Another address is not affected, and neither are the other link pages' real owners elsewhere.
    assert client.get(start_url(invitation.token), REMOTE_ADDR="192.0.2.44").status_code == 200
    check = reverse("surveys:answer_check", args=[invitation.token])
    assert client.get(check).status_code == 429


def test_right_links_do_not_count_towards_the_limit(client):
    invitation = InvitationFactory()
    for _ in range(25):
        assert client.get(start_url(invitation.token)).status_code == 200
