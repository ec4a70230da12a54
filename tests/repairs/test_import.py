"""import_repairs: all or nothing, with every problem reported by line number."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from repairs.models import RepairRequest
from tests.core.factories import UserFactory
from tests.engagement.factories import HomeFactory, HouseholdFactory

HEADER = "job_reference,property_reference,reported_at,channel,category,priority,hazard,description,status,completed_at,completed_first_visit,cancellation_reason,operative,cost\n"


@pytest.fixture
def homes(db):
    for reference in ("PR000001", "PR000002", "PR000003"):
        HouseholdFactory(home=HomeFactory(property_reference=reference))
    UserFactory(username="jo.operative")


def run(tmp_path, text):
    path = Path(tmp_path) / "repairs.csv"
    path.write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("import_repairs", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_documented_sample_imports(homes):
    for name in ("homes", "residents"):
        call_command(f"import_{name}", f"docs/samples/{name}.csv", stdout=StringIO())
    out = StringIO()
    call_command("import_repairs", "docs/samples/repairs.csv", stdout=out)
    assert "Repairs: 4 added, 0 changed, 0 unchanged." in out.getvalue()
    mould = RepairRequest.objects.get(reference="HMS-104301")
    assert (mould.category, mould.hazard, mould.completed_first_visit) == ("damp_mould", "damp_mould", False)
    assert str(mould.cost) == "420.50"
    assert RepairRequest.objects.get(reference="HMS-104377").cancellation_reason == "Resident fixed it themselves"


def test_bad_rows_are_rejected_with_line_numbers_and_nothing_is_written(homes, tmp_path):
    text = HEADER + (
        "J1,PR000001,2025-01-06 08:15,phone,heating,emergency,,No heat,completed,2025-01-06 16:40,yes,,,\n"
        "J2,PR999999,2025-01-07,phone,boiler,routine,,Leak,reported,,,,,\n"
        "J3,PR000002,07/01/2025,phone,plumbing,routine,,Leak,completed,,,,,\n"
        "J4,PR000003,2025-01-08,phone,plumbing,routine,,Drip,cancelled,,,,nobody,12.5.0\n"
        "J1,PR000003,2025-01-09,phone,plumbing,routine,,,reported,,maybe,,,\n"
        "J5,PR000003,31/31/2025,phone,plumbing,routine,,Drip,reported,,,,,\n"
    )
    path = Path(tmp_path) / "repairs.csv"
    path.write_text(text, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="10 problem"):
        call_command("import_repairs", str(path), stderr=err)
    assert RepairRequest.objects.count() == 0
    # 07/01/2025 is a UK date, read like every other import reads it (J3's problem is its missing completion).
    assert err.getvalue().splitlines() == [
        "Line 3, column category: “boiler” is not one of: plumbing, heating, electrical, damp_mould, windows, doors, "
        "gates_fences, roofing, kitchen, bathroom, communal, adaptations, other.",
        "Line 3, column property_reference: PR999999 is not one of our homes: import homes first.",
        "Line 4, column completed_at: This is empty; a completed repair needs its completion date.",
        "Line 5, column cost: “12.5.0” is not an amount in pounds, like 125.50.",
        "Line 5, column operative: nobody is not a user here.",
        "Line 5, column cancellation_reason: This is empty; a cancelled repair needs the reason.",
        "Line 6, column description: This is empty; it must have a value.",
        "Line 6, column completed_first_visit: “maybe” is not yes or no.",
        "Line 6, column job_reference: J1 is already on line 2.",
        "Line 7, column reported_at: “31/31/2025” is not a date and time: use 2024-03-31 14:05 or 31/03/2024 14:05 "
        "(or the date alone).",
    ]


def test_a_header_without_the_required_columns_is_rejected(homes, tmp_path):
    with pytest.raises(CommandError):
        run(tmp_path, "job_reference,property_reference\nJ1,PR000001\n")
    assert RepairRequest.objects.count() == 0


def test_a_file_imported_twice_leaves_its_repairs_unchanged(homes, tmp_path):
    text = HEADER + "J1,PR000001,2025-01-06,phone,heating,routine,,No heat,reported,,,,,\n"
    run(tmp_path, text)
    out, _err = run(tmp_path, text)
    assert "Repairs: 0 added, 0 changed, 1 unchanged." in out
    assert RepairRequest.objects.get().revision == 0


def test_a_repeat_within_the_window_in_the_same_file_is_a_recall(homes, tmp_path):
    text = HEADER + (
        "J2,PR000001,2025-02-10,phone,plumbing,routine,,Leak is back,reported,,,,jo.operative,\n"
        "J1,PR000001,2025-01-06,phone,plumbing,routine,,Leak,completed,2025-01-20 10:00,yes,,,\n"
        "J3,PR000001,2025-03-31,phone,plumbing,routine,,Another leak,reported,,,,,\n"
    )
    out, _err = run(tmp_path, text)
    assert "Repairs: 3 added, 0 changed, 0 unchanged." in out
    repeat = RepairRequest.objects.get(reference="J2")
    assert repeat.recall_of.reference == "J1"
    assert repeat.operative.username == "jo.operative"
    # 20 January to 31 March is more than 30 days: not a recall.
    assert RepairRequest.objects.get(reference="J3").recall_of is None
    # No target in the file: worked out from the priority (routine, 20 working days from Monday 6
    # January 2025 is Monday 3 February).
    assert RepairRequest.objects.get(reference="J1").due_at.date().isoformat() == "2025-02-03"


def test_a_repeat_of_a_repair_already_held_is_a_recall_and_each_gets_the_household_of_its_day(homes, tmp_path):
    from datetime import date

    from engagement.models import Home

    home = Home.objects.get(property_reference="PR000002")
    earlier_household = home.households.get()
    later_household = HouseholdFactory(home=home, tenancy_start=date(2025, 2, 1))
    run(
        tmp_path, HEADER + "K1,PR000002,2025-01-06,phone,doors,routine,,Door sticks,completed,2025-01-10 10:00,yes,,,\n"
    )
    run(
        tmp_path,
        HEADER
        + (
            "K2,PR000002,2025-02-03,phone,doors,routine,,Door sticks again,completed,2025-02-04 10:00,no,,,\n"
            "K3,PR000002,2025-02-05,phone,doors,routine,,Still sticking,reported,,,,,\n"
            "K4,PR000002,2025-02-05,phone,windows,routine,,Window,reported,,,,,\n"
        ),
    )
    first, second, third, window = (RepairRequest.objects.get(reference=f"K{n}") for n in (1, 2, 3, 4))
    assert first.household == earlier_household and second.household == later_household
    assert second.recall_of == first  # held already, completed 24 days before
    assert third.recall_of == second  # the latest completed before it, from the same file
    assert window.recall_of is None  # another kind of repair
    assert second.working_days_to_complete == 1
