"""The Regulator's management-information measures for one year, from the facts held: building
safety (BS01-BS05), anti-social behaviour (NM01), decency (RP01), repairs (RP02) and complaints
(CH01, CH02). The rules are in repairs/measures.py; this reads the facts and names each figure.

Every figure is at landlord level (by tenure where the Regulator asks for it), so no cell needs the
disclosure control; the inequities engine splits the same measures by group and region.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from engagement.models import Home
from repairs import measures
from repairs import selectors as facts
from repairs.choices import CHECK_MEASURES, CheckType

SHARE, PER_1000 = "share", "per_1000"


@dataclass(frozen=True)
class Figure:
    code: str  # the Regulator's measure and part: "BS01", "NM01 (1)", "CH02 (2)"
    label: str
    tenure: str  # "LCRA", "LCHO" or "" for both together
    kind: str  # SHARE (a proportion of `total`) or PER_1000 (`count` per 1,000 of `total` homes)
    count: int
    total: int
    rate: float | None  # a proportion (0-1) for SHARE, a number per 1,000 homes for PER_1000
    part: str = ""  # "without_extension" for CH02 counted with no extension; "" for the measure itself


def homes_by_tenure():
    """{"LCRA": n, "LCHO": n}: homes at the year end (today's homes; leasehold homes are outside)."""
    counts = dict(Home.objects.values_list("scheme_type").annotate(n=Count("pk")))
    result = {measures.LCRA: 0, measures.LCHO: 0}
    for scheme, n in counts.items():
        tenure = measures.tenure_of_scheme(scheme)
        if tenure:
            result[tenure] += n
    return result


def _share(code, label, share, tenure="", part=""):
    return Figure(code, str(label), tenure, SHARE, share.count, share.total, share.rate, part)


def _rate(code, label, count, homes, tenure=""):
    return Figure(code, str(label), tenure, PER_1000, count, homes, measures.per_thousand(count, homes))


BS_LABELS = {
    CheckType.GAS: _("Homes with every required gas safety check done"),
    CheckType.FIRE: _("Homes with every required fire risk assessment done"),
    CheckType.ASBESTOS: _("Homes with every required asbestos survey or re-inspection done"),
    CheckType.WATER: _("Homes with every required legionella (water) risk assessment done"),
    CheckType.LIFTS: _("Homes with every required communal passenger lift check done"),
}
TENURE_WORDS = {measures.LCRA: _("rented homes"), measures.LCHO: _("shared ownership")}


def figures(start, end):
    """Every management-information figure for the year from `start` to `end` (the year end)."""
    homes = homes_by_tenure()
    all_homes = homes[measures.LCRA] + homes[measures.LCHO]
    safety = measures.building_safety(list(facts.compliance_facts()), as_of=end)
    result = [_share(CHECK_MEASURES[kind], BS_LABELS[kind], safety[CHECK_MEASURES[kind]]) for kind in CheckType]
    asb = measures.asb_cases_per_thousand_homes(list(facts.asb_case_facts()), homes=all_homes, start=start, end=end)
    result += [
        _rate("NM01 (1)", _("Anti-social behaviour cases opened per 1,000 homes"), asb[1][0], all_homes),
        _rate("NM01 (2)", _("Anti-social behaviour cases involving hate incidents opened per 1,000 homes"),
              asb[2][0], all_homes),
        _share("RP01", _("Homes that do not meet the Decent Homes Standard"),
               measures.decent_homes_failures(list(facts.decency_facts()), end=end)),
    ]  # fmt: skip
    repairs = measures.responsive_repairs_within_target(list(facts.repair_facts()), start=start, end=end)
    result += [
        _share("RP02 (1)", _("Non-emergency repairs completed within our target time"), repairs[1], measures.LCRA),
        _share("RP02 (2)", _("Emergency repairs completed within our target time"), repairs[2], measures.LCRA),
    ]
    complaints = measures.complaints_by_tenure(list(facts.complaint_stage_facts()), homes=homes, start=start, end=end)
    for tenure in (measures.LCRA, measures.LCHO):
        words = {"tenure": TENURE_WORDS[tenure]}
        for number in (1, 2):
            cell = complaints[(tenure, number)]
            words["stage"] = number
            result += [
                _rate(f"CH01 ({number})", _("Stage %(stage)s complaints per 1,000 homes, %(tenure)s") % words,
                      cell["made"], homes[tenure], tenure),
                _share(f"CH02 ({number})",
                       _("Stage %(stage)s complaints answered within the Complaint Handling Code's time, %(tenure)s")
                       % words, cell["within_code"], tenure),
                _share(f"CH02 ({number})",
                       _("Stage %(stage)s complaints answered within the Code's time without an extension, "
                         "%(tenure)s") % words, cell["without_extension"], tenure, "without_extension"),
            ]  # fmt: skip
    return result
