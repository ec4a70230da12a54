"""The TSM repairs and complaints measures on a small hand-built data set, with every answer worked
out by hand. (Working days, recalls and Awaab's Law clocks are SQL figures: tests/inequities.)"""

from datetime import date

import pytest

from repairs import measures
from repairs.selectors import repair_facts
from tests.engagement.factories import HouseholdFactory
from tests.repairs.factories import RepairRequestFactory, at

END_OF = (23, 59)


@pytest.fixture
def repairs(db):
    household = HouseholdFactory()
    make = lambda **kwargs: RepairRequestFactory(household=household, home=household.home, **kwargs)  # noqa: E731
    # Emergencies, due 24 hours after the report: 2 of the 3 completed ones are on time.
    make(priority="emergency", reported_at=at(2025, 4, 1, 10), due_at=at(2025, 4, 2, 10),
         status="completed", completed_at=at(2025, 4, 2, 9))  # fmt: skip
    make(priority="emergency", reported_at=at(2025, 4, 1, 10), due_at=at(2025, 4, 2, 10),
         status="completed", completed_at=at(2025, 4, 2, 11))  # fmt: skip
    make(priority="emergency", reported_at=at(2025, 4, 3, 10), due_at=at(2025, 4, 4, 10),
         status="completed", completed_at=at(2025, 4, 3, 15))  # fmt: skip
    make(priority="emergency", reported_at=at(2025, 4, 3, 10), due_at=at(2025, 4, 4, 10),
         status="cancelled", cancellation_reason="Reported twice")  # fmt: skip
    # Non-emergencies: 3 of the 4 completed ones are on time.
    make(priority="urgent", reported_at=at(2025, 4, 1), due_at=at(2025, 4, 8, *END_OF),
         status="completed", completed_at=at(2025, 4, 7, 14))  # fmt: skip
    make(priority="routine", reported_at=at(2025, 4, 1), due_at=at(2025, 4, 29, *END_OF),
         status="completed", completed_at=at(2025, 5, 6, 12))  # fmt: skip
    leak = make(priority="routine", category="plumbing", reported_at=at(2025, 4, 14), due_at=at(2025, 5, 12, *END_OF),
                status="completed", completed_at=at(2025, 4, 22, 16))  # fmt: skip
    make(priority="routine", category="plumbing", reported_at=at(2025, 5, 1), due_at=at(2025, 5, 30, *END_OF),
         status="completed", completed_at=at(2025, 5, 2, 10), recall_of=leak)  # fmt: skip
    make(priority="routine", reported_at=at(2025, 5, 1), due_at=at(2025, 5, 30, *END_OF))  # still open
    # Significant damp and mould hazards reported Monday 3 and 17 November 2025.
    make(hazard="damp_mould", category="damp_mould", reported_at=at(2025, 11, 3), due_at=at(2025, 12, 1),
         investigated_at=at(2025, 11, 14), summary_sent_on=date(2025, 11, 19), made_safe_at=at(2025, 11, 21),
         preventative_work_started_on=date(2025, 11, 21))  # every clock met  # fmt: skip
    make(hazard="damp_mould", category="damp_mould", reported_at=at(2025, 11, 3), due_at=at(2025, 12, 1),
         investigated_at=at(2025, 11, 14), summary_sent_on=date(2025, 11, 20), made_safe_at=at(2025, 11, 21),
         preventative_work_started_on=date(2025, 11, 21))  # summary a day late  # fmt: skip
    make(hazard="damp_mould", category="damp_mould", reported_at=at(2025, 11, 3), due_at=at(2025, 12, 1))  # overdue
    make(hazard="damp_mould", category="damp_mould", reported_at=at(2025, 11, 17), due_at=at(2025, 12, 15))  # too soon
    return list(repair_facts())


def test_rp02_repairs_completed_within_target(repairs):
    result = measures.repairs_completed_within_target(repairs)
    assert result["emergency"] == measures.Share(2, 3)
    assert result["non_emergency"] == measures.Share(3, 4)
    assert result["non_emergency"].percent == 75.0


def test_rp02_counts_only_repairs_completed_in_the_period(repairs):
    result = measures.repairs_completed_within_target(repairs, start=date(2025, 4, 3), end=date(2025, 4, 30))
    # Completed 3 April (emergency, on time); 7 and 22 April (non-emergency, both on time).
    assert result == {"emergency": measures.Share(1, 1), "non_emergency": measures.Share(2, 2)}


def stage(number, received_on, acknowledged_on=None, responded_on=None, extension=0):
    return {
        "number": number,
        "received_on": received_on,
        "acknowledged_on": acknowledged_on,
        "responded_on": responded_on,
        "extension_working_days": extension,
    }


STAGES = [
    # Stage 1 received 19 December 2024, acknowledged 23 December: decision due 9 January 2025.
    stage(1, date(2024, 12, 19), date(2024, 12, 23), date(2025, 1, 9)),  # on time
    stage(1, date(2024, 12, 19), date(2024, 12, 23), date(2025, 1, 10)),  # a day late
    stage(1, date(2024, 12, 19), date(2024, 12, 23), date(2025, 1, 14), extension=5),  # due 16 January
    stage(1, date(2024, 12, 19), date(2024, 12, 23)),  # no decision yet: not counted
    # Stage 2 received 14 April 2025, acknowledged 16 April: decision due 19 May.
    stage(2, date(2025, 4, 14), date(2025, 4, 16), date(2025, 5, 19)),
    stage(2, date(2025, 4, 14), date(2025, 4, 16), date(2025, 5, 20)),
]


def test_ch02_complaints_answered_within_the_code():
    result = measures.complaints_answered_within_code(STAGES)
    assert result == {1: measures.Share(2, 3), 2: measures.Share(1, 2)}


def test_ch01_complaints_per_thousand_homes():
    stages = [
        *[stage(1, date(2025, 4, 1 + n)) for n in range(6)],
        stage(1, date(2025, 3, 31)),  # before the year: not counted
        stage(2, date(2025, 6, 2)),
        stage(2, date(2026, 3, 31)),
    ]
    result = measures.complaints_per_thousand_homes(stages, homes=400, start=date(2025, 4, 1), end=date(2026, 3, 31))
    # 6 stage 1 and 2 stage 2 complaints across 400 homes: 15 and 5 per 1,000.
    assert result == {1: 15.0, 2: 5.0}


def test_a_measure_with_nothing_to_count_has_no_rate():
    assert measures.repairs_completed_within_target([])["emergency"].rate is None
    assert measures.complaints_per_thousand_homes([], homes=0) == {1: None, 2: None}
