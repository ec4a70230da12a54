"""What each metric's published numbers count, so disclosure control knows which figures in
different tables are the same people counted twice.

A figure shows a numerator and a denominator. Two metrics can show the same count: satisfied and
dissatisfied with a measure share their valid answers; repairs on time and recalls share the
repairs completed; every share compares a group with its share of residents. A reader sees all of
them together, so disclosure control treats each count (named here) as one set of cells, wherever
it is shown.
"""

from dataclasses import dataclass

PROPORTION, SHARE, PER_1000, WORKING_DAYS = "proportion", "share", "per_1000", "working_days"


@dataclass(frozen=True)
class Counts:
    numerator: str | None  # None for a median: only how many it is based on is a count
    denominator: str | None  # None for a share: the denominator is the numerator's total for everyone
    unit: str = PROPORTION
    compared_with: str | None = None  # a share's comparison: the same groups' share of this count
    # Metrics whose numerators are parts of the same denominator that never overlap (satisfied and
    # dissatisfied answers to one question) name the same `parts_of` key: together they are at most
    # the denominator.
    parts_of: str | None = None


def _tsm(code):
    return {
        f"{code}_{outcome}": Counts(f"{code}_{outcome}", f"{code}_valid", parts_of=f"{code}_valid")
        for outcome in ("satisfied", "dissatisfied")
    }


COUNTS = {
    **_tsm("tp01"),
    **_tsm("tp02"),
    **_tsm("tp03"),
    **_tsm("tp04"),
    **_tsm("repair_overall"),
    "invitation_response": Counts("responded", "invited"),
    "residents": Counts("residents", None, unit=SHARE),
    "share_of_voice": Counts("responses", None, unit=SHARE, compared_with="residents"),
    "representation_panel": Counts("panel_members", None, unit=SHARE, compared_with="residents"),
    "representation_participants": Counts("participants", None, unit=SHARE, compared_with="residents"),
    "repairs_on_time": Counts("repairs_on_time", "repairs_completed"),
    "recall_rate": Counts("repairs_recalled", "repairs_completed"),
    "appointments_missed": Counts("visits_missed", "visits"),
    "awaabs_law_met": Counts("awaab_cases_met", "awaab_cases_decided"),
    "adjustments_in_place": Counts("adjustments_in_place", "adjustments_requested"),
    "security_repairs": Counts("security_repairs", "repairs_reported"),
    "complaints_per_1000": Counts("complaints", "households", unit=PER_1000),
    "median_working_days": Counts(None, "repairs_timed", unit=WORKING_DAYS),
}


def counts(metric, unit=None):
    """What `metric`'s figures count; a metric with no entry counts things of its own."""
    if metric in COUNTS:
        return COUNTS[metric]
    if unit == SHARE:
        return Counts(f"{metric}:numerator", None, unit=SHARE)
    return Counts(f"{metric}:numerator", f"{metric}:denominator", unit=unit or PROPORTION)
