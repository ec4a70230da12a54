"""Who may invite: analysts and administrators a whole survey; an officer or agent the resident they are with."""

import pytest
from django.urls import reverse

from surveys import services
from surveys.models import Delivery, Invitation
from tests.engagement.factories import reachable_resident
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.django_db


def test_an_officer_invites_the_resident_they_are_with_by_their_preference(client, personas, jobs_in_process):
    survey = tsm_survey()
    resident = reachable_resident(channels=["email", "letter"])
    client.force_login(personas["housing_officer"])
    page = client.get(reverse("resident_detail", args=[resident.pk])).content.decode()
    assert "Invite them to a survey" in page
    with jobs_in_process(execute=True):
        response = client.post(
            reverse("surveys:invite_resident", args=[resident.pk]), {"survey": survey.pk}, follow=True
        )
    assert "Invited by email." in response.content.decode()
    invitation = Invitation.objects.get(survey=survey, resident=resident)
    assert invitation.channel == "email"
    assert Delivery.objects.get(invitation=invitation).status == "sent"
    again = client.post(reverse("surveys:invite_resident", args=[resident.pk]), {"survey": survey.pk}, follow=True)
    assert "Already invited, by email." in again.content.decode()
    assert Invitation.objects.filter(survey=survey).count() == 1


def test_analysts_send_a_whole_survey_s_invitations_from_its_page(client, personas, jobs_in_process):
    survey = tsm_survey()
    services.invitations_create(
        survey=survey,
        residents=[reachable_resident(channels=["email"]), reachable_resident(channels=["letter"])],
    )
    client.force_login(personas["insight_analyst"])
    with jobs_in_process(execute=True):
        response = client.post(reverse("surveys:send_invitations", args=[survey.pk]), follow=True)
    page = response.content.decode()
    assert "Email: 1 to send" in page and "Letter: 1 for the print pack" in page
    # Queued is not sent: the email's job runs after this page; the letter waits for the print pack.
    assert "2 invitations by email, text or letter not sent yet." in page
    assert "2 residents invited have not answered." in page
    pdf = client.post(reverse("surveys:print_pack", args=[survey.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    # Printed is not posted: the letter counts as sent once the pack is marked posted.
    page = client.get(reverse("surveys:invitations", args=[survey.pk])).content.decode()
    assert "1 invitation by email, text or letter not sent yet." in page and "Printed, not posted yet" in page
    batch = survey.print_batches.get()
    page = client.post(reverse("surveys:print_batch_posted", args=[survey.pk, batch.pk]), follow=True).content.decode()
    assert "1 letters marked posted." in page
    assert "0 invitations by email, text or letter not sent yet." in page
    client.force_login(personas["housing_officer"])
    assert client.post(reverse("surveys:send_invitations", args=[survey.pk])).status_code == 403


def test_the_invite_a_resident_page_has_one_form_not_one_inside_another(client, personas):
    """Issue 27: the form helper drew its own <form> inside the page's (W3C: 8 errors)."""
    from tests.security.sweep import parse_html

    tsm_survey()
    client.force_login(personas["contact_centre_agent"])
    page = client.get(reverse("surveys:invite_resident", args=[reachable_resident(channels=["email"]).pk]))
    html = page.content.decode()
    assert "Invite them" in html and parse_html(html).nested_forms == 0
