"""The Regulator's management-information measures, checked on a small landlord built by hand.

Each expected number is worked out here from the Regulator's definition (its data dictionary):
numerators and denominators are written out so a reader can check them.

Homes: H1-H6 rented (LCRA), H7-H8 shared ownership (LCHO), H9 leasehold (outside every measure).
The year is 1 April 2025 to 31 March 2026.
"""

from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from repairs import management_information
from repairs.models import ComplaintStage
from tests.engagement.factories import HomeFactory, HouseholdFactory, ResidentFactory
from tests.repairs.factories import ComplaintFactory, RepairRequestFactory, at

pytestmark = pytest.mark.django_db

START, END = date(2025, 4, 1), date(2026, 3, 31)


def write(tmp_path, name, text):
    path = Path(tmp_path) / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def landlord(tmp_path):
    homes = {}
    for n in range(1, 10):
        scheme = "general_needs" if n <= 6 else ("shared_ownership" if n <= 8 else "leasehold")
        homes[n] = HomeFactory(property_reference=f"H{n}", scheme_type=scheme, block_reference="B1" if n <= 3 else "")
    out = StringIO()
    call_command("import_compliance", write(tmp_path, "compliance.csv", COMPLIANCE), stdout=out)
    call_command("import_decency", write(tmp_path, "decency.csv", DECENCY), stdout=out)
    call_command("import_asb_cases", write(tmp_path, "asb.csv", ASB), stdout=out)
    return homes


COMPLIANCE = """property_reference,block_reference,check_type,required,due_on,done_on,recorded_on
H1,,gas,yes,2026-01-10,2026-01-05,2026-01-06
H2,,Gas safety check,yes,01/02/2026,10/02/2026,11/02/2026
H3,,gas,yes,2026-03-01,,
H4,,gas,yes,2026-03-20,2026-03-25,2026-04-03
H5,,gas,yes,2026-05-01,,
H6,,gas,no,,,
H7,,gas,yes,2025-12-01,2025-11-30,2025-11-30
H9,,gas,yes,2026-01-01,,
,B1,fire_risk,yes,2025-10-01,2025-09-15,2025-09-20
H7,,fire_risk,yes,2026-02-01,,
H1,,asbestos,yes,2025-08-01,2025-07-30,2025-08-02
H2,,water,yes,2026-03-31,2026-03-31,2026-03-31
H3,,water,yes,2026-04-15,2026-03-30,2026-03-30
H4,,water,yes,2025-06-01,,
H1,,lifts,yes,2026-01-01,2026-01-02,
"""
DECENCY = """property_reference,fails_decent_homes_standard,year_end
H1,yes,2026-03-31
H2,no,31/03/2026
H3,no,2026-03-31
H7,no,2026-03-31
H9,yes,2026-03-31
"""
ASB = """case_reference,property_reference,opened_on,involves_hate_incident,channel
A1,H1,2025-05-01,no,phone
A2,H2,2025-09-09,yes,In person
A3,H7,2026-03-31,no,email
A4,H3,2025-03-31,yes,phone
A5,H4,2026-04-01,no,phone
"""


def by_code(figures, tenure=""):
    found = {}
    for figure in figures:
        if figure.tenure in (tenure, "") or tenure == "*":
            found.setdefault((figure.code, figure.tenure), []).append(figure)
    return found


def shown(figure):
    return (figure.count, figure.total, None if figure.rate is None else round(figure.rate, 4))


def test_bs01_to_bs05_count_homes_whose_required_checks_were_done_and_recorded_by_the_year_end(landlord):
    rows = by_code(management_information.figures(START, END))
    # BS01 gas: needed by the year end H1, H2 (done late, but by the year end), H3 (not done), H4 (recorded
    # after the year end), H7 (shared ownership counts); H5 not yet due, H6 not required, H9 leasehold.
    # Done and recorded: H1, H2, H7.
    assert shown(rows[("BS01", "")][0]) == (3, 5, 0.6)
    # BS02 fire risk: the block B1's assessment applies to H1-H3 (done); H7's is not done.
    assert shown(rows[("BS02", "")][0]) == (3, 4, 0.75)
    assert shown(rows[("BS03", "")][0]) == (1, 1, 1.0)
    # BS04 water: H2 done on the last day; H3 done before its due date (counted); H4 overdue.
    assert shown(rows[("BS04", "")][0]) == (2, 3, 0.6667)
    # BS05 lifts: H1's check was done but never recorded.
    assert shown(rows[("BS05", "")][0]) == (0, 1, 0.0)


def test_nm01_counts_cases_opened_in_the_year_per_1000_homes(landlord):
    rows = by_code(management_information.figures(START, END))
    # Opened in the year: A1, A2 (hate incident), A3. Homes: 6 rented + 2 shared ownership = 8.
    assert shown(rows[("NM01 (1)", "")][0]) == (3, 8, 375.0)
    assert shown(rows[("NM01 (2)", "")][0]) == (1, 8, 125.0)


def test_rp01_counts_homes_failing_the_decent_homes_standard_at_the_year_end(landlord):
    rows = by_code(management_information.figures(START, END))
    # H1 fails; H2, H3 and H7 meet it; H9 is leasehold. 1 of 4.
    assert shown(rows[("RP01", "")][0]) == (1, 4, 0.25)


def _repair(home, priority, completed, on_time, status="completed"):
    reported = at(completed.year, completed.month, completed.day) - timedelta(days=3)
    return RepairRequestFactory(
        household=HouseholdFactory(home=home),
        home=home,
        priority=priority,
        status=status,
        reported_at=reported,
        due_at=reported + (timedelta(days=5) if on_time else timedelta(days=1)),
        completed_at=None if status != "completed" else at(completed.year, completed.month, completed.day, 15),
        cancellation_reason="Reported twice" if status == "cancelled" else "",
    )


def test_rp02_counts_rented_homes_repairs_completed_in_the_year_within_our_target(landlord):
    h = landlord
    _repair(h[1], "routine", date(2025, 6, 10), on_time=True)
    _repair(h[2], "urgent", date(2025, 8, 12), on_time=True)
    _repair(h[3], "routine", date(2026, 1, 20), on_time=False)
    _repair(h[4], "emergency", date(2025, 11, 4), on_time=True)
    _repair(h[5], "emergency", date(2026, 2, 3), on_time=False)
    _repair(h[7], "emergency", date(2026, 2, 3), on_time=True)  # shared ownership: not counted
    _repair(h[9], "routine", date(2026, 2, 3), on_time=True)  # leasehold: not counted
    _repair(h[1], "routine", date(2025, 3, 20), on_time=True)  # completed before the year
    _repair(h[2], "routine", date(2025, 9, 1), on_time=True, status="cancelled")
    rows = by_code(management_information.figures(START, END), "LCRA")
    assert shown(rows[("RP02 (1)", "LCRA")][0]) == (2, 3, 0.6667)
    assert shown(rows[("RP02 (2)", "LCRA")][0]) == (1, 2, 0.5)


def _stage(home, number, received, acknowledged, responded=None, extension=0):
    complaint = ComplaintFactory(resident=ResidentFactory(household=HouseholdFactory(home=home)), received_on=received)
    return ComplaintStage.objects.create(
        complaint=complaint,
        number=number,
        received_on=received,
        acknowledged_on=acknowledged,
        responded_on=responded,
        extension_working_days=extension,
        extension_reason="We need a surveyor's report" if extension else "",
    )


def test_ch01_and_ch02_by_tenure_with_and_without_extensions(landlord):
    h = landlord
    # Stage 1 (10 working days from the acknowledgement on Wednesday 7 January 2026: due 21 January).
    _stage(h[1], 1, date(2026, 1, 5), date(2026, 1, 7), date(2026, 1, 14))
    _stage(h[2], 1, date(2026, 1, 5), date(2026, 1, 7), date(2026, 1, 27), extension=5)  # due 28 Jan with it
    _stage(h[3], 1, date(2026, 1, 5), date(2026, 1, 7))  # never answered
    _stage(h[4], 1, date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 10))  # made before the year
    # Stage 2 (20 working days from Tuesday 3 February 2026: due 3 March; with the 20-day limit, 31 March).
    _stage(h[5], 2, date(2026, 2, 2), date(2026, 2, 3), date(2026, 3, 30), extension=20)
    _stage(h[6], 2, date(2026, 2, 2), date(2026, 2, 3), date(2026, 4, 10), extension=30)  # past the limit
    _stage(h[7], 1, date(2025, 10, 6), date(2025, 10, 7), date(2025, 10, 10))  # shared ownership
    _stage(h[9], 1, date(2025, 10, 6), date(2025, 10, 7), date(2025, 10, 10))  # leasehold: outside
    rows = by_code(management_information.figures(START, END), "*")
    rented = {code: [shown(f) for f in figures] for (code, tenure), figures in rows.items() if tenure == "LCRA"}
    owned = {code: [shown(f) for f in figures] for (code, tenure), figures in rows.items() if tenure == "LCHO"}
    # CH01: complaints made in the year per 1,000 homes of the tenure (6 rented, 2 shared ownership).
    assert rented["CH01 (1)"] == [(3, 6, 500.0)]
    assert rented["CH01 (2)"] == [(2, 6, 333.3333)]
    assert owned["CH01 (1)"] == [(1, 2, 500.0)]
    assert owned["CH01 (2)"] == [(0, 2, 0.0)]
    # CH02: of those made, answered within the Code's time [with an extension up to the limit, without any].
    assert rented["CH02 (1)"] == [(2, 3, 0.6667), (1, 3, 0.3333)]
    assert rented["CH02 (2)"] == [(1, 2, 0.5), (0, 2, 0.0)]
    assert owned["CH02 (1)"] == [(1, 1, 1.0), (1, 1, 1.0)]
    assert owned["CH02 (2)"] == [(0, 0, None), (0, 0, None)]
