"""One response per person, whatever the route (issue 27): an online response started but never sent
gives way to a paper form, a call, a visit or the agency's row, which is recorded with its mode; the
online draft is kept aside and not counted; the link then says the answers arrived another way. A
second sent answer is refused, with who sent the first and when."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from surveys.models import Response, SetAsideDraft
from tests.surveys import flow
from tests.surveys.factories import InvitationFactory, answered_response, tsm_survey
from tests.surveys.test_staff_entry import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def started():
    """A resident who opened their link and answered two questions online, without sending."""
    invitation = InvitationFactory(survey=tsm_survey())
    answered_response(invitation, {"TP01": "very_dissatisfied", "REPAIR_12M": "no"}, submit=False)
    return invitation


def test_staff_entry_sets_an_unsent_online_draft_aside_and_records_the_paper_mode(client, personas, started):
    client.force_login(personas["housing_officer"])
    data = {**form_data(started.resident, TP01="very_satisfied"), "mode": "paper", "language": "English"}
    page = client.post(reverse("surveys:enter", args=[started.survey.pk]), data, follow=True)
    assert "those answers are kept aside and not counted" in page.content.decode()
    response = Response.objects.get()
    assert (response.mode, response.is_submitted, response.entered_by) == ("paper", True, personas["housing_officer"])
    assert {a.question.code: a.value for a in response.answers.all()} == {"TP01": "very_satisfied"}
    assert response.invitation == started
    draft = SetAsideDraft.objects.get()
    assert (draft.resident, draft.replaced_by, draft.answers) == (
        started.resident,
        response,
        {"TP01": "very_dissatisfied", "REPAIR_12M": "no"},
    )
    assert Response.objects.filter(survey=started.survey, submitted_at__isnull=False).count() == 1


def test_the_link_then_says_the_answers_arrived_another_way(client, personas, started):
    client.force_login(personas["housing_officer"])
    client.post(reverse("surveys:enter", args=[started.survey.pk]), {**form_data(started.resident, TP01="neither")})
    client.logout()
    for url in [
        flow.start_url(started.token),
        flow.question_url(started.token, "TP01"),
        flow.check_url(started.token),
        reverse("surveys:answer_done", args=[started.token]),
    ]:
        page = client.get(url)
        html = page.content.decode()
        assert page.status_code == 200, url
        assert "We already have your answers" in html
        assert "Your answers reached us by phone, with an interpreter on 27 March 2026" in html
    # Nothing the old tab posts can start or change a response.
    client.post(flow.start_url(started.token), {"key": str(Response.objects.get().key)})
    assert Response.objects.count() == 1 and Response.objects.get().answers.get().value == "neither"


def test_a_second_sent_answer_is_refused_with_who_and_when(client, personas):
    invitation = InvitationFactory(survey=tsm_survey())
    answered_response(invitation)  # sent online by the resident
    client.force_login(personas["housing_officer"])
    page = client.post(
        reverse("surveys:enter", args=[invitation.survey.pk]), form_data(invitation.resident, TP01="neither")
    )
    html = page.content.decode()
    assert "This resident has already answered this survey (Online, sent by the resident on " in html
    assert Response.objects.get().mode == "online" and not SetAsideDraft.objects.exists()


def test_a_row_for_a_started_draft_does_not_refuse_the_agency_file(tmp_path, started, personas):
    path = tmp_path / "agency.csv"
    path.write_text(
        "property_reference,mode,language,date,TP01\n"
        f"{started.resident.household.home.property_reference},online,Polish,2026-02-03,fairly_satisfied\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("import_responses", str(started.survey.pk), str(path), stdout=out, stderr=io.StringIO())
    assert "Imported 1 responses" in out.getvalue()
    response = Response.objects.get()
    assert (response.mode, response.language, response.imported_from, response.is_by_link) == (
        "online",
        "pl",
        "agency.csv",
        False,
    )
    assert SetAsideDraft.objects.get().replaced_by == response
    # Run again: the row is now a second sent answer, refused with where the first came from.
    with pytest.raises(CommandError):
        call_command(
            "import_responses", str(started.survey.pk), str(path), stdout=io.StringIO(), stderr=(err := io.StringIO())
        )
    assert err.getvalue().splitlines() == [
        "Line 2, column property_reference: This resident has already answered this survey "
        "(Online, from the file agency.csv, answered on 3 February 2026)."
    ]
