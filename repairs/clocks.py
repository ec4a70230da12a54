"""The legal and landlord clocks on a repair or a complaint stage, as plain values.

Pure: each function reads a repair's or a stage's dates and returns Clock values; nothing is
stored, so a change to a date always shows the right answer. Timescales:
- the landlord's own target (fixed on the repair when it was raised);
- Awaab's Law, for the hazards the setting AWAABS_LAW_HAZARDS names, each from its commencement
  day (emergencies and damp and mould from 27 October 2025; the 2026 and 2027 groups on their days):
  an emergency hazard investigated and made safe within 24 hours; a significant hazard investigated
  within 10 working days, a written summary within 3 working days of the investigation, safety work
  within 5, and further preventative work begun within 5 (or, with the reason recorded, within 12
  weeks). A hazard reported before its day has no Awaab's Law clock;
- the Complaint Handling Code: acknowledge within 5 working days at each stage; decide within 10
  (stage 1) or 20 (stage 2) working days of the acknowledgement, plus any extension explained to
  the resident.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from repairs.choices import Hazard
from repairs.working_days import add_working_days

PREVENTATIVE_WORK_LONGSTOP = timedelta(weeks=12)

MET, MISSED, OVERDUE, OPEN, WAITING = "met", "missed", "overdue", "open", "waiting"
STATUS_LABELS = {
    MET: _("Met"),
    MISSED: _("Missed"),
    OVERDUE: _("Overdue"),
    OPEN: _("Not due yet"),
    WAITING: _("Waiting for an earlier step"),
}


@dataclass(frozen=True)
class Clock:
    name: str
    rule: str
    due: date | datetime | None
    done: date | datetime | None
    extension_reason: str = ""

    def status(self, now=None):
        if self.due is None:
            return WAITING
        if self.done is not None:
            return MET if self.done <= self.due else MISSED
        return OVERDUE if _today_or_now(self.due, now) > self.due else OPEN

    def is_decided(self, now=None):
        """Met or failed for good (done late, or not done and already past due)."""
        return self.status(now) in (MET, MISSED, OVERDUE)

    @property
    def extended(self):
        return bool(self.extension_reason)


def _today_or_now(due, now):
    now = now or timezone.now()
    return now if isinstance(due, datetime) else timezone.localdate(now)


def _local_date(moment):
    return timezone.localdate(moment) if moment is not None else None


def landlord_target_clock(repair):
    return Clock(
        _("Our target for this priority"),
        _("Set by the priority when the repair was reported"),
        repair.due_at,
        repair.completed_at,
    )


def awaabs_law_commences(hazard):
    """The day Awaab's Law's clocks start for this hazard (settings.AWAABS_LAW_HAZARDS), or None."""
    return settings.AWAABS_LAW_HAZARDS.get(hazard) if hazard else None


def awaabs_law_applies(hazard, reported_on):
    """Whether a hazard reported on this day has Awaab's Law clocks: its group had commenced."""
    commences = awaabs_law_commences(hazard)
    return commences is not None and reported_on >= commences


def awaabs_law_clocks(repair):
    """The Awaab's Law clocks for a hazard: none for a repair with no hazard, or with a hazard whose
    group had not commenced on the day it was reported."""
    if not repair.hazard or not repair.reported_at:
        return []
    if not awaabs_law_applies(repair.hazard, _local_date(repair.reported_at)):
        return []
    if repair.hazard == Hazard.EMERGENCY:
        deadline = repair.reported_at + timedelta(hours=24)
        rule = _("Within 24 hours of the report")
        return [
            Clock(_("Investigate the emergency hazard"), rule, deadline, repair.investigated_at),
            Clock(_("Make the home safe"), rule, deadline, repair.made_safe_at),
        ]
    return significant_hazard_clocks(
        reported_on=_local_date(repair.reported_at),
        investigated_on=_local_date(repair.investigated_at),
        summary_sent_on=repair.summary_sent_on,
        made_safe_on=_local_date(repair.made_safe_at),
        preventative_work_started_on=repair.preventative_work_started_on,
        preventative_work_delay_reason=repair.preventative_work_delay_reason,
    )


def significant_hazard_clocks(
    *,
    reported_on,
    investigated_on=None,
    summary_sent_on=None,
    made_safe_on=None,
    preventative_work_started_on=None,
    preventative_work_delay_reason="",
):
    """The four clocks for a significant hazard (damp and mould, and each later group). Later steps count from the day the
    investigation was actually done, so until then their due dates are not known."""
    investigation_due = add_working_days(reported_on, 10)
    after = investigated_on
    if after is None:
        summary_due = safety_due = preventative_due = None
    else:
        summary_due = add_working_days(after, 3)
        safety_due = add_working_days(after, 5)
        preventative_due = (
            after + PREVENTATIVE_WORK_LONGSTOP if preventative_work_delay_reason else add_working_days(after, 5)
        )
    return [
        Clock(_("Investigate"), _("Within 10 working days of the report"), investigation_due, investigated_on),
        Clock(
            _("Send the written summary"),
            _("Within 3 working days of the investigation"),
            summary_due,
            summary_sent_on,
        ),
        Clock(_("Do the safety work"), _("Within 5 working days of the investigation"), safety_due, made_safe_on),
        Clock(
            _("Begin further preventative work"),
            _("Within 12 weeks of the investigation, with the reason recorded")
            if preventative_work_delay_reason
            else _("Within 5 working days of the investigation"),
            preventative_due,
            preventative_work_started_on,
            extension_reason=preventative_work_delay_reason,
        ),
    ]


def repair_clocks(repair, now=None):
    return [landlord_target_clock(repair), *awaabs_law_clocks(repair)]


def every_awaabs_law_clock_met(clocks, now=None):
    """True when every clock is met, False as soon as one is missed or overdue, None while undecided."""
    statuses = [clock.status(now) for clock in clocks]
    if any(status in (MISSED, OVERDUE) for status in statuses):
        return False
    if all(status == MET for status in statuses):
        return True
    return None


CODE_RESPONSE_DAYS = {1: 10, 2: 20}
# The Complaint Handling Code's longest extension at each stage, in working days.
EXTENSION_LIMIT_WORKING_DAYS = {1: 10, 2: 20}


def acknowledgement_due(received_on):
    """The last day a stage's acknowledgement meets the Code: 5 working days after it was received."""
    return add_working_days(received_on, 5)


def decision_due(*, number, received_on, acknowledged_on=None, extension_working_days=0, extended=True):
    """The last day a stage's decision meets the Code (TSM CH02): 10 (stage 1) or 20 (stage 2) working
    days from the acknowledgement, or from the day it was due if it was late or never sent, plus any
    extension up to the Code's limit (`extended=False`: with no extension)."""
    extra = min(extension_working_days or 0, EXTENSION_LIMIT_WORKING_DAYS[number]) if extended else 0
    counted_from = acknowledged_on or acknowledgement_due(received_on)
    return add_working_days(counted_from, CODE_RESPONSE_DAYS[number] + extra)


def complaint_stage_clocks(stage, now=None):
    return code_clocks(
        number=stage.number,
        received_on=stage.received_on,
        acknowledged_on=stage.acknowledged_on,
        responded_on=stage.responded_on,
        extension_working_days=stage.extension_working_days,
        extension_reason=stage.extension_reason,
    )


def code_clocks(
    *, number, received_on, acknowledged_on=None, responded_on=None, extension_working_days=0, extension_reason=""
):
    """The Complaint Handling Code clocks for one stage. The decision clock counts from the
    acknowledgement (or, until there is one, from the day it was due), plus any extension up to the
    Code's limit (`decision_due`, the same rule the figures use)."""
    response_due = decision_due(
        number=number,
        received_on=received_on,
        acknowledged_on=acknowledged_on,
        extension_working_days=extension_working_days,
    )
    words = {"days": CODE_RESPONSE_DAYS[number], "extra": extension_working_days}
    if extension_working_days > EXTENSION_LIMIT_WORKING_DAYS[number]:
        words["limit"] = EXTENSION_LIMIT_WORKING_DAYS[number]
        rule = (
            _(
                "Within %(days)s working days of the acknowledgement, extended by %(extra)s; the Code allows "
                "at most %(limit)s, so %(limit)s are counted"
            )
            % words
        )
    elif extension_working_days:
        rule = _("Within %(days)s working days of the acknowledgement, extended by %(extra)s") % words
    else:
        rule = _("Within %(days)s working days of the acknowledgement") % words
    return [
        Clock(
            _("Acknowledge"),
            _("Within 5 working days of receiving it"),
            acknowledgement_due(received_on),
            acknowledged_on,
        ),
        Clock(_("Send the decision"), rule, response_due, responded_on, extension_reason=extension_reason),
    ]
