"""Issue 24, item 7: a survey title becomes an email subject, so it is one line (form, model and
translation), and a delivery that fails for a reason that will not change is marked failed with
the reason, never left "sending". Email goes to the real SMTP server the tests start."""

import polib
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from engagement.models import ContactDetails
from surveys import sending, services, translations
from surveys.models import DeliveryStatus, Invitation, Survey
from tests.engagement.factories import reachable_resident
from tests.surveys.factories import draft_survey, tsm_survey

pytestmark = pytest.mark.django_db
ONE_LINE = "Write this on one line, without line breaks: it is used as the subject of emails."


@pytest.mark.parametrize("title", ["Your home\nBcc: everyone@example.org", "Your home\r\nsurvey", "Home\u2028survey"])
def test_the_builder_refuses_a_title_with_a_line_break(client, personas, title):
    client.force_login(personas["administrator"])
    data = {"title": title, "purpose": "Why we ask", "kind": "pulse", "minutes_to_complete": "5"}
    response = client.post(reverse("surveys:new"), data)
    assert response.status_code == 200
    assert ONE_LINE in response.content.decode()
    assert not Survey.objects.filter(title=title).exists()


def test_the_model_refuses_a_title_with_a_line_break():
    survey = tsm_survey()
    survey.title = "Tenant satisfaction\nsurvey"
    with pytest.raises(ValidationError) as refused:
        survey.full_clean()
    assert refused.value.message_dict["title"] == [ONE_LINE]


def test_a_translated_title_with_a_line_break_is_refused(client, personas):
    client.force_login(personas["administrator"])
    survey = draft_survey()
    download = client.get(reverse("surveys:translation_file", args=[survey.pk, "pl"]))
    po = polib.pofile(download.content.decode())
    for entry in po:
        entry.msgstr = "Ankieta\nBcc: x@example.org" if entry.msgctxt == "survey.title" else "PL " + entry.msgid
    upload = SimpleUploadedFile("survey.po", str(po).encode())
    page = client.post(reverse("surveys:translations", args=[survey.pk]), {"language": "pl", "po_file": upload})
    assert "The translation of survey.title must be on one line" in page.content.decode()
    assert translations.completeness(survey, survey.versions.get(), "pl")[0] == 0


def _send_one(survey, resident, jobs_in_process):
    services.invitations_create(survey=survey, residents=[resident])
    invitation = Invitation.objects.get(survey=survey, resident=resident)
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
    return invitation.deliveries.get()


def test_a_title_saved_with_a_line_break_before_the_rule_fails_the_delivery_with_the_reason(
    smtp_server, jobs_in_process
):
    survey = tsm_survey()
    Survey.objects.filter(pk=survey.pk).update(title="Tenant satisfaction\nsurvey")  # held from before the rule
    delivery = _send_one(survey, reachable_resident(channels=["email"]), jobs_in_process)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.detail.startswith("Not sent: the message could not be made (Header values can't contain newlines")
    assert delivery.attempts == 1
    assert smtp_server.messages == []


def test_an_address_django_cannot_use_fails_the_delivery_with_the_reason(smtp_server, jobs_in_process):
    survey = tsm_survey()
    resident = reachable_resident(channels=["email"], details={"email": "ada@example.org"})
    ContactDetails.objects.filter(resident=resident).update(email="ada@example.org\nBcc: all@example.org")
    delivery = _send_one(survey, resident, jobs_in_process)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.detail.startswith("Not sent: the message could not be made (")
    assert smtp_server.messages == []
