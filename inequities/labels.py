"""Words for the codes in the figures: metrics, dimensions, groups and regions.

The one place that turns `tp02_dissatisfied`, `disability` and `yes` into "Dissatisfied with repairs",
"Disability or long-term condition" and "Disabled residents". A code with no entry here still shows,
tidied up, so a metric the engine starts producing appears on the dashboards before it has words.
"""

from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY, AgeBand, Answer, EthnicGroup, Sex
from engagement.models.places import SchemeType
from inequities.dimensions import DIMENSIONS_BY_KEY, NOT_RECORDED
from inequities.metrics import ALL

PROPORTION, SHARE, PER_1000, WORKING_DAYS = "proportion", "share", "per_1000", "working_days"


@dataclass(frozen=True)
class MetricWords:
    label: str  # a heading: "Dissatisfied with repairs"
    value: str  # the table's column for the rate: "Dissatisfied"
    phrase: str  # completes "... more likely than other residents to ___" (or, for shares, "made up ___")
    comparison: str = _("Everyone else")  # the table's column for the comparison rate
    unit: str = PROPORTION


def _tsm(code, what):
    return {
        f"{code}_dissatisfied": MetricWords(
            format_lazy(_("Dissatisfied with {what}"), what=what),
            _("Dissatisfied"),
            format_lazy(_("be dissatisfied with {what}"), what=what),
        ),
        f"{code}_satisfied": MetricWords(
            format_lazy(_("Satisfied with {what}"), what=what),
            _("Satisfied"),
            format_lazy(_("be satisfied with {what}"), what=what),
        ),
    }


METRICS = {
    **_tsm("tp01", _("the service overall")),
    **_tsm("tp02", _("repairs")),
    **_tsm("tp03", _("the time taken to complete the most recent repair")),
    **_tsm("tp04", _("how well the home is maintained")),
    **_tsm("repair_overall", _("the most recent repair (survey after a repair)")),
    "invitation_response": MetricWords(
        _("Answered a survey they were invited to"), _("Responded"), _("answer a survey they were invited to")
    ),
    "share_of_voice": MetricWords(
        _("Share of survey responses against share of residents"),
        _("Share of responses"),
        _("survey responses"),
        comparison=_("Share of residents"),
        unit=SHARE,
    ),
    "residents": MetricWords(_("Residents"), _("Share of residents"), _("residents"), unit=SHARE),
    "repairs_on_time": MetricWords(
        _("Repairs completed on time"), _("On time"), _("have a repair completed within its target")
    ),
    "recall_rate": MetricWords(
        _("Repairs that needed a return visit"), _("Recalled"), _("need a return visit for the same problem")
    ),
    "appointments_missed": MetricWords(_("Repair visits we missed"), _("Missed"), _("have a repair visit missed")),
    "awaabs_law_met": MetricWords(
        _("Damp and mould cases meeting every Awaab's Law deadline"),
        _("Met every deadline"),
        _("have a damp and mould case meet every Awaab's Law deadline"),
    ),
    "security_repairs": MetricWords(
        _("Repairs to windows, doors, gates and fences"),
        _("Security repairs"),
        _("have repairs to windows, doors, gates or fences"),
        comparison=_("Other neighbourhoods"),
    ),
    "median_working_days": MetricWords(
        _("Working days to complete a repair (median)"),
        _("Median working days"),
        _("working days to complete a repair"),
        unit=WORKING_DAYS,
    ),
    "adjustments_in_place": MetricWords(
        _("Reasonable adjustments in place, of those asked for"),
        _("In place"),
        _("have a reasonable adjustment they asked for in place"),
    ),
    "complaints_per_1000": MetricWords(
        _("Complaints per 1,000 households"), _("Complaints per 1,000 households"), _("complaints"), unit=PER_1000
    ),
    "representation_panel": MetricWords(
        _("Scrutiny panel members against residents"),
        _("Share of panel members"),
        _("panel members"),
        comparison=_("Share of residents"),
        unit=SHARE,
    ),
    "representation_participants": MetricWords(
        _("People taking part in engagement against residents"),
        _("Share of participants"),
        _("people taking part in engagement"),
        comparison=_("Share of residents"),
        unit=SHARE,
    ),
}
NOT_ASKED_TABLE = "not_asked"


def metric(code, unit=None):
    """The words for a metric; an unknown code gets tidied-up words of its own."""
    if code in METRICS:
        return METRICS[code]
    words = code.replace("_", " ").capitalize()
    return MetricWords(words, words, words.lower(), unit=unit or PROPORTION)


def dimension(code):
    if code in DIMENSIONS_BY_KEY:
        return DIMENSIONS_BY_KEY[code].label
    if code == "crime_deprivation":
        return _("Crime deprivation of the neighbourhood")
    return code.replace("_", " ").capitalize()


_YES_NO = {key: dict(Answer.choices) for key in ("disability", "interpreter_needed", "support_need")}
GROUPS = {
    "ethnic_group": dict(EthnicGroup.choices),
    "age_band": dict(AgeBand.choices),
    "sex": dict(Sex.choices),
    "scheme_type": dict(SchemeType.choices),
    "no_internet": {"no_internet": _("No internet access"), "has_internet": _("Has internet access")},
    **_YES_NO,
    "crime_deprivation": {
        "most_crime_deprived": _("Most crime-deprived fifth of neighbourhoods"),
        "other_areas": _("Other neighbourhoods"),
    },
}
MISSING = {
    PREFER_NOT_TO_SAY: _("Prefer not to say"),
    NOT_ASKED: _("Not asked yet"),
    NOT_RECORDED: _("Not recorded"),
    ALL: _("Everyone"),
}


def group(dimension_code, code):
    """The group's name in a table: "Asian or Asian British", "75 and over", "Not asked yet"."""
    if code in GROUPS.get(dimension_code, {}):
        return GROUPS[dimension_code][code]
    if code in MISSING:
        return MISSING[code]
    if dimension_code in ("imd_decile", "imd_quintile"):
        return _deprivation(dimension_code, code)
    return code.replace("_", " ")


def _deprivation(dimension_code, code):
    last = "10" if dimension_code == "imd_decile" else "5"
    if code == "1":
        return _("1 (most deprived)")
    if code == last:
        return _("%(n)s (least deprived)") % {"n": code}
    return code


def region(code):
    return _("All regions") if code == ALL else MISSING.get(code, code)


# Who a group is, as the subject of a sentence.
PEOPLE = {
    ("disability", "yes"): _("Disabled residents"),
    ("disability", "no"): _("Residents without a disability"),
    ("interpreter_needed", "yes"): _("Residents who need an interpreter"),
    ("interpreter_needed", "no"): _("Residents who do not need an interpreter"),
    ("support_need", "yes"): _("Residents with a recorded support need"),
    ("support_need", "no"): _("Residents without a recorded support need"),
    ("no_internet", "no_internet"): _("Residents with no internet access"),
    ("no_internet", "has_internet"): _("Residents with internet access"),
    ("no_internet", NOT_RECORDED): _("Residents whose internet access is not recorded"),
    ("sex", "female"): _("Women"),
    ("sex", "male"): _("Men"),
    ("ethnic_group", "other"): _("Residents of another ethnic group"),
    ("scheme_type", "shared_ownership"): _("Shared owners"),
    ("scheme_type", "leasehold"): _("Leaseholders"),
    ("crime_deprivation", "most_crime_deprived"): _("Homes in the most crime-deprived fifth of neighbourhoods"),
}


def people(dimension_code, code):
    """The group as people: "Disabled residents", "Residents aged 75 and over"."""
    if (dimension_code, code) in PEOPLE:
        return PEOPLE[(dimension_code, code)]
    about = str(dimension(dimension_code)).lower()
    if code == PREFER_NOT_TO_SAY:
        return _("Residents who preferred not to say (%(about)s)") % {"about": about}
    if code == NOT_ASKED:
        return _("Residents never asked about %(about)s") % {"about": about}
    if code == NOT_RECORDED:
        return _("Residents whose %(about)s is not recorded") % {"about": about}
    name = group(dimension_code, code)
    if dimension_code == "ethnic_group":
        return _("%(group)s residents") % {"group": name}
    if dimension_code == "age_band":
        return _("Residents aged %(group)s") % {"group": name}
    if dimension_code == "region":
        return _("Residents in %(group)s") % {"group": name}
    if dimension_code == "scheme_type":
        return _("Residents in %(group)s") % {"group": str(name).lower()}
    if dimension_code in ("imd_decile", "imd_quintile"):
        return _("Residents in deprivation %(part)s %(group)s") % {
            "part": _("tenth") if dimension_code == "imd_decile" else _("fifth"),
            "group": name,
        }
    return _("Residents in the group “%(group)s” (%(about)s)") % {"group": name, "about": about}
