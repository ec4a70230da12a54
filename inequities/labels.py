"""Words for the codes in the figures: metrics, dimensions, groups and regions.

Turns `tp02_dissatisfied`, `disability` and `yes` into "Dissatisfied with repairs", "Disability or
long-term condition" and "Disabled residents". A metric's words are declared with its family in
inequities/families.py; a code with no words still shows, tidied up.
"""

from django.utils.translation import gettext_lazy as _

from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY, AgeBand, Answer, EthnicGroup, Sex
from engagement.models.places import SchemeType
from inequities.dimensions import DIMENSIONS_BY_KEY, NOT_RECORDED
from inequities.families import METRICS, Metric
from inequities.metrics import ALL

NOT_ASKED_TABLE = "not_asked"
AMONG_LANDLORDS_TABLE = "among_landlords"  # a page's placing among other landlords (its CSV's `measure`)


def metric(code):
    """The words for a metric, as its family declares them (inequities/families.py); a code no
    family declares (in an old snapshot) gets tidied-up words of its own."""
    if code in METRICS:
        return METRICS[code]
    words = code.replace("_", " ").capitalize()
    return Metric(code, words, words, words.lower(), "", "")


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
