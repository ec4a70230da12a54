"""Awaab's Law and Complaint Handling Code clocks: met, missed, overdue and extended."""

from datetime import date

from repairs.clocks import (
    MET,
    MISSED,
    OPEN,
    OVERDUE,
    WAITING,
    code_clocks,
    every_awaabs_law_clock_met,
    significant_hazard_clocks,
)
from tests.repairs.factories import RepairRequestFactory, at

# Reported Monday 3 November 2025. Investigation due 10 working days later: Monday 17 November.
# From an investigation on Friday 14 November: summary due Wednesday 19, safety work and
# preventative work due Friday 21 November; with a recorded delay, preventative work is due
# 12 weeks on, Friday 6 February 2026.
REPORTED = date(2025, 11, 3)
INVESTIGATED = date(2025, 11, 14)


def statuses(clocks, now=None):
    return [(clock.due, clock.status(now)) for clock in clocks]


def test_significant_hazard_clocks_all_met():
    clocks = significant_hazard_clocks(
        reported_on=REPORTED,
        investigated_on=INVESTIGATED,
        summary_sent_on=date(2025, 11, 19),
        made_safe_on=date(2025, 11, 21),
        preventative_work_started_on=date(2025, 11, 21),
    )
    assert statuses(clocks) == [
        (date(2025, 11, 17), MET),
        (date(2025, 11, 19), MET),
        (date(2025, 11, 21), MET),
        (date(2025, 11, 21), MET),
    ]
    assert every_awaabs_law_clock_met(clocks) is True


def test_a_written_summary_a_day_late_misses_its_clock():
    clocks = significant_hazard_clocks(
        reported_on=REPORTED,
        investigated_on=INVESTIGATED,
        summary_sent_on=date(2025, 11, 20),
        made_safe_on=date(2025, 11, 21),
        preventative_work_started_on=date(2025, 11, 21),
    )
    assert clocks[1].status() == MISSED
    assert every_awaabs_law_clock_met(clocks) is False


def test_preventative_work_with_a_recorded_delay_has_twelve_weeks():
    extended = significant_hazard_clocks(
        reported_on=REPORTED,
        investigated_on=INVESTIGATED,
        summary_sent_on=date(2025, 11, 19),
        made_safe_on=date(2025, 11, 21),
        preventative_work_started_on=date(2026, 1, 30),
        preventative_work_delay_reason="The wall needs a survey by a structural engineer first.",
    )
    assert extended[3].due == date(2026, 2, 6)
    assert extended[3].status() == MET
    assert extended[3].extended
    not_extended = significant_hazard_clocks(
        reported_on=REPORTED,
        investigated_on=INVESTIGATED,
        preventative_work_started_on=date(2026, 1, 30),
    )
    assert not_extended[3].status() == MISSED


def test_an_investigation_not_done_in_time_is_overdue_and_later_clocks_wait():
    clocks = significant_hazard_clocks(reported_on=REPORTED)
    now = at(2025, 11, 18)
    assert statuses(clocks, now) == [(date(2025, 11, 17), OVERDUE), (None, WAITING), (None, WAITING), (None, WAITING)]
    assert every_awaabs_law_clock_met(clocks, now) is False


def test_a_case_still_inside_its_clocks_is_undecided():
    clocks = significant_hazard_clocks(reported_on=REPORTED)
    now = at(2025, 11, 10)
    assert clocks[0].status(now) == OPEN
    assert every_awaabs_law_clock_met(clocks, now) is None


def test_an_emergency_hazard_has_24_hours_to_investigate_and_make_safe(db):
    repair = RepairRequestFactory(
        hazard="emergency",
        priority="emergency",
        reported_at=at(2025, 11, 3, 22, 0),
        investigated_at=at(2025, 11, 4, 21, 59),
        made_safe_at=at(2025, 11, 4, 22, 30),
    )
    target, investigate, make_safe = repair.clocks(now=at(2025, 11, 5))
    assert investigate.due == at(2025, 11, 4, 22, 0)
    assert investigate.status() == MET
    assert make_safe.status() == MISSED


def test_a_repair_with_no_hazard_shows_only_the_landlord_target(db):
    repair = RepairRequestFactory(reported_at=at(2025, 3, 3), due_at=at(2025, 3, 31, 23, 59), completed_at=None)
    clocks = repair.clocks(now=at(2025, 4, 1))
    assert [clock.status(at(2025, 4, 1)) for clock in clocks] == [OVERDUE]


# Stage 1 received Thursday 19 December 2024: acknowledgement due Monday 30 December (Christmas and
# Boxing Day skipped). Acknowledged Monday 23 December, so the decision is due 10 working days
# later, skipping New Year's Day: Thursday 9 January 2025.
def stage_one(**kwargs):
    return code_clocks(number=1, received_on=date(2024, 12, 19), acknowledged_on=date(2024, 12, 23), **kwargs)


def test_stage_one_acknowledgement_and_decision_met():
    acknowledge, decide = stage_one(responded_on=date(2025, 1, 9))
    assert (acknowledge.due, acknowledge.status()) == (date(2024, 12, 30), MET)
    assert (decide.due, decide.status()) == (date(2025, 1, 9), MET)


def test_stage_one_decision_a_day_late_is_missed():
    _acknowledge, decide = stage_one(responded_on=date(2025, 1, 10))
    assert decide.status() == MISSED


def test_an_extension_explained_to_the_resident_moves_the_decision_date():
    _acknowledge, decide = stage_one(
        responded_on=date(2025, 1, 14),
        extension_working_days=5,
        extension_reason="We need a report from the heating contractor.",
    )
    assert decide.due == date(2025, 1, 16)
    assert decide.status() == MET
    assert decide.extended


def test_an_acknowledgement_not_sent_in_time_is_overdue():
    acknowledge, _decide = code_clocks(number=1, received_on=date(2024, 12, 19))
    assert acknowledge.status(at(2024, 12, 31)) == OVERDUE


def test_stage_two_has_twenty_working_days_after_acknowledgement():
    # Received Monday 14 April 2025; acknowledgement due Wednesday 23 April (Easter skipped).
    # Acknowledged Wednesday 16 April; 20 working days later, skipping Easter and 5 May: 19 May.
    acknowledge, decide = code_clocks(
        number=2, received_on=date(2025, 4, 14), acknowledged_on=date(2025, 4, 16), responded_on=date(2025, 5, 20)
    )
    assert acknowledge.due == date(2025, 4, 23)
    assert decide.due == date(2025, 5, 19)
    assert decide.status() == MISSED


def test_finishing_an_emergency_hazard_job_records_it_investigated_and_made_safe(db):
    """Issue 26: an emergency-hazard job finished at a kept visit no longer reads "Overdue" the next day."""
    from repairs.services.repairs import repair_record_visit
    from tests.repairs.factories import AppointmentFactory

    repair = RepairRequestFactory(hazard="emergency", priority="emergency", reported_at=at(2025, 11, 3, 22, 0))
    visit = AppointmentFactory(repair=repair, date=date(2025, 11, 4))
    repair_record_visit(repair=repair, appointment=visit, outcome="kept", completed_at=at(2025, 11, 4, 15, 0))
    repair.refresh_from_db()
    assert (repair.investigated_at, repair.made_safe_at) == (at(2025, 11, 4, 15, 0), at(2025, 11, 4, 15, 0))
    _target, investigate, make_safe = repair.clocks()
    assert (investigate.status(at(2025, 11, 6)), make_safe.status(at(2025, 11, 6))) == (MET, MET)

    late = RepairRequestFactory(hazard="emergency", priority="emergency", reported_at=at(2025, 11, 3, 22, 0),
                                investigated_at=at(2025, 11, 4, 8, 0))  # fmt: skip
    late.status, late.completed_at = "completed", at(2025, 11, 5, 9, 0)
    late.save(update_fields=["status", "completed_at"])
    late.refresh_from_db()
    assert (late.investigated_at, late.made_safe_at) == (at(2025, 11, 4, 8, 0), at(2025, 11, 5, 9, 0))
    assert [clock.status(at(2025, 11, 6)) for clock in late.clocks()[1:]] == [MET, MISSED]

    still_open = RepairRequestFactory(hazard="emergency", priority="emergency", reported_at=at(2025, 11, 3, 22, 0))
    assert [clock.status(at(2025, 11, 6)) for clock in still_open.clocks()[1:]] == [OVERDUE, OVERDUE]


def test_a_stage_two_extension_counts_up_to_twenty_working_days():
    """The Code allows a stage 2 extension of at most 20 working days: the clock on the page and the
    figures (decision_due) both count no more, whatever was recorded (an import, an old record)."""
    from repairs.clocks import EXTENSION_LIMIT_WORKING_DAYS, decision_due

    assert EXTENSION_LIMIT_WORKING_DAYS == {1: 10, 2: 20}
    # Acknowledged Wednesday 16 April 2025: 20 working days is 19 May, 40 is Tuesday 17 June.
    reason = "We need a structural engineer's report."
    kwargs = {"number": 2, "received_on": date(2025, 4, 14), "acknowledged_on": date(2025, 4, 16)}
    _acknowledge, twenty = code_clocks(**kwargs, extension_working_days=20, extension_reason=reason)
    _acknowledge, twenty_five = code_clocks(**kwargs, extension_working_days=25, extension_reason=reason)
    assert twenty.due == twenty_five.due == decision_due(**kwargs, extension_working_days=25) == date(2025, 6, 17)
    assert str(twenty.rule) == "Within 20 working days of the acknowledgement, extended by 20"
    assert str(twenty_five.rule) == (
        "Within 20 working days of the acknowledgement, extended by 25; the Code allows at most 20, so 20 are counted"
    )
    assert decision_due(**kwargs, extension_working_days=25, extended=False) == date(2025, 5, 19)
