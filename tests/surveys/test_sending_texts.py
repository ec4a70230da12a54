"""Texts go through GOV.UK Notify's own client to a local stand-in of its API; without a key they wait."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from surveys import sending, services
from surveys.models import Delivery, DeliveryStatus
from tests.engagement.factories import reachable_resident
from tests.helpers.surveys import invite
from tests.surveys.delivery_helpers import SERVICE_ID, TEMPLATE_ID
from tests.surveys.factories import translate_survey, tsm_survey

pytestmark = pytest.mark.django_db


def test_a_text_is_sent_through_notify_with_the_template_and_personalisation(notify, jobs_in_process):
    survey = tsm_survey()
    resident = reachable_resident(channels=["text"], details={"mobile_phone": "+447700900123"})
    invitation = invite(survey, resident)[resident.pk]
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)

    assert len(notify.received) == 1
    request = notify.received[0]
    assert request["authorization"].startswith("Bearer ")
    assert request["phone_number"] == "+447700900123"
    assert request["template_id"] == TEMPLATE_ID
    assert request["personalisation"] == {
        "name": resident.full_name,
        "survey": survey.title_in("en-gb"),
        "link": services.invitation_link(invitation),
        "phone": "0113 496 0000",
        "message": f"{resident.full_name}, please tell Northfield Homes what you think about "
        f"{survey.title_in('en-gb')}: {services.invitation_link(invitation)} "
        "Questions or another format: call 0113 496 0000.",
    }
    delivery = invitation.deliveries.get()
    assert request["reference"] == f"delivery-{delivery.pk}"
    assert (delivery.status, delivery.provider_reference) == (DeliveryStatus.SENT, request["id"])


def test_notify_refusing_the_key_fails_the_text_without_retrying(notify, jobs_in_process, settings):
    settings.NOTIFY_API_KEY = f"wrong-{SERVICE_ID}-00000000-0000-0000-0000-000000000000"
    survey = tsm_survey()
    resident = reachable_resident(channels=["text"])
    invitation = invite(survey, resident)[resident.pk]
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    delivery = invitation.deliveries.get()
    assert notify.received == []
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1)
    assert "403" in delivery.detail


def test_without_a_notify_key_texts_wait_and_are_sent_once_a_key_is_set(notify, jobs_in_process, settings):
    key = settings.NOTIFY_API_KEY
    settings.NOTIFY_API_KEY = ""
    survey = tsm_survey()
    resident = reachable_resident(channels=["text"])
    invitation = invite(survey, resident)[resident.pk]
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    delivery = invitation.deliveries.get()
    assert delivery.status == DeliveryStatus.WAITING
    assert notify.received == []
    settings.NOTIFY_API_KEY = key
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    assert len(notify.received) == 1


def test_delivery_is_followed_up_by_asking_notify(notify, jobs_in_process):
    survey = tsm_survey()
    resident = reachable_resident(channels=["text"])
    invitation = invite(survey, resident)[resident.pk]
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    delivery = invitation.deliveries.get()
    Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now() - timedelta(minutes=10))
    notify.statuses[delivery.provider_reference] = "delivered"
    assert sending.deliveries_check() == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED


def receipt(client, token, **body):
    return client.post(
        reverse("surveys:notify_receipt"),
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"} if token else {},
    )


def test_notify_s_signed_callback_marks_a_text_delivered_or_bounced_and_a_forged_one_changes_nothing(client, settings):
    settings.NOTIFY_CALLBACK_TOKEN = "callback-token-of-at-least-ten-characters"
    survey = tsm_survey()
    first, second = reachable_resident(channels=["text"]), reachable_resident(channels=["text"])
    invitations = invite(survey, first, second)
    delivered = Delivery.objects.create(
        invitation=invitations[first.pk], channel="text", status="sent", provider_reference="a1"
    )
    bounced = Delivery.objects.create(
        invitation=invitations[second.pk], channel="text", status="sent", provider_reference="b2"
    )

    assert receipt(client, "forged", id="a1", status="delivered").status_code == 403
    assert receipt(client, None, id="a1", status="delivered").status_code == 403
    delivered.refresh_from_db()
    assert delivered.status == DeliveryStatus.SENT

    assert receipt(client, settings.NOTIFY_CALLBACK_TOKEN, id="a1", status="delivered").status_code == 204
    assert receipt(client, settings.NOTIFY_CALLBACK_TOKEN, id="b2", status="permanent-failure").status_code == 204
    delivered.refresh_from_db()
    bounced.refresh_from_db()
    assert (delivered.status, bounced.status) == (DeliveryStatus.DELIVERED, DeliveryStatus.BOUNCED)


def test_with_no_callback_token_set_every_callback_is_refused(client, settings):
    settings.NOTIFY_CALLBACK_TOKEN = ""
    assert receipt(client, "", id="a1", status="delivered").status_code == 403


def test_a_polish_speakers_text_is_in_polish_when_the_survey_is_offered_in_polish(notify, jobs_in_process):
    """Issue 27: the whole text (personalisation "message", for a template of just ((message))) comes
    from the catalogue in the resident's language."""
    survey = translate_survey(tsm_survey(), "pl")
    resident = reachable_resident(channels=["text"], details={"mobile_phone": "+447700900124", "language": "pl"})
    invitation = invite(survey, resident)[resident.pk]
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    sent = notify.received[0]["personalisation"]
    assert sent["survey"] == survey.title_in("pl")
    assert sent["message"] == (
        f"{resident.full_name}, powiedz Northfield Homes, co myślisz (ankieta: {survey.title_in('pl')}): "
        f"{services.invitation_link(invitation)} Pytania lub inny format: zadzwoń pod numer 0113 496 0000."
    )
