"""One import framework (point 13), the period of answers (point 2), leaseholders and the TSM (point
10), a survey from the command line (point 8) and blank communal areas (point 6)."""

import ast
import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from core.imports import IMPORTS, CsvImport
from core.signals import facts_changed
from engagement.models import Home, SchemeType
from inequities import extract
from inequities.models import Snapshot
from surveys import tsm
from surveys.choices import Tenure
from surveys.models import Answer, Question, Response, Survey
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.django_db
ROOT = Path(settings.BASE_DIR)
HOMES = "property_reference,address_line_1,town,postcode,region_code,local_authority,scheme_type,has_communal_areas\n"


def imports_of(path):
    """The modules a Python file imports, anywhere in it (inside functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


# Point 13 ------------------------------------------------------------------------------------------


def test_every_import_is_one_framework_in_the_documented_order():
    assert sorted(IMPORTS, key=lambda kind: IMPORTS[kind].order) == [
        "homes",
        "residents",
        "imd",
        "equality",
        "repairs",
        "responses",
        "compliance",
        "decency",
        "asb_cases",
    ]
    assert all(issubclass(info.importer, CsvImport) for info in IMPORTS.values())


def test_no_importer_calls_the_figures_and_core_depends_on_no_app():
    importers = [
        *(ROOT / "engagement" / "imports").glob("*.py"),
        ROOT / "repairs" / "services" / "imports.py",
        ROOT / "repairs" / "services" / "landlord_imports.py",
        ROOT / "surveys" / "imports.py",
    ]
    for path in importers:
        assert not any(name.startswith("inequities") for name in imports_of(path)), path
    for path in (ROOT / "core").rglob("*.py"):
        apps = {name.split(".")[0] for name in imports_of(path)} & {
            "engagement",
            "repairs",
            "surveys",
            "inequities",
            "desk",
        }
        assert not apps, path


def test_repairs_selectors_no_longer_import_surveys():
    assert not any(name.startswith("surveys") for name in imports_of(ROOT / "repairs" / "selectors.py"))


def test_an_import_announces_facts_changed_once_and_the_figures_are_recomputed_after_commit(
    tmp_path, django_capture_on_commit_callbacks, tasks_in_process
):
    heard = []

    def listener(sender, **kwargs):
        heard.append(sender)

    facts_changed.connect(listener)
    try:
        path = tmp_path / "homes.csv"
        path.write_text(
            HOMES + "".join(f"H{n},{n} Road,Leeds,LS9 8AB,E12000003,Leeds,,\n" for n in range(5)), encoding="utf-8"
        )
        with django_capture_on_commit_callbacks(execute=True):
            call_command("import_homes", str(path), stdout=io.StringIO())
    finally:
        facts_changed.disconnect(listener)
    assert heard == [IMPORTS["homes"].importer]
    assert Snapshot.objects.count() == 1


# Point 6 -------------------------------------------------------------------------------------------


def test_a_blank_has_communal_areas_is_not_known_not_no(tmp_path):
    path = tmp_path / "homes.csv"
    path.write_text(
        HOMES
        + "H1,1 Road,Leeds,LS9 8AB,E12000003,Leeds,,\n"
        + "H2,2 Road,Leeds,LS9 8AB,E12000003,Leeds,,no\n"
        + "H3,3 Road,Leeds,LS9 8AB,E12000003,Leeds,,Yes\n",
        encoding="utf-8",
    )
    call_command("import_homes", str(path), stdout=io.StringIO())
    assert dict(Home.objects.values_list("property_reference", "has_communal_areas")) == {
        "H1": None,
        "H2": False,
        "H3": True,
    }


# Point 8 -------------------------------------------------------------------------------------------


def test_create_tsm_survey_makes_the_built_in_survey_and_says_its_number():
    out = io.StringIO()
    call_command("create_tsm_survey", stdout=out)
    survey = Survey.objects.get()
    assert out.getvalue().strip() == f"Created survey {survey.pk}: {survey.title_in('en')}"
    assert survey.kind == "tsm" and survey.current_version.questions.filter(code="TP01").exists()


# Point 2 -------------------------------------------------------------------------------------------


def answered(survey, resident, value, *, given_on):
    """A response keyed in today for answers given on `given_on`."""
    response = Response.objects.create(
        survey=survey,
        version=survey.current_version,
        resident=resident,
        mode="paper",
        tenure="LCRA",
        submitted_at=timezone.now(),
        received_on=given_on,
    )
    question = Question.objects.get(version=survey.current_version, code="TP01")
    Answer.objects.create(response=response, question=question, value=value)


def test_the_figures_count_answers_in_the_period_they_were_given_not_imported():
    survey = tsm_survey()
    today = date.today()
    answered(survey, ResidentFactory(), "very_satisfied", given_on=date(2023, 5, 1))
    answered(survey, ResidentFactory(), "very_dissatisfied", given_on=today - timedelta(days=10))
    this_year = extract.survey_answers(today - timedelta(days=364), today, today)
    assert int(this_year[this_year["dimension"] == "disability"]["valid"].sum()) == 1
    then = extract.survey_answers(date(2023, 4, 1), date(2024, 3, 31), today)
    assert int(then[then["dimension"] == "disability"]["satisfied"].sum()) == 1
    voices = extract.response_counts(today - timedelta(days=364), today, today)
    assert int(voices[voices["dimension"] == "disability"]["count"].sum()) == 1
    in_2023 = {r.measure: r for r in tsm.tsm_results(survey, date(2023, 4, 1), date(2024, 3, 31))}
    assert (in_2023["TP01"].satisfied, in_2023["TP01"].dissatisfied) == (1, 0)


def test_an_online_response_is_dated_the_day_it_was_submitted(client):
    from surveys import services

    survey = tsm_survey()
    resident = ResidentFactory()
    invitation = services.invitation_for_signed_in(survey=survey, resident=resident)
    response = services.response_start(invitation=invitation, key=None, language="en-gb")
    services.answer_save(
        response_key=response.key, question=survey.current_version.questions.get(code="TP01"), value="neither"
    )
    Response.objects.filter(pk=response.pk).update(received_on=None)
    for question in survey.current_version.questions.filter(required=True).exclude(code="TP01"):
        services.answer_save(
            response_key=response.key, question=question, value=question.choices[0][0] if question.choices else "1"
        )
    services.response_submit(response_key=response.key)
    assert Response.objects.get(pk=response.pk).received_on == timezone.localdate()


# Point 10 ------------------------------------------------------------------------------------------


def test_leasehold_homes_and_their_answers_are_outside_the_tsm(client, personas):
    survey = tsm_survey()
    HomeFactory.create_batch(3, scheme_type=SchemeType.GENERAL_NEEDS)
    HomeFactory.create_batch(2, scheme_type=SchemeType.SHARED_OWNERSHIP)
    leaseholder = ResidentFactory(household=HouseholdFactory(home=HomeFactory(scheme_type=SchemeType.LEASEHOLD)))
    from surveys.choices import tenure_of

    assert tenure_of(leaseholder.household.home) == Tenure.LEASEHOLD
    lcra_homes = Home.objects.exclude(scheme_type__in=[SchemeType.SHARED_OWNERSHIP, SchemeType.LEASEHOLD]).count()
    answered(survey, leaseholder, "very_satisfied", given_on=date.today())
    Response.objects.update(tenure=tenure_of(leaseholder.household.home))
    results = {(r.measure, r.tenure): r for r in tsm.tsm_results(survey)}
    assert results[("TP01", "LCRA")].homes == lcra_homes
    assert results[("TP01", "LCRA")].valid_responses == 0
    assert {tenure for _measure, tenure in results} == {"LCRA", "LCHO"}
    client.force_login(personas["administrator"])
    page = client.get(f"/surveys/{survey.pk}/results/")
    assert "1 leasehold home is left out of these measures" in page.content.decode()


def test_a_tsm_sample_leaves_out_leasehold_homes():
    from surveys.sampling import population

    survey = tsm_survey()
    renter = ResidentFactory(is_lead_tenant=True)
    ResidentFactory(is_lead_tenant=True, household=HouseholdFactory(home=HomeFactory(scheme_type=SchemeType.LEASEHOLD)))
    assert [r.pk for r in population(survey) if r.pk in {renter.pk} or r.household.home.is_leasehold] == [renter.pk]


def test_the_docs_give_the_commands_of_every_import():
    text = (ROOT / "docs" / "data-formats.md").read_text(encoding="utf-8")
    for kind in IMPORTS:
        assert re.search(rf"import_{kind}\b", text), kind
