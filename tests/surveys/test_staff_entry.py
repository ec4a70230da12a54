"""Paper, phone, interpreted, in-person and BSL responses keyed in by staff."""

import uuid

import pytest
from django.urls import reverse

from surveys.models import Response
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    return tsm_survey()


def form_data(resident, **answers):
    """The form as sent from the confirm step: the resident it found has been shown and confirmed."""
    return {
        "key": str(uuid.uuid4()),
        "key_kind": "property_reference",
        "resident_key": resident.household.home.property_reference,
        "confirmed_resident": str(resident.pk),
        "mode": "phone_interpreter",
        "language": "Polish",
        "received_on": "27/3/2026",
        **{f"q_{code}": value for code, value in answers.items()},
    }


def test_a_phone_interview_through_an_interpreter_records_mode_language_who_and_when(client, personas, survey):
    resident = ResidentFactory()
    client.force_login(personas["contact_centre_agent"])
    response = client.post(
        reverse("surveys:enter", args=[survey.pk]), form_data(resident, TP01="dont_know", TP05="very_satisfied")
    )
    assert response.status_code == 302
    saved = Response.objects.get()
    assert (saved.mode, saved.language, saved.entered_by, saved.resident) == (
        "phone_interpreter",
        "pl",
        personas["contact_centre_agent"],
        resident,
    )
    assert saved.entered_at is not None and saved.is_submitted
    assert str(saved.received_on) == "2026-03-27"
    # "Don't know" said unprompted to TP01 (where it is not offered) is recorded.
    assert {a.question.code: a.value for a in saved.answers.all()} == {"TP01": "dont_know", "TP05": "very_satisfied"}


def test_the_form_offers_an_unprompted_dont_know_where_the_survey_does_not(client, personas, survey):
    client.force_login(personas["housing_officer"])
    page = client.get(reverse("surveys:enter", args=[survey.pk]))
    tp01 = dict(page.context["form"].fields["q_TP01"].choices)
    tp05 = dict(page.context["form"].fields["q_TP05"].choices)
    assert tp01["dont_know"] == "Don't know (said without being offered)"
    assert tp05["dont_know"] == "Don't know / not applicable"
    assert [value for value, _label in page.context["form"].fields["mode"].choices] == [
        "paper",
        "phone",
        "phone_interpreter",
        "in_person",
        "bsl",
    ]


def test_sending_the_same_entry_form_twice_saves_one_response(client, personas, survey):
    client.force_login(personas["housing_officer"])
    data = form_data(ResidentFactory(), TP01="neither")
    client.post(reverse("surveys:enter", args=[survey.pk]), data)
    again = client.post(reverse("surveys:enter", args=[survey.pk]), data, follow=True)
    assert Response.objects.count() == 1
    assert "was already saved" in again.content.decode()


def test_a_second_response_for_the_same_resident_is_refused(client, personas, survey):
    resident = ResidentFactory()
    client.force_login(personas["housing_officer"])
    client.post(reverse("surveys:enter", args=[survey.pk]), form_data(resident, TP01="neither"))
    page = client.post(reverse("surveys:enter", args=[survey.pk]), form_data(resident, TP01="very_satisfied"))
    assert "This resident has already answered this survey" in page.content.decode()
    assert Response.objects.get().answers.get().value == "neither"


def test_answers_the_routing_skips_are_not_stored(client, personas, survey):
    owner = ResidentFactory(household=HouseholdFactory(home=HomeFactory(scheme_type="shared_ownership")))
    client.force_login(personas["housing_officer"])
    client.post(
        reverse("surveys:enter", args=[survey.pk]),
        form_data(owner, TP01="neither", REPAIR_12M="yes", TP02="neither", COMPLAINT_12M="no", TP09="neither"),
    )
    # TP02 (rented homes only) and TP09 (after a complaint) are skipped; the filter question
    # REPAIR_12M is what the resident said, so it is kept (and feeds no measure).
    assert sorted(Response.objects.get().answers.values_list("question__code", flat=True)) == [
        "COMPLAINT_12M",
        "REPAIR_12M",
        "TP01",
    ]


def test_an_unknown_property_reference_is_an_error_on_that_field(client, personas, survey):
    client.force_login(personas["housing_officer"])
    data = {**form_data(ResidentFactory()), "resident_key": "NOPE999"}
    page = client.post(reverse("surveys:enter", args=[survey.pk]), data)
    html = page.content.decode()
    assert "<title>Error: " in html
    assert "No current resident has that property reference" in html
    assert not Response.objects.exists()


def test_residents_and_panel_members_cannot_enter_responses(client, personas, survey):
    for slug in ["resident", "panel_member", "repairs_operative"]:
        client.force_login(personas[slug])
        assert (
            client.post(
                reverse("surveys:enter", args=[survey.pk]), form_data(ResidentFactory(), TP01="neither")
            ).status_code
            == 403
        )
    assert not Response.objects.exists()


def test_a_form_with_no_answers_is_not_saved(client, personas, survey):
    client.force_login(personas["housing_officer"])
    page = client.post(reverse("surveys:enter", args=[survey.pk]), form_data(ResidentFactory()))
    assert "Enter at least one answer" in page.content.decode()
    assert not Response.objects.exists()


# Point 1: the key is what the staff member said it is, and the person found is shown first.


def test_nothing_is_saved_until_the_person_found_is_shown_and_confirmed(client, personas, survey):
    resident = ResidentFactory(
        first_name="Abena",
        last_name="Mensah",
        household=HouseholdFactory(home=HomeFactory(address_line_1="4 Cedar Court", postcode="LS9 7DE")),
    )
    client.force_login(personas["contact_centre_agent"])
    data = form_data(resident, TP01="neither")
    del data["confirmed_resident"]
    page = client.post(reverse("surveys:enter", args=[survey.pk]), data)
    html = page.content.decode()
    assert page.status_code == 200 and not Response.objects.exists()
    assert "Is this the right resident?" in html
    assert "Abena Mensah" in html and "4 Cedar Court" in html and "LS9 7DE" in html
    client.post(reverse("surveys:enter", args=[survey.pk]), {**data, "confirmed_resident": str(resident.pk)})
    assert Response.objects.get().resident == resident


def test_a_confirmation_for_another_person_is_asked_again(client, personas, survey):
    first, second = ResidentFactory(), ResidentFactory()
    client.force_login(personas["contact_centre_agent"])
    data = {**form_data(second, TP01="neither"), "confirmed_resident": str(first.pk)}
    page = client.post(reverse("surveys:enter", args=[survey.pk]), data)
    assert "Is this the right resident?" in page.content.decode()
    assert not Response.objects.exists()


def test_a_numeric_property_reference_finds_the_home_not_a_resident_number(client, personas, survey):
    in_home = ResidentFactory(household=HouseholdFactory(home=HomeFactory(property_reference="100001")))
    other = ResidentFactory()
    client.force_login(personas["contact_centre_agent"])
    data = {**form_data(in_home, TP01="neither"), "resident_key": str(other.pk)}
    del data["confirmed_resident"]
    page = client.post(reverse("surveys:enter", args=[survey.pk]), data)
    assert "No current resident has that property reference" in page.content.decode()
    data = {**data, "resident_key": "100001"}
    page = client.post(reverse("surveys:enter", args=[survey.pk]), data)
    assert page.context["found"] == in_home
    data = {**data, "key_kind": "resident_number", "resident_key": str(other.pk)}
    assert client.post(reverse("surveys:enter", args=[survey.pk]), data).context["found"] == other


def test_a_resident_reference_finds_that_person(client, personas, survey):
    partner = ResidentFactory(reference="P-77", is_lead_tenant=False)
    client.force_login(personas["contact_centre_agent"])
    data = {**form_data(partner, TP01="neither"), "key_kind": "resident_reference", "resident_key": "P-77"}
    client.post(reverse("surveys:enter", args=[survey.pk]), data)
    assert Response.objects.get().resident == partner


# Point 2: the date the answers were given is checked as an import checks it.


def test_a_future_date_or_one_outside_fieldwork_is_an_error_on_that_field(client, personas, survey):
    from datetime import date, timedelta

    survey.fieldwork_starts_on, survey.fieldwork_ends_on = date(2026, 1, 1), date(2026, 3, 31)
    survey.save()
    client.force_login(personas["contact_centre_agent"])
    tomorrow = date.today() + timedelta(days=1)
    for given, message in [
        (f"{tomorrow:%d/%m/%Y}", f"{tomorrow:%d/%m/%Y} is in the future."),
        ("15/04/2025", "15/04/2025 is outside the survey&#x27;s fieldwork dates (01/01/2026 to 31/03/2026)."),
    ]:
        data = {**form_data(ResidentFactory(), TP01="neither"), "received_on": given}
        page = client.post(reverse("surveys:enter", args=[survey.pk]), data)
        assert message in page.content.decode()
    assert not Response.objects.exists()


def test_administrators_set_a_surveys_fieldwork_dates(client, personas, survey):
    client.force_login(personas["administrator"])
    page = client.get(reverse("admin:surveys_survey_change", args=[survey.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "Fieldwork starts" in html and "Fieldwork ends" in html
