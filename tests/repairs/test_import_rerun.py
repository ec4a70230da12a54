"""Run again, the repairs, building-safety, decency and anti-social behaviour imports update by
their key, report what they added, changed, ended and left unchanged, and a dry run saves
nothing (issue 27)."""

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from repairs.models import AsbCase, ComplianceCheck, DecencyRecord, RepairRequest
from tests.engagement.factories import HomeFactory, HouseholdFactory
from tests.repairs.factories import AppointmentFactory

pytestmark = pytest.mark.django_db

REPAIRS = "job_reference,property_reference,reported_at,category,priority,description,status,completed_at\n"


@pytest.fixture
def homes():
    for ref in ("H1", "H2", "H3"):
        HouseholdFactory(home=HomeFactory(property_reference=ref, block_reference=""))


def run(tmp_path, command, text, *options):
    path = Path(tmp_path) / "file.csv"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command(command, str(path), *options, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_repairs_run_again_are_updated_by_job_reference_and_keep_their_appointments(homes, tmp_path):
    first = REPAIRS + (
        "J1,H1,2025-01-06 09:00,plumbing,routine,Leak,reported,\n"
        "J2,H2,2025-01-07 09:00,heating,urgent,No heat,reported,\n"
        "J3,H3,2025-01-08 09:00,doors,routine,Door sticks,completed,2025-01-20 10:00\n"
    )
    assert run(tmp_path, "import_repairs", first) == "Repairs: 3 added, 0 changed, 0 unchanged."
    due = RepairRequest.objects.get(reference="J1").due_at
    visit = AppointmentFactory(repair=RepairRequest.objects.get(reference="J2"))
    # J1 as before; J2 completed; J3's description corrected; J4 new.
    again = REPAIRS + (
        "J1,H1,2025-01-06 09:00,plumbing,routine,Leak,reported,\n"
        "J2,H2,2025-01-07 09:00,heating,urgent,No heat,completed,2025-01-09 12:00\n"
        "J3,H3,2025-01-08 09:00,doors,routine,Back door sticks,completed,2025-01-20 10:00\n"
        "J4,H1,2025-02-03 09:00,windows,routine,Cracked pane,reported,\n"
    )
    report = "Repairs: 1 added, 1 changed, 1 ended, 1 unchanged."

    assert run(tmp_path, "import_repairs", again, "--dry-run") == f"Dry run, nothing saved. {report}"
    assert RepairRequest.objects.count() == 3 and RepairRequest.objects.get(reference="J2").status == "reported"

    assert run(tmp_path, "import_repairs", again) == report
    done = RepairRequest.objects.get(reference="J2")
    assert (done.status, done.working_days_to_complete, done.revision) == ("completed", 2, 1)
    assert list(done.appointments.all()) == [visit]
    assert RepairRequest.objects.get(reference="J3").description == "Back door sticks"
    assert RepairRequest.objects.get(reference="J1").due_at == due
    assert RepairRequest.objects.get(reference="J1").revision == 0  # unchanged: not written
    assert RepairRequest.objects.count() == 4


def test_checks_decency_and_cases_run_again_update_by_their_keys(homes, tmp_path):
    checks = "property_reference,check_type,required,due_on,done_on,recorded_on\n"
    run(
        tmp_path, "import_compliance", checks + "H1,gas,yes,2025-01-15,2025-01-10,2025-01-11\nH2,gas,yes,2025-02-01,,\n"
    )
    first_id = ComplianceCheck.objects.get(home__property_reference="H1").pk
    # H1 no longer needs a gas check (ended); H2's is done; H3's is new.
    again = checks + "H1,gas,no,,,\nH2,gas,yes,2025-02-01,2025-01-30,2025-01-31\nH3,gas,yes,2025-03-01,,\n"
    assert run(tmp_path, "import_compliance", again) == (
        "Building-safety checks: 1 added, 1 changed, 1 ended, 0 unchanged."
    )
    assert ComplianceCheck.objects.get(home__property_reference="H1").pk == first_id  # updated where it stands
    assert ComplianceCheck.objects.get(home__property_reference="H2").done_on == date(2025, 1, 30)
    assert ComplianceCheck.objects.count() == 3

    decency = "property_reference,fails_decent_homes_standard,year_end\n"
    run(tmp_path, "import_decency", decency + "H1,no,2025-03-31\nH2,no,2025-03-31\n")
    assert run(tmp_path, "import_decency", decency + "H1,yes,2025-03-31\nH2,no,2025-03-31\nH3,no,2026-03-31\n") == (
        "Decency answers: 1 added, 1 changed, 1 unchanged."
    )
    assert DecencyRecord.objects.get(home__property_reference="H1").fails_standard is True
    assert DecencyRecord.objects.count() == 3

    cases = "case_reference,property_reference,opened_on,involves_hate_incident,closed_on\n"
    run(tmp_path, "import_asb_cases", cases + "A1,H1,2025-01-01,no,\nA2,H2,2025-01-02,no,\n")
    again = cases + "A1,H1,2025-01-01,no,2025-02-01\nA2,H2,2025-01-02,no,\nA3,H3,2025-01-03,yes,\n"
    assert run(tmp_path, "import_asb_cases", again, "--dry-run") == (
        "Dry run, nothing saved. Anti-social behaviour cases: 1 added, 0 changed, 1 ended, 1 unchanged."
    )
    assert AsbCase.objects.count() == 2
    run(tmp_path, "import_asb_cases", again)
    assert AsbCase.objects.get(reference="A1").closed_on == date(2025, 2, 1)
    assert AsbCase.objects.count() == 3
    # A file without the closed_on column leaves every case's closing date as it is.
    without = "case_reference,property_reference,opened_on,involves_hate_incident\n"
    assert run(tmp_path, "import_asb_cases", without + "A1,H1,2025-01-01,no\n") == (
        "Anti-social behaviour cases: 0 added, 0 changed, 1 unchanged."
    )
    assert AsbCase.objects.get(reference="A1").closed_on == date(2025, 2, 1)


def test_a_rerun_costs_the_same_queries_for_ten_repairs_or_a_hundred(homes, tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def rerun(count):
        line = "K{count}-{n},H1,2025-01-06 09:00,plumbing,routine,{what},{status}\n"
        first = [line.format(count=count, n=n, what="Leak", status="reported,") for n in range(count)]
        run(tmp_path, "import_repairs", REPAIRS + "".join(first))
        # A tenth completed (ended), a tenth described anew, a tenth new, the rest as they were.
        again = [
            line.format(count=count, n=n, what="Leak", status="completed,2025-01-07 09:00")
            if n % 10 == 0
            else line.format(count=count, n=n, what="Leak under the sink", status="reported,")
            if n % 10 == 1
            else first[n]
            for n in range(count)
        ]
        again += [line.format(count=count, n=f"new{n}", what="Leak", status="reported,") for n in range(count // 10)]
        tenth = count // 10
        with CaptureQueriesContext(connection) as queries:
            assert run(tmp_path, "import_repairs", REPAIRS + "".join(again)) == (
                f"Repairs: {tenth} added, {tenth} changed, {tenth} ended, {count - 2 * tenth} unchanged."
            )
        return len(queries)

    assert rerun(10) == rerun(100)
