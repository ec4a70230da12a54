"""The metric families, each declared once: every stage of the inequities engine reads them here.

A family is one aggregate query (a function in `inequities/extract.py`), the function that shapes
its counts into figures (`inequities/shapes.py`), the unit of its rates, and the metrics it gives.
Each metric has its words (labels, the phrase a summary sentence completes, what its numerator and
denominator count), the dashboard page that shows it and the public benchmarks it sits beside.

The recompute runs the families in this order (`services.compute`); labels, the dashboards' pages,
signals' sentences, the benchmarks and the bench's floor (`bench/recompute.py`) look them up here.
A metric key is written here and nowhere else in the engine: adding a family is one declaration
(with its query, and its lines in `bench/recompute_floor.sql`).

How a query's counts become a metric:
- `denominator` (family) and `count` (metric) name the query's columns that are a metric's
  denominator and numerator, so metrics of one family that name the same denominator count the
  same people (satisfied and dissatisfied of one measure; repairs on time and recalled);
- `part` (metric) picks the query's rows whose `metric` column holds it, where one query counts
  several things at once (the survey's measures; panel members and participants);
- `against_residents` (family): each group's share is compared with its share of residents, so the
  population family's counts are published beside the family's own.
"""

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from inequities import extract, shapes
from inequities.metrics import ALL

PROPORTION, SHARE, PER_1000, WORKING_DAYS = "proportion", "share", "per_1000", "working_days"
UNITS = (PROPORTION, SHARE, PER_1000, WORKING_DAYS)
EVERYONE_ELSE = _("Everyone else")
SHARE_OF_RESIDENTS = _("Share of residents")

# The dashboard pages (their slugs; each page's title and introduction are in its module in inequities/dashboards/).
DISSATISFACTION, BY_REGION, SILENCES, REPAIRS = "dissatisfaction", "dissatisfaction-by-region", "silences", "repairs"
ADJUSTMENTS, COMPLAINTS, REPRESENTATION = "adjustments", "complaints", "representation"


@dataclass(frozen=True)
class Benchmark:
    """A public figure our metric sits beside: the row of inequities/data/national_benchmarks.csv
    with this source, measure and group, matched to the figures of `dimension` ("*": every
    dimension's everyone row), `group` and `region`. A regional benchmark also sits beside the
    region's own row in the region dimension."""

    source: str
    measure: str
    row_group: str
    dimension: str = "*"
    group: str = ALL
    region: str = ALL


@dataclass(frozen=True)
class MethodChange:
    """A change to how a metric is made, from a day on: the trends page says so beside any years
    either side of it (inequities/trends.py)."""

    on: date
    words: str


@dataclass(frozen=True)
class Metric:
    key: str
    label: str  # a heading: "Dissatisfied with repairs"
    value: str  # the table's column for the rate: "Dissatisfied"
    phrase: str  # completes "... more likely than other residents to ___" (or, for shares, "made up ___")
    numerator: str  # what the numerator counts (docs/inequities.md lists these)
    denominator: str  # what the denominator counts
    comparison: str = EVERYONE_ELSE  # the table's column for the comparison rate
    pages: tuple = ()  # the dashboard pages that show it; none: it is in the export only
    count: str = ""  # the query's column that is the numerator (see the module's docstring)
    part: str = ""  # the query's rows for this metric, where one query counts several things
    topic: str = ""  # signals: what residents were dissatisfied with, "the repairs service"
    benchmarks: tuple = ()
    # The Tenant Satisfaction Measure the Regulator publishes for every landlord that this metric is
    # (everyone's row): its benchmark is all landlords' median, and the dashboards place us among
    # all landlords and our peers (surveys/peers.py).
    published_as: str = ""
    method_changes: tuple = ()  # MethodChange, oldest first


@dataclass(frozen=True)
class Family:
    name: str  # also the family's name in bench/recompute_floor.sql
    query: object  # extract.<function>(start, end, today) -> counts by dimension, group and region
    shape: object  # shapes.<function>(counts, family, residents) -> figures
    unit: str
    metrics: tuple
    denominator: str = ""  # the query's column that is every metric's denominator
    against_residents: bool = False
    counts: tuple = ()  # the query's count columns, in the order the bench's floor prints them
    # The Regulator's management-information measures (BS01-BS05, NM01, RP01, RP02, CH01, CH02): the trends page shows them
    # by quarter as well as by year (inequities/trends.py).
    management_information: bool = False
    # Every count only grows as the period lengthens or late records arrive (things that happened in
    # the period), so a reader who kept an earlier snapshot knows each of its counts is at most the
    # same count now, and disclosure control audits them together on that (disclosure/audit.py).
    # Not so for what is counted as it stands on a day: current residents, households or homes, the
    # panel on the period's last day, a home's latest state, whether an adjustment is in place now.
    # True for every metric of the family, or the keys of those that do.
    grows: object = False


class Measure(NamedTuple):
    dissatisfied: Metric
    satisfied: Metric


def _survey_measure(code, topic_of_dissatisfaction, what, benchmarks=None):
    """A TSM perception measure (or the after-repair question): dissatisfied and satisfied."""
    benchmarks = benchmarks or {}
    return Measure(
        *(
            Metric(
                f"{code.lower()}_{outcome}",
                format_lazy(label, what=what),
                value,
                format_lazy(phrase, what=what),
                numerator,
                _("valid answers to the question in the period (don't know excluded)"),
                pages=(DISSATISFACTION, BY_REGION) if outcome == "dissatisfied" else (),
                count=outcome,
                part=code,
                topic=topic_of_dissatisfaction if outcome == "dissatisfied" else "",
            benchmarks=benchmarks.get(outcome, ()),
            published_as=code if outcome == "satisfied" and code.startswith("TP") else "",
            )
            for outcome, label, value, phrase, numerator in (
                ("dissatisfied", _("Dissatisfied with {what}"), _("Dissatisfied"), _("be dissatisfied with {what}"),
                 _("fairly and very dissatisfied answers")),
                ("satisfied", _("Satisfied with {what}"), _("Satisfied"), _("be satisfied with {what}"),
                 _("very and fairly satisfied answers")),
            )
        )
    )  # fmt: skip


RSH, EHS, DLUHC = "RSH TSM headline report", "English Housing Survey", "DLUHC social housing resident survey"
EHS_REPAIRS_SATISFIED = "satisfied with repairs and maintenance"
EHS_REPAIRS_DISSATISFIED = "dissatisfied with repairs and maintenance"
EHS_LANDLORD_SATISFIED = "satisfied with landlord services"
DLUHC_OVERALL = "overall satisfaction"

POPULATION = Family(
    "residents",
    extract.resident_counts,
    shapes.population,
    SHARE,
    (
        Metric(
            "residents", _("Residents"), SHARE_OF_RESIDENTS, _("residents"),
            _("current residents in the group"), _("all current residents (in the region)"),
            # No table of its own: the silences page shows its never-asked groups (Dashboard.not_asked).
            benchmarks=(
                Benchmark(EHS, "social homes with no internet connection", "all", "no_internet", "no_internet"),
            ),
        ),
    ),
    counts=("count",),
)  # fmt: skip
TP01 = _survey_measure(
    "TP01", _("the service overall"), _("the service overall"),
    {
        "satisfied": (
            Benchmark(EHS, EHS_LANDLORD_SATISFIED, "North East", region="North East"),
            Benchmark(EHS, EHS_LANDLORD_SATISFIED, "London", region="London"),
            Benchmark(DLUHC, DLUHC_OVERALL, "White", "ethnic_group", "white"),
            Benchmark(DLUHC, DLUHC_OVERALL, "Men", "sex", "male"),
            Benchmark(DLUHC, DLUHC_OVERALL, "Women", "sex", "female"),
            Benchmark(DLUHC, DLUHC_OVERALL, "65-74", "age_band", "65_74"),
            Benchmark(DLUHC, DLUHC_OVERALL, "75+", "age_band", "75_plus"),
        ),
        "dissatisfied": (Benchmark(RSH, "overall satisfaction (TP01) - dissatisfied", "all"),),
    },
)  # fmt: skip
TP02 = _survey_measure(
    "TP02", _("the repairs service"), _("repairs"),
    {
        "satisfied": (
            Benchmark(EHS, EHS_REPAIRS_SATISFIED, "London", region="London"),
            Benchmark(EHS, EHS_REPAIRS_SATISFIED, "North East", region="North East"),
        ),
        "dissatisfied": (Benchmark(EHS, EHS_REPAIRS_DISSATISFIED, "all"),),
    },
)  # fmt: skip
TP03 = _survey_measure("TP03", _("the time repairs take"), _("the time taken to complete the most recent repair"))
TP04 = _survey_measure("TP04", _("how well their home is maintained"), _("how well the home is maintained"))
REPAIR_OVERALL = _survey_measure(
    "REPAIR_OVERALL", _("their most recent repair"), _("the most recent repair (survey after a repair)")
)
SURVEY = Family(
    "survey_answers",
    extract.survey_answers,
    shapes.rates,
    PROPORTION,
    (*TP01, *TP02, *TP03, *TP04, *REPAIR_OVERALL),
    denominator="valid",
    counts=("valid", "satisfied", "dissatisfied"),
    grows=True,
)
INVITATIONS = Family(
    "invitations",
    extract.invitation_responses,
    shapes.rates,
    PROPORTION,
    (
        Metric(
            "invitation_response", _("Answered a survey they were invited to"), _("Responded"),
            _("answer a survey they were invited to"),
            _("invitations sent in the period that became a submitted response"), _("invitations sent in the period"),
            pages=(SILENCES,), count="responded",
        ),
    ),
    denominator="invited",
    counts=("invited", "responded"),
    grows=True,
)  # fmt: skip
RESPONSES = Family(
    "responses",
    extract.response_counts,
    shapes.shares,
    SHARE,
    (
        Metric(
            "share_of_voice", _("Share of survey responses against share of residents"), _("Share of responses"),
            _("survey responses"), _("the group's submitted responses"),
            _("all submitted responses; the comparison is the group's share of residents"),
            comparison=SHARE_OF_RESIDENTS, pages=(SILENCES,),
        ),
    ),
    against_residents=True,
    counts=("count",),
    grows=True,
)  # fmt: skip
REPAIRS_DONE = Family(
    "repairs",
    extract.repair_outcomes,
    shapes.rates,
    PROPORTION,
    (
        Metric(
            "repairs_on_time", _("Repairs completed on time"), _("On time"),
            _("have a repair completed within its target"),
            _("repairs completed in the period by the target fixed when they were raised"),
            _("repairs completed in the period"),
            pages=(REPAIRS,), count="on_time",
        ),
        Metric(
            "recall_rate", _("Repairs that needed a return visit"), _("Recalled"),
            _("need a return visit for the same problem"),
            _("completed repairs that a recall (the same problem again) followed"),
            _("repairs completed in the period"),
            pages=(REPAIRS,), count="repeated",
        ),
    ),
    denominator="completed",
    counts=("completed", "on_time", "repeated"),
    grows=True,
)  # fmt: skip
WORKING_DAYS_TAKEN = Family(
    "working_days",
    extract.working_days_taken,
    shapes.medians,
    WORKING_DAYS,
    (
        Metric(
            "median_working_days", _("Working days to complete a repair (median)"), _("Median working days"),
            _("working days to complete a repair"),
            _("none (a median has no numerator)"),
            _("repairs completed in the period; the rate is the median number of working days from report to "
              "completion (Monday to Friday, not English bank holidays)"),
            pages=(REPAIRS,),
        ),
    ),
    counts=("count",),
    grows=True,
)  # fmt: skip
APPOINTMENTS = Family(
    "appointments",
    extract.missed_appointments,
    shapes.rates,
    PROPORTION,
    (
        Metric(
            "appointments_missed", _("Repair visits we missed"), _("Missed"), _("have a repair visit missed"),
            _("visits we missed"), _("visits in the period with an outcome"),
            pages=(REPAIRS,), count="missed",
        ),
    ),
    denominator="visits",
    counts=("visits", "missed"),
    grows=True,
)  # fmt: skip
AWAABS_LAW = Family(
    "awaabs_law",
    extract.awaabs_law_cases,
    shapes.rates,
    PROPORTION,
    (
        Metric(
            "awaabs_law_met", _("Significant hazards meeting every Awaab's Law deadline"), _("Met every deadline"),
            _("have a significant hazard (such as damp and mould) meet every Awaab's Law deadline"),
            _("significant hazards with Awaab's Law clocks (damp and mould, and each later group from its "
              "commencement day) reported in the period that met all four Awaab's Law clocks "
              "(investigation, written summary, safety work, preventative work)"),
            _("those cases whose clocks are all decided: every step done, or one already late or overdue; cases "
              "still in time are left out until they are decided"),
            pages=(REPAIRS,), count="met",
            method_changes=(
                MethodChange(settings.AWAABS_LAW_FIRST_PHASE, _(
                    "Awaab's Law came into force on 27 October 2025: damp and mould cases reported before then "
                    "had no legal deadlines, so the 2025 to 2026 figures count only cases reported from that day."
                )),
            ),
        ),
    ),
    denominator="decided",
    counts=("decided", "met"),
    grows=True,
)  # fmt: skip
ADJUSTMENTS_IN_PLACE = Family(
    "adjustments",
    extract.adjustments_in_place,
    shapes.rates,
    PROPORTION,
    (
        Metric(
            "adjustments_in_place", _("Reasonable adjustments in place, of those asked for"), _("In place"),
            _("have a reasonable adjustment they asked for in place"),
            _("adjustments asked for in the period that are now in place"), _("adjustments asked for in the period"),
            pages=(ADJUSTMENTS,), count="in_place",
        ),
    ),
    denominator="requested",
    counts=("requested", "in_place"),
)  # fmt: skip
COMPLAINTS_MADE = Family(
    "complaints",
    extract.complaints_and_households,
    shapes.events_per_1000,
    PER_1000,
    (
        Metric(
            "complaints_per_1000", _("Complaints per 1,000 households"), _("Complaints per 1,000 households"),
            _("complaints"),
            _("complaints received in the period (by the household's lead tenant)"),
            _("current households; the rate is per 1,000 households"),
            pages=(COMPLAINTS,), count="complaints",
        ),
    ),
    denominator="households",
    counts=("complaints", "households"),
    management_information=True,
)  # fmt: skip
TSM_REPAIRS = Family(
    "tsm_repairs",
    extract.tsm_repairs,
    shapes.rates,
    PROPORTION,
    (
        Metric(
            "rp02_non_emergency", _("Non-emergency repairs completed within our target (TSM RP02)"), _("On time"),
            _("have a non-emergency repair completed within our target"),
            _("rented homes' non-emergency repairs completed in the period within the landlord's own target"),
            _("rented homes' non-emergency repairs completed in the period"),
            pages=(REPAIRS,), count="on_time", part="RP02_1",
        ),
        Metric(
            "rp02_emergency", _("Emergency repairs completed within our target (TSM RP02)"), _("On time"),
            _("have an emergency repair completed within our target"),
            _("rented homes' emergency repairs completed in the period within the landlord's own target"),
            _("rented homes' emergency repairs completed in the period"),
            pages=(REPAIRS,), count="on_time", part="RP02_2",
        ),
    ),
    denominator="completed",
    counts=("completed", "on_time"),
    management_information=True,
    grows=True,
)  # fmt: skip
TSM_COMPLAINTS = Family(
    "tsm_complaints",
    extract.tsm_complaints,
    shapes.rates,
    PROPORTION,
    (
        Metric(
            "ch02_stage_1", _("Stage 1 complaints answered within the Complaint Handling Code's time (TSM CH02)"),
            _("Answered in time"), _("have a stage 1 complaint answered within the Code's time"),
            _("stage 1 complaints made in the period (rented homes and shared ownership) answered within 10 working "
              "days of the acknowledgement, plus any extension up to 10 more"),
            _("stage 1 complaints made in the period (rented homes and shared ownership)"),
            pages=(COMPLAINTS,), count="within_code", part="CH02_1",
        ),
        Metric(
            "ch02_stage_2", _("Stage 2 complaints answered within the Complaint Handling Code's time (TSM CH02)"),
            _("Answered in time"), _("have a stage 2 complaint answered within the Code's time"),
            _("stage 2 complaints made in the period (rented homes and shared ownership) answered within 20 working "
              "days of the acknowledgement, plus any extension up to 20 more"),
            _("stage 2 complaints made in the period (rented homes and shared ownership)"),
            pages=(COMPLAINTS,), count="within_code", part="CH02_2",
        ),
    ),
    denominator="made",
    counts=("made", "within_code"),
    management_information=True,
    grows=True,
)  # fmt: skip
CHECKS = (
    ("BS01", _("gas safety checks"), _("a gas safety check")),
    ("BS02", _("fire risk assessments"), _("a fire risk assessment")),
    ("BS03", _("asbestos management surveys or re-inspections"), _("an asbestos survey or re-inspection")),
    ("BS04", _("legionella (water safety) risk assessments"), _("a legionella (water safety) risk assessment")),
    ("BS05", _("communal passenger lift safety checks"), _("a communal passenger lift safety check")),
)
TSM_BUILDING_SAFETY = Family(
    "tsm_building_safety",
    extract.building_safety,
    shapes.rates,
    PROPORTION,
    tuple(
        Metric(
            f"{code.lower()}_checks_done",
            format_lazy(_("Homes with every required {checks} done (TSM {code})"), checks=checks, code=code),
            _("Done"),
            format_lazy(_("live in a home with {check} done when it was needed"), check=check),
            format_lazy(_("homes (rented and shared ownership) that needed {check} by the end of the period and had "
                          "it done and recorded by then"), check=check),
            format_lazy(_("homes (rented and shared ownership) that needed {check} by the end of the period (due by "
                          "then, or done); by the lead tenant of the home's current household"), check=check),
            pages=(REPAIRS,), count="done", part=code,
        )
        for code, checks, check in CHECKS
    ),
    denominator="required",
    counts=("required", "done"),
    management_information=True,
)  # fmt: skip
TSM_DECENCY = Family(
    "tsm_decency",
    extract.decency,
    shapes.rates,
    PROPORTION,
    (
        Metric(
            "rp01_non_decent", _("Homes that do not meet the Decent Homes Standard (TSM RP01)"),
            _("Not decent"), _("live in a home that does not meet the Decent Homes Standard"),
            _("homes (rented and shared ownership) whose latest answer on or before the end of the period is that "
              "they fail the Decent Homes Standard"),
            _("homes (rented and shared ownership) with a Decent Homes answer on or before the end of the period; "
              "by the lead tenant of the home's current household"),
            pages=(REPAIRS,), count="fails",
        ),
    ),
    denominator="assessed",
    counts=("assessed", "fails"),
    management_information=True,
)  # fmt: skip
TSM_ANTISOCIAL_BEHAVIOUR = Family(
    "tsm_antisocial_behaviour",
    extract.asb_cases_and_homes,
    shapes.events_per_1000,
    PER_1000,
    (
        Metric(
            "nm01_asb_cases_per_1000", _("Anti-social behaviour cases opened per 1,000 homes (TSM NM01 (1))"),
            _("Cases per 1,000 homes"), _("anti-social behaviour cases"),
            _("anti-social behaviour cases opened in the period, at the home of the lead tenant of its current "
              "household"),
            _("homes (rented and shared ownership); the rate is per 1,000 homes"),
            pages=(COMPLAINTS,), count="cases",
        ),
        Metric(
            "nm01_hate_cases_per_1000",
            _("Anti-social behaviour cases involving a hate incident opened per 1,000 homes (TSM NM01 (2))"),
            _("Hate incident cases per 1,000 homes"), _("anti-social behaviour cases involving a hate incident"),
            _("anti-social behaviour cases involving a hate incident opened in the period"),
            _("homes (rented and shared ownership); the rate is per 1,000 homes"),
            pages=(COMPLAINTS,), count="hate_cases",
        ),
    ),
    denominator="homes",
    counts=("cases", "hate_cases", "homes"),
    management_information=True,
)  # fmt: skip
SECURITY = Family(
    "security",
    extract.security_repairs,
    shapes.rates,
    PROPORTION,
    (
        Metric(
            "security_repairs", _("Repairs to windows, doors, gates and fences"), _("Security repairs"),
            _("have repairs to windows, doors, gates or fences"),
            _("repairs to windows, doors, gates and fences reported in the period"),
            _("all repairs reported in the period (not cancelled), for homes in the most crime-deprived fifth of "
              "neighbourhoods (IMD crime deciles 1–2), other areas, or crime decile not recorded"),
            comparison=_("Other neighbourhoods"), pages=(REPAIRS,), count="security",
        ),
    ),
    denominator="repairs",
    counts=("security", "repairs"),
    grows=True,
)  # fmt: skip
REPRESENTATION_ON_PANELS = Family(
    "representation",
    extract.representation,
    shapes.representation,
    SHARE,
    (
        Metric(
            "representation_panel", _("Scrutiny panel members against residents"), _("Share of panel members"),
            _("panel members"), _("residents on a scrutiny panel on the last day of the period"),
            _("all panel members; the comparison is the group's share of residents"),
            comparison=SHARE_OF_RESIDENTS, pages=(REPRESENTATION,), part="panel",
        ),
        Metric(
            "representation_participants", _("People taking part in engagement against residents"),
            _("Share of participants"), _("people taking part in engagement"),
            _("residents named at an engagement activity in the period, each once, and people counted there "
              "without a name"),
            _("all participants, named and unnamed (an activity's headcount, with its anonymous equality "
              "counts); the comparison is the group's share of residents"),
            comparison=SHARE_OF_RESIDENTS, pages=(REPRESENTATION,), part="participants",
        ),
    ),
    against_residents=True,
    counts=("count",),
    grows=("representation_participants",),
)  # fmt: skip

FAMILIES = (
    POPULATION,
    SURVEY,
    INVITATIONS,
    RESPONSES,
    REPAIRS_DONE,
    WORKING_DAYS_TAKEN,
    APPOINTMENTS,
    AWAABS_LAW,
    ADJUSTMENTS_IN_PLACE,
    COMPLAINTS_MADE,
    SECURITY,
    REPRESENTATION_ON_PANELS,
    TSM_REPAIRS,
    TSM_COMPLAINTS,
    TSM_BUILDING_SAFETY,
    TSM_DECENCY,
    TSM_ANTISOCIAL_BEHAVIOUR,
)
METRICS = {metric.key: metric for family in FAMILIES for metric in family.metrics}
FAMILY_OF = {metric.key: family for family in FAMILIES for metric in family.metrics}


def same_people():
    """[(metric keys)] of metrics with one denominator (of one family, its `denominator` column, and
    the same `part`): satisfied and dissatisfied of one measure; repairs on time and recalled. A
    shown one gives away the other's denominator, so disclosure control hides them together."""
    groups = {}
    for family in FAMILIES:
        if family.denominator and family.unit == PROPORTION:
            for metric in family.metrics:
                groups.setdefault((family.name, metric.part), []).append(metric.key)
    return [tuple(keys) for keys in groups.values() if len(keys) > 1]


def apart():
    """[(metric keys)] of pairs in same_people() of which nobody is in both numerators: satisfied
    and dissatisfied with one thing (an answer is one or the other, or neither)."""
    return [(m.dissatisfied.key, m.satisfied.key) for m in (TP01, TP02, TP03, TP04, REPAIR_OVERALL)]


def on_page(slug):
    """The metric keys a dashboard page shows, in the order they are declared."""
    return tuple(key for key, metric in METRICS.items() if slug in metric.pages)


def unit(key):
    return FAMILY_OF[key].unit


def by_quarter(key):
    """Whether the trends page shows a metric by quarter too (a management-information measure)."""
    return FAMILY_OF[key].management_information


def growing():
    """The metric keys whose counts only grow (Family.grows)."""
    return {
        metric.key
        for family in FAMILIES
        for metric in family.metrics
        if family.grows is True or (family.grows and metric.key in family.grows)
    }
