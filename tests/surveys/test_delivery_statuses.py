"""Statuses say what happened (issue 27): an email is sent only when a real mail server took it; calls
and visits are on their lists, counted apart from the emails, texts and letters not sent yet."""

import pytest
from django.urls import reverse

from surveys import sending, services
from surveys.models import Delivery, DeliveryStatus, Invitation
from surveys.selectors import delivery_counts
from tests.engagement.factories import reachable_resident
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.django_db


def test_without_a_mail_server_an_email_printed_to_the_console_is_not_marked_sent(
    settings, jobs_in_process, mailoutbox
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    survey = tsm_survey()
    services.invitations_create(survey=survey, residents=[reachable_resident(channels=["email"])])
    with jobs_in_process(execute=True):
        counts = sending.invitations_queue(survey=survey)
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.WAITING and delivery.sent_at is None
    assert Invitation.objects.get().sent_at is None
    assert any("No mail server is set up (EMAIL_HOST)" in line for line in sending.describe(counts))
    assert delivery_counts(survey)["not_sent"] == 1
    # Once a mail server is set up, the next run sends it, and only then is it sent.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT and len(mailoutbox) == 1


def test_calls_and_visits_are_on_their_lists_and_counted_apart_from_unsent_emails(client, personas, jobs_in_process):
    survey = tsm_survey()
    services.invitations_create(
        survey=survey,
        residents=[
            reachable_resident(channels=["phone"]),
            reachable_resident(channels=["phone"]),
            reachable_resident(channels=["in_person"]),
            reachable_resident(channels=["letter"]),
        ],
    )
    counts = delivery_counts(survey)
    assert (counts["not_sent"], counts["to_call"], counts["to_visit"], counts["not_answered"]) == (1, 2, 1, 4)
    with jobs_in_process(execute=True):
        outstanding = sending.invitations_queue(survey=survey)
    assert sorted(Delivery.objects.values_list("channel", "status")) == [
        ("in_person", "to_visit"),
        ("letter", "queued"),
        ("phone", "to_call"),
        ("phone", "to_call"),
    ]
    assert "Phone call: 2 on the call list" in sending.describe(outstanding)
    client.force_login(personas["insight_analyst"])
    page = client.get(reverse("surveys:invitations", args=[survey.pk])).content.decode()
    assert "1 invitation by email, text or letter not sent yet." in page
    assert "2 residents on the call list have not answered." in page
    assert "1 resident on the visit list has not answered." in page
    assert page.split("Each resident invited")[1].count(">Queued<") == 1  # the letter; no call or visit
