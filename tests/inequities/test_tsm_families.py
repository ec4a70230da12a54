"""TSM RP02 and CH02 as metric families: split by group (disability here), with the same rules as the
landlord-level measures (repairs/measures.py): rented homes only for RP02; CH02 counted from the
complaints made in the period, an extension counted up to the Code's limit."""

from datetime import date, timedelta

import pytest

from inequities import extract
from repairs.models import ComplaintStage
from tests.engagement.factories import EqualityProfileFactory, HomeFactory, HouseholdFactory, ResidentFactory
from tests.repairs.factories import ComplaintFactory, RepairRequestFactory, at

pytestmark = pytest.mark.django_db
START, END, TODAY = date(2025, 4, 1), date(2026, 3, 31), date(2026, 4, 30)


def lead(disabled, scheme="general_needs"):
    resident = ResidentFactory(household=HouseholdFactory(home=HomeFactory(scheme_type=scheme)), is_lead_tenant=True)
    EqualityProfileFactory(resident=resident, disability=disabled)
    return resident


def repair(resident, priority, on_time):
    reported = at(2026, 1, 5)
    RepairRequestFactory(
        household=resident.household, home=resident.household.home, priority=priority, status="completed",
        reported_at=reported, due_at=reported + timedelta(days=2), completed_at=reported + timedelta(days=1 if on_time else 3),
    )  # fmt: skip


def counts(frame, columns):
    rows = frame[(frame["dimension"] == "disability") & (frame["region"] == "Yorkshire and The Humber")]
    return {(row["metric"], row["group"]): tuple(int(row[c]) for c in columns) for _, row in rows.iterrows()}


def test_rp02_by_disability_counts_rented_homes_only():
    disabled, other = lead("yes"), lead("no")
    repair(disabled, "routine", on_time=False)
    repair(disabled, "routine", on_time=True)
    repair(disabled, "emergency", on_time=True)
    repair(other, "routine", on_time=True)
    repair(lead("yes", scheme="shared_ownership"), "routine", on_time=False)  # not rented: outside RP02
    found = counts(extract.tsm_repairs(START, END, TODAY), ["completed", "on_time"])
    assert found == {("RP02_1", "yes"): (2, 1), ("RP02_2", "yes"): (1, 1), ("RP02_1", "no"): (1, 1)}


def test_ch02_by_disability_counts_complaints_made_with_extensions_up_to_the_limit():
    disabled, other = lead("yes"), lead("no")

    def stage(resident, number, responded, extension=0):
        complaint = ComplaintFactory(resident=resident, received_on=date(2026, 2, 2))
        ComplaintStage.objects.create(
            complaint=complaint, number=number, received_on=date(2026, 2, 2), acknowledged_on=date(2026, 2, 3),
            responded_on=responded, extension_working_days=extension,
            extension_reason="Waiting for a surveyor" if extension else "",
        )  # fmt: skip

    stage(disabled, 2, date(2026, 3, 30), extension=20)  # due 31 March with the extension: in time
    stage(disabled, 2, date(2026, 4, 10), extension=30)  # the limit is 20: late
    stage(other, 1, date(2026, 2, 10))
    stage(other, 1, None)  # not answered: made, not in time
    found = counts(extract.tsm_complaints(START, END, TODAY), ["made", "within_code"])
    assert found == {("CH02_2", "yes"): (2, 1), ("CH02_1", "no"): (2, 1)}
