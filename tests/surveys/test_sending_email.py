"""Email invitations go through a real SMTP server, each one exactly once, retried when it is busy."""

import pytest
from django.core.management import call_command

from surveys import sending, services
from surveys.models import Delivery, DeliveryStatus
from surveys.tasks import send_delivery
from tests.engagement.factories import reachable_resident
from tests.helpers.surveys import invite
from tests.surveys.factories import answered_response, translate_survey, tsm_survey

pytestmark = pytest.mark.django_db


def test_the_email_has_plain_text_and_html_parts_with_the_personal_link_phone_and_other_formats(
    smtp_server, jobs_in_process
):
    survey = tsm_survey()
    resident = reachable_resident(channels=["email"], details={"email": "ada@example.org"})
    invitation = invite(survey, resident)[resident.pk]
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)

    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    link = services.invitation_link(invitation)
    assert message["To"] == "ada@example.org"
    assert message["From"] == "surveys@northfieldhomes.example"
    assert message["Subject"] == survey.title_in("en-gb")
    assert message["Content-Language"] == "en-gb"
    assert message["X-Delivery-Reference"] == f"delivery-{invitation.deliveries.get().pk}"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert f"Dear {resident.full_name}," in text
    assert link in text and f'href="{link}"' in html
    assert "0113 496 0000" in text and "0113 496 0000" in html
    assert "large print, Braille" in text and "easy read" not in text.lower()
    delivery = invitation.deliveries.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 1)
    invitation.refresh_from_db()
    assert invitation.sent_at is not None


def test_a_polish_speaker_gets_it_in_polish_when_the_survey_and_the_interface_are_complete_in_polish(
    smtp_server, jobs_in_process
):
    survey = translate_survey(tsm_survey(), "pl")
    resident = reachable_resident(channels=["email"], details={"language": "pl"})
    invite(survey, resident)
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    message = smtp_server.messages[0]
    assert message["Content-Language"] == "pl"
    assert message["Subject"] == survey.title_in("pl")
    text = message.get_body(("plain",)).get_content()
    assert text.startswith("Dzień dobry, ")
    assert "Odpowiedz tutaj (link jest tylko dla Ciebie):" in text
    assert "Answer here" not in text


def test_a_welsh_speaker_gets_it_in_english_while_welsh_is_not_complete(smtp_server, jobs_in_process):
    """Issue 27: a language is used only when the survey's text and the interface are complete in it:
    the Welsh interface catalogue is not, so a half-Welsh email is not sent."""
    survey = translate_survey(tsm_survey(), "cy")
    resident = reachable_resident(channels=["email"], details={"language": "cy"})
    invite(survey, resident)
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    assert smtp_server.messages[0]["Content-Language"] == "en-gb"
    assert smtp_server.messages[0]["Subject"] == survey.title_in("en-gb")


def test_a_busy_mail_server_is_tried_again_and_the_email_arrives_exactly_once(smtp_server, jobs_in_process):
    survey = tsm_survey()
    resident = reachable_resident(channels=["email"])
    invitation = invite(survey, resident)[resident.pk]
    smtp_server.refuse_next = 2
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    assert len(smtp_server.messages) == 1
    delivery = invitation.deliveries.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 3)


def test_after_the_last_retry_it_is_marked_failed_with_the_reason(smtp_server, jobs_in_process, settings):
    settings.SURVEY_SEND_RETRIES = 1
    survey = tsm_survey()
    resident = reachable_resident(channels=["email"])
    invitation = invite(survey, resident)[resident.pk]
    smtp_server.refuse_next = 5
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    delivery = invitation.deliveries.get()
    assert smtp_server.messages == []
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 2)
    assert "421" in delivery.detail


def test_an_address_the_server_refuses_is_bounced_and_not_retried(smtp_server, jobs_in_process):
    survey = tsm_survey()
    resident = reachable_resident(channels=["email"], details={"email": "nobody@example.org"})
    invitation = invite(survey, resident)[resident.pk]
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    delivery = invitation.deliveries.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.BOUNCED, 1)
    assert "550" in delivery.detail


def test_queueing_twice_and_running_each_job_twice_sends_each_email_once(smtp_server, jobs_in_process):
    survey = tsm_survey()
    residents = [reachable_resident(channels=["email"]) for _ in range(3)]
    invite(survey, *residents)
    with jobs_in_process(execute=False) as queued:
        sending.invitations_queue(survey=survey)
        sending.invitations_queue(survey=survey)
    for callback in queued * 2:  # every job the two runs queued, each delivered twice by the broker
        callback()
    for delivery in Delivery.objects.all():
        send_delivery.apply(args=[delivery.pk])
    assert sorted(m["To"] for m in smtp_server.messages) == sorted(r.contact_details.email for r in residents)
    assert set(Delivery.objects.values_list("status", "attempts")) == {(DeliveryStatus.SENT, 1)}


def test_a_worker_killed_mid_send_leaves_its_invitation_unsent_rather_than_sent_twice(smtp_server, jobs_in_process):
    survey = tsm_survey()
    first, second = reachable_resident(channels=["email"]), reachable_resident(channels=["email"])
    invite(survey, first, second)
    with jobs_in_process(execute=False):
        sending.invitations_queue(survey=survey)
    # The worker claimed the first delivery, then died before hearing back from the mail server.
    killed = Delivery.objects.get(invitation__resident=first)
    Delivery.objects.filter(pk=killed.pk).update(status=DeliveryStatus.SENDING, attempts=1)
    # The broker hands both jobs to another worker.
    for delivery in Delivery.objects.all():
        send_delivery.apply(args=[delivery.pk])
    assert [m["To"] for m in smtp_server.messages] == [second.contact_details.email]
    killed.refresh_from_db()
    assert killed.status == DeliveryStatus.SENDING


def test_nobody_who_has_answered_is_sent_an_invitation(smtp_server, jobs_in_process):
    survey = tsm_survey()
    answered, waiting = reachable_resident(channels=["email"]), reachable_resident(channels=["email"])
    invitations = invite(survey, answered, waiting)
    answered_response(invitations[answered.pk])
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    assert [m["To"] for m in smtp_server.messages] == [waiting.contact_details.email]


def test_send_invitations_prints_how_many_per_channel(smtp_server, jobs_in_process, capsys):
    survey = tsm_survey()
    invite(
        survey,
        reachable_resident(channels=["email"]),
        reachable_resident(channels=["email"]),
        reachable_resident(channels=["text"]),
        reachable_resident(channels=["letter"]),
        reachable_resident(channels=["phone"], details={"landline_phone": "+441134960123"}),
        reachable_resident(channels=["in_person"]),
    )
    with jobs_in_process(execute=True):
        call_command("send_invitations", str(survey.pk))
    out = capsys.readouterr().out
    assert "Email: 2 to send" in out
    assert "Text message: 1 waiting. No text-message provider is set up: NOTIFY_API_KEY is not set." in out
    assert "Letter: 1 for the print pack" in out
    assert "Phone call: 1 on the call list" in out
    assert "In person: 1 on the visit list" in out
    assert len(smtp_server.messages) == 2
    assert Delivery.objects.get(channel="text").status == DeliveryStatus.WAITING


def test_an_email_queued_before_they_answered_is_not_sent_after(smtp_server, jobs_in_process):
    survey = tsm_survey()
    resident = reachable_resident(channels=["email"])
    invitation = invite(survey, resident)[resident.pk]
    with jobs_in_process(execute=False) as queued:
        sending.invitations_queue(survey=survey)
    answered_response(invitation)
    for job in queued:
        job()
    delivery = invitation.deliveries.get()
    assert smtp_server.messages == []
    assert (delivery.status, delivery.detail) == (DeliveryStatus.FAILED, "Not sent: they had answered already.")
