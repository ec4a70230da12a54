"""Paper, phone, interpreted, in-person and BSL responses keyed in by staff."""

import uuid

import pytest
from django.urls import reverse

from surveys.models import Response
from tests.factories import HomeFactory, HouseholdFactory, ResidentFactory, tsm_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    return tsm_survey()


def form_data(resident, **answers):
    return {
        "key": str(uuid.uuid4()),
        "resident_reference": resident.household.home.property_reference,
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
        "Polish",
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
    assert sorted(Response.objects.get().answers.values_list("question__code", flat=True)) == ["COMPLAINT_12M", "TP01"]


def test_an_unknown_property_reference_is_an_error_on_that_field(client, personas, survey):
    client.force_login(personas["housing_officer"])
    data = {**form_data(ResidentFactory()), "resident_reference": "NOPE999"}
    page = client.post(reverse("surveys:enter", args=[survey.pk]), data)
    html = page.content.decode()
    assert "<title>Error: " in html
    assert "No current resident has that number or property reference" in html
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
