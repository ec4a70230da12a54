"""Email, mobile and landline on each resident: checked, stored in one format, with source and date."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from engagement import contact_details
from engagement.models import ContactDetails, Resident
from tests.engagement.factories import ContactDetailsFactory, ResidentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("07700 900123", "+447700900123"), ("+44 7911 123456", "+447911123456"), ("(07911)123-456", "+447911123456")],
)
def test_mobiles_are_stored_in_e164(typed, stored):
    assert contact_details.mobile_number(typed) == stored


@pytest.mark.parametrize("typed", ["0113 496 0000", "12345", "07700 901123", "not a number"])
def test_what_is_not_a_uk_mobile_is_refused(typed):
    with pytest.raises(ValidationError):
        contact_details.mobile_number(typed)


def test_landlines_and_emails():
    assert contact_details.landline_number("0113 496 0000") == "+441134960000"
    assert contact_details.email_address(" Ada.Lovelace@Example.ORG ") == "Ada.Lovelace@example.org"
    with pytest.raises(ValidationError):
        contact_details.landline_number("07700 900123")
    with pytest.raises(ValidationError):
        contact_details.email_address("ada@")


def test_an_officer_records_details_with_where_they_came_from_and_today_as_confirmed(client, personas):
    resident = ResidentFactory()
    client.force_login(personas["housing_officer"])
    url = reverse("contact_details_edit", args=[resident.pk])
    response = client.post(
        url,
        {
            "email": "ada@example.org",
            "email_source": "staff",
            "mobile_phone": "07700 900 982",
            "mobile_source": "representative",
            "landline_phone": "",
            "landline_source": "",
            "language": "en-gb",
        },
    )
    assert response.status_code == 302
    details = ContactDetails.objects.get(resident=resident)
    assert (details.email, details.email_source, details.email_confirmed_on) == (
        "ada@example.org",
        "staff",
        timezone.localdate(),
    )
    assert (details.mobile_phone, details.mobile_source) == ("+447700900982", "representative")
    assert (details.landline_phone, details.landline_confirmed_on, details.language) == ("", None, "en-gb")
    page = client.get(reverse("resident_detail", args=[resident.pk])).content.decode()
    assert "07700 900982" in page and "ada@example.org" in page


def test_a_new_detail_needs_its_source_and_a_bad_number_is_explained(client, personas):
    resident = ResidentFactory()
    client.force_login(personas["contact_centre_agent"])
    response = client.post(
        reverse("contact_details_edit", args=[resident.pk]),
        {"email": "ada@example.org", "email_source": "", "mobile_phone": "0113 496 0000", "language": "en-gb"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Say where this came from" in page
    assert "Enter a mobile number (it starts 07)" in page
    assert not ContactDetails.objects.filter(resident=resident).exists()


def test_a_resident_changes_their_own_details_and_nobody_else_s(client, personas):
    own = Resident.objects.get(user=personas["resident"])
    ContactDetailsFactory(resident=own, email="old@example.org", email_confirmed_on=date(2024, 1, 1))
    other = ContactDetailsFactory(email="other@example.org")
    client.force_login(personas["resident"])
    response = client.post(
        reverse("my_contact_details"),
        {"email": "rita@example.org", "mobile_phone": "", "landline_phone": "0113 496 0001", "language": "en-gb"},
    )
    assert response.status_code == 302
    own.contact_details.refresh_from_db()
    details = own.contact_details
    assert (details.email, details.email_source, details.email_confirmed_on) == (
        "rita@example.org",
        "resident",
        timezone.localdate(),
    )
    assert (details.mobile_phone, details.landline_phone) == ("", "+441134960001")
    other.refresh_from_db()
    assert other.email == "other@example.org"
    assert client.get(reverse("contact_details_edit", args=[other.resident_id])).status_code == 403


def test_a_resident_chooses_polish_and_their_home_page_is_in_polish(client, personas):
    """Issue 27: the languages offered for emails, texts and letters are those the interface is
    complete in (English and Polish today, not Welsh), and the resident's home follows the choice."""
    own = Resident.objects.get(user=personas["resident"])
    client.force_login(personas["resident"])
    form = client.get(reverse("my_contact_details")).content.decode()
    assert '<option value="pl">Polski</option>' in form
    assert 'value="cy"' not in form
    response = client.post(
        reverse("my_contact_details"), {"email": "", "mobile_phone": "", "landline_phone": "", "language": "pl"}
    )
    assert response.status_code == 302
    assert ContactDetails.objects.get(resident=own).language == "pl"
    home = client.get(reverse("home")).content.decode()
    assert '<html lang="pl" class="govuk-template">' in home
    assert "Co możesz tutaj zrobić" in home
    assert "Strona główna" in home  # the navigation too
    assert "What you can do here" not in home
