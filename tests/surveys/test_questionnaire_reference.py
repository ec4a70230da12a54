"""The printed questionnaire reference is a key (issue 27): staff entry and import_responses take it,
read it back whatever the case and the dashes, and refuse one typed wrong (its check digit)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from surveys.models import Response
from surveys.references import check_digit, questionnaire_reference, read
from tests.surveys.factories import InvitationFactory, transactional_survey, tsm_survey
from tests.surveys.test_staff_entry import form_data

pytestmark = pytest.mark.django_db


def test_the_reference_is_digits_after_an_s_with_a_check_digit_and_reads_back_however_typed():
    invitation = InvitationFactory(survey=tsm_survey())
    reference = questionnaire_reference(invitation)
    survey, number = invitation.survey_id, invitation.pk
    check = check_digit(f"{survey}{number}")
    assert reference == f"S{survey}-{number}-{check}"
    assert set(reference) <= set("S-0123456789")  # no O/0, I/1/l to mistake
    for typed in [reference, reference.lower(), f" s{survey} – {number} — {check} ", f"5{survey}-{number}-{check}"]:
        assert read(typed) == (survey, number), typed
    assert read(f"S{survey}-{number + 1}-{check}") is None  # one digit wrong
    assert read(f"S{survey}-{number}") is None  # the check digit left off
    assert read("S3-2I7O-9") == read("S3-2170-9") == (3, 2170)  # letters read as the digits they look like


def test_staff_enter_a_paper_form_by_its_questionnaire_reference(client, personas):
    invitation = InvitationFactory(survey=tsm_survey())
    client.force_login(personas["housing_officer"])
    reference = questionnaire_reference(invitation).lower().replace("-", " - ")
    data = {**form_data(invitation.resident, TP01="neither"), "key_kind": "questionnaire_reference"}
    data.pop("confirmed_resident")
    data["resident_key"] = reference
    page = client.post(reverse("surveys:enter", args=[invitation.survey.pk]), data)
    assert page.context["found"] == invitation.resident and not Response.objects.exists()
    client.post(
        reverse("surveys:enter", args=[invitation.survey.pk]), {**data, "confirmed_resident": invitation.resident.pk}
    )
    response = Response.objects.get()
    assert (response.resident, response.invitation, response.mode) == (
        invitation.resident,
        invitation,
        "phone_interpreter",
    )


def test_a_reference_typed_wrong_or_for_another_survey_is_refused(client, personas):
    invitation = InvitationFactory(survey=tsm_survey())
    other = InvitationFactory(survey=tsm_survey(), resident=invitation.resident)
    client.force_login(personas["housing_officer"])
    for typed in [
        questionnaire_reference(other),
        f"S{invitation.survey_id}-{invitation.pk}-{(check_digit(f'{invitation.survey_id}{invitation.pk}') + 1) % 10}",
    ]:
        data = {
            **form_data(invitation.resident, TP01="neither"),
            "key_kind": "questionnaire_reference",
            "resident_key": typed,
        }
        page = client.post(reverse("surveys:enter", args=[invitation.survey.pk]), data)
        assert "No invitation to this survey has that questionnaire reference" in page.content.decode(), typed
    assert not Response.objects.exists()


def test_the_agency_file_names_residents_by_questionnaire_reference_even_about_a_repair(tmp_path):
    survey = transactional_survey()
    invitation = InvitationFactory(survey=survey, repair_reference="RJ123", channel="letter")
    code = survey.current_version.questions.order_by("position").first().code
    value = survey.current_version.questions.get(code=code).choices[0][0]
    path = tmp_path / "agency.csv"
    path.write_text(
        f"questionnaire_reference,mode,language,date,{code}\n"
        f"{questionnaire_reference(invitation).lower()},paper,English,2026-02-03,{value}\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("import_responses", str(survey.pk), str(path), stdout=out, stderr=io.StringIO())
    assert "Imported 1 responses" in out.getvalue()
    response = Response.objects.get()
    assert (response.resident, response.repair_reference, response.invitation, response.mode) == (
        invitation.resident,
        "RJ123",
        invitation,
        "paper",
    )
    path.write_text(
        f"questionnaire_reference,mode,language,date,{code}\nS{survey.pk}-999999-1,paper,English,2026-02-03,{value}\n"
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_responses", str(survey.pk), str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        f"Line 2, column questionnaire_reference: No invitation to this survey has the questionnaire reference "
        f"“S{survey.pk}-999999-1”. It is printed on the paper form like S{survey.pk}-2170-9 (the last digit checks the others)."
    ]
