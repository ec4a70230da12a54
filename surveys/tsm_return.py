"""The Tenant Satisfaction Measures return to the Regulator of Social Housing for one reporting
year, under the Regulator's own data field names and datapoint ids.

`surveys/data/tsm_return_fields.csv` maps each field of the return (the data dictionary's data
field name and datapoint id, and which of the Regulator's tables it belongs to) to what the
product holds (`our_field`). This module works out each value: the perception measures with their
five-point counts (surveys.tsm), the survey's facts (relevant population, exclusions, census or
sample, responses by channel, weighting, the contractor) and the management-information measures
(repairs.management_information). A field the product cannot know is left blank and listed with
the reason, on screen and in its own sheet.

The return is for the Regulator, not for publication: it holds the exact counts, small or not.
"""

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db.models import Count

from core import spreadsheets
from repairs import management_information
from surveys import representativeness, tsm
from surveys.builtin import TSM_QUESTIONS
from surveys.choices import AGREEMENT_SCALE, DONT_KNOW, SATISFACTION_SCALE, SCALE_GROUPS, SurveyKind, Tenure
from surveys.models import (
    Answer,
    InvitationChannel,
    Response,
    SampleMethod,
    Survey,
    SurveyApproach,
    WeightingCharacteristic,
)

FIELDS_FILE = Path(__file__).parent / "data" / "tsm_return_fields.csv"
# The Regulator's tables, in the order of its dataset, by the name in our mapping.
TABLES = {
    "LCRA": "LCRA_Perception",
    "LCHO": "LCHO_Perception",
    "combined": "Combined_Perception",
    "management": "Management_Info",
}
TENURES = {"LCRA": (Tenure.LCRA,), "LCHO": (Tenure.LCHO,), "combined": (Tenure.LCRA, Tenure.LCHO)}
# The return's five answers in scale order, and the words the mapping uses for them.
FIVE_POINTS = ["very_satisfied", "fairly_satisfied", "neither", "fairly_dissatisfied", "very_dissatisfied"]
# How each response mode is counted among the Regulator's collection methods (an online answer
# reached by a text message's link counts as SMS).
METHODS = ["telephone", "internet", "face_to_face", "postal", "sms", "other"]
MODE_METHOD = {
    "online": "internet",
    "paper": "postal",
    "phone": "telephone",
    "phone_interpreter": "telephone",
    "in_person": "face_to_face",
    "bsl": "other",
}
OTHER_METHODS = "British Sign Language (video call)"
# The filter question that routes each measure (TP02 and TP03 ask only those who had a repair...).
FILTERS = {q["tsm_measure"]: q["asked_if_code"] for q in TSM_QUESTIONS if q["tsm_measure"] and q["asked_if_code"]}

# Why a field the product cannot know is blank, by our_field (the start of it is enough).
NOT_HELD = {
    "publication_url": "The address where the results are published is the landlord's choice.",
    "interviews_by": "Who conducted any interviews is not recorded.",
    "interviews_by_details": "Who conducted any interviews is not recorded.",
    "weighting_other": "Weighting is only by the characteristics recorded here.",
    "repairs.": "The return's repairs counts (raised, closed for other reasons, outstanding) are not worked out.",
}


@dataclass(frozen=True)
class ReturnField:
    table: str  # our name of the Regulator's table: LCRA, LCHO, combined, management
    our_field: str
    name: str  # the Regulator's data field name
    datapoint: str  # the Regulator's datapoint id


@dataclass(frozen=True)
class ReturnValue:
    field: ReturnField
    value: object  # a number or words; None when blank
    why_blank: str = ""


@cache
def fields():
    with open(FIELDS_FILE, newline="", encoding="utf-8") as handle:
        return [
            ReturnField(row["sheet"], row["our_field"], row["data_field_name"], row["datapoint_id"])
            for row in csv.DictReader(handle)
        ]


def reporting_year(year):
    """The Regulator's year YEAR: 1 April of the year before to 31 March of YEAR (TSM 2025 covers
    1 April 2024 to 31 March 2025)."""
    return date(year - 1, 4, 1), date(year, 3, 31)


def sheet_name(year, table):
    return f"TSM{year % 100:02d}_{TABLES[table]}"


def survey_of_year(start, end):
    """The TSM survey whose answers the year holds (the latest, if there were more)."""
    return (
        Survey.objects.filter(kind=SurveyKind.TSM, responses__received_on__range=(start, end))
        .distinct()
        .order_by("-created_at", "-pk")
        .first()
    )


def values(year):
    """Every field of the return for `year`, in the mapping's order."""
    start, end = reporting_year(year)
    survey = survey_of_year(start, end)
    approach = (SurveyApproach.objects.filter(survey=survey).first() if survey else None) or SurveyApproach()
    weights = _weights(survey, approach, end)
    known = {}
    for table, tenures in TENURES.items():
        known |= {(table, key): value for key, value in _perception(start, end, tenures, approach, weights).items()}
    known |= {("management", key): value for key, value in _management(start, end).items()}
    result = []
    for field in fields():
        value = known.get((field.table, field.our_field))
        result.append(ReturnValue(field, value, "" if value is not None else _why_blank(field, survey)))
    return result


def _why_blank(field, survey):
    for start, reason in NOT_HELD.items():
        if field.our_field.startswith(start):
            return reason
    if survey is None and field.table != "management":
        return "No tenant satisfaction survey has answers in this year."
    return "No answers or records to count it from."


def _weights(survey, approach, end):
    """The respondents' weights (raking) when the landlord chose to weight, else None."""
    if survey is None or not approach.weighted:
        return None
    people, respondents = representativeness.frames(survey, end)
    return representativeness.rake(people, respondents, approach.weight_by) if len(respondents) else None


def _weighted_rates(start, end, tenures, weights):
    """Each measure's satisfied share with the respondents weighted: the calculated TSMs of a
    weighted return (the Unweighted_ fields keep TP01 as answered)."""
    answers = (
        Answer.objects.filter(
            response__survey__kind=SurveyKind.TSM,
            response__submitted_at__isnull=False,
            response__received_on__range=(start, end),
            response__tenure__in=tenures,
        )
        .exclude(question__tsm_measure="")
        .exclude(value=DONT_KNOW)
        .values_list("response_id", "question__tsm_measure", "value")
    )
    totals = {}
    for response, measure, value in answers:
        weight = float(weights.weights.get(response, 0.0))
        cell = totals.setdefault(measure, [0.0, 0.0])
        cell[0] += weight if SCALE_GROUPS[value] == "satisfied" else 0.0
        cell[1] += weight
    return {f"{m}.satisfied_rate": _proportion(a / b) if b else None for m, (a, b) in totals.items()}


def _perception(start, end, tenures, approach, weights=None):
    """Our fields for one perception table: the tenures it covers, counted together."""
    responses = Response.objects.filter(
        survey__kind=SurveyKind.TSM, submitted_at__isnull=False, received_on__range=(start, end), tenure__in=tenures
    )
    homes = tsm.homes_by_tenure()
    out = {
        "population": sum(homes[tenure] for tenure in tenures),
        "sample_size": responses.count(),
        "excluded": sum(
            {Tenure.LCRA: approach.excluded_rented, Tenure.LCHO: approach.excluded_shared_ownership}[t] for t in tenures
        ),
        "census_or_sample": "Census" if approach.sample_method == SampleMethod.CENSUS else "Sample",
        "contractor_used": "Yes" if approach.contractor_name else "No",
        "contractor_name": approach.contractor_name or "",
        "weighting_used": "Yes" if approach.weighted else "No",
        "TP01.by_method_weighting": "Unweighted",
    }
    names = dict(WeightingCharacteristic.choices)
    for number in range(1, 6):
        chosen = approach.weight_by[number - 1] if number <= len(approach.weight_by) else None
        out[f"weighting.{number}"] = str(names[chosen]) if chosen else ""
    by_method = dict.fromkeys(METHODS, 0)
    satisfied = {method: [0, 0] for method in METHODS}
    tp01 = dict(
        Answer.objects.filter(response__in=responses, question__tsm_measure="TP01")
        .exclude(value=DONT_KNOW)
        .values_list("response_id", "value")
    )
    for pk, mode, channel in responses.values_list("pk", "mode", "invitation__channel"):
        method = "sms" if mode == "online" and channel == InvitationChannel.TEXT else MODE_METHOD[mode]
        by_method[method] += 1
        if pk in tp01:
            satisfied[method][0] += SCALE_GROUPS[tp01[pk]] == "satisfied"
            satisfied[method][1] += 1
    for method in METHODS:
        out[f"responses.{method}"] = by_method[method]
        happy, answered = satisfied[method]
        out[f"TP01.satisfied_rate.{method}"] = _proportion(happy / answered) if answered else None
    out["other_methods"] = OTHER_METHODS if by_method["other"] else ""
    out |= _measures(start, end, tenures)
    filters = (
        Answer.objects.filter(response__in=responses, question__code__in=set(FILTERS.values()))
        .values_list("question__code", "value")
        .annotate(n=Count("id"))
    )
    filtered = {(code, value): n for code, value, n in filters}
    for measure, code in FILTERS.items():
        out[f"{measure}.filter_yes"] = filtered.get((code, "yes"), 0)
        out[f"{measure}.filter_no"] = filtered.get((code, "no"), 0)
    for point in [*FIVE_POINTS, "satisfied_rate"]:
        out[f"unweighted.TP01.{point}"] = out.get(f"TP01.{point}")
    if weights is not None:
        out |= _weighted_rates(start, end, tenures, weights)
    return out


def _measures(start, end, tenures):
    """Each measure's satisfied proportion and its five-point and "don't know" counts, the tenures
    added together (the combined table)."""
    out, totals = {}, {}
    for result in tsm.year_results(start, end):
        if result.tenure in tenures:
            total = totals.setdefault(result.measure, {"by_value": {}, "satisfied": 0, "valid": 0})
            for value, n in result.by_value.items():
                total["by_value"][value] = total["by_value"].get(value, 0) + n
            total["satisfied"] += result.satisfied
            total["valid"] += result.valid_responses
    for measure, total in totals.items():
        scale = AGREEMENT_SCALE if measure == "TP08" else SATISFACTION_SCALE
        for point, (value, _label) in zip(FIVE_POINTS, scale, strict=True):
            out[f"{measure}.{point}"] = total["by_value"].get(value, 0)
        out[f"{measure}.dont_know"] = total["by_value"].get(DONT_KNOW, 0)
        out[f"{measure}.satisfied_rate"] = _proportion(total["satisfied"] / total["valid"]) if total["valid"] else None
    return out


def _management(start, end):
    """Our fields for the management-information table: each measure with its numerator and
    denominator, complaints by tenure and combined, and the repair targets RP02 used."""
    out = {}
    complaints = {}
    for figure in management_information.figures(start, end):
        tenure = f".{figure.tenure}" if figure.tenure and figure.code.startswith("CH") else ""
        if figure.code.startswith("CH"):
            complaints.setdefault((figure.code, figure.part), []).append(figure)
        if figure.part == "without_extension":
            continue
        key = f"{figure.code}{tenure}"
        out[f"{key}.rate"] = _rate(figure)
        out[f"{key}.count"] = figure.count
        out[f"{key}.total"] = figure.total
        if figure.code[:2] in ("BS", "RP"):
            out[f"{figure.code}.applies"] = "Yes" if figure.total else "No"
    for (code, part), parts in complaints.items():
        count, total = sum(f.count for f in parts), sum(f.total for f in parts)
        if part == "":
            kind = parts[0].kind
            out[f"{code}.combined.count"], out[f"{code}.combined.total"] = count, total
            if kind == management_information.PER_1000:
                out[f"{code}.combined.rate"] = round(1000 * count / total, 2) if total else None
            else:
                out[f"{code}.combined.rate"] = _proportion(count / total) if total else None
    for tenure in ("LCRA", "LCHO", "combined"):
        for stage in (1, 2):
            within = out.get(f"CH02 ({stage}).{tenure}.count")
            without = sum(
                f.count
                for f in complaints.get((f"CH02 ({stage})", "without_extension"), [])
                if tenure == "combined" or f.tenure == tenure
            )
            out[f"CH02 ({stage}).{tenure}.without_extension"] = without
            out[f"CH02 ({stage}).{tenure}.with_extension"] = None if within is None else within - without
    out |= _repair_targets()
    return out


def _repair_targets():
    urgent, routine = settings.REPAIRS_TARGET_URGENT_WORKING_DAYS, settings.REPAIRS_TARGET_ROUTINE_WORKING_DAYS
    return {
        "RP02.target_non_emergency": f"{max(urgent, routine)} working days",
        "RP02.several_targets_non_emergency": "Yes" if urgent != routine else "No",
        "RP02.targets_non_emergency": f"Urgent: {urgent} working days; routine: {routine} working days",
        "RP02.target_emergency": f"{settings.REPAIRS_TARGET_EMERGENCY_HOURS} hours",
        "RP02.several_targets_emergency": "No",
        "RP02.targets_emergency": "",
    }


def _rate(figure):
    if figure.rate is None:
        return None
    return round(figure.rate, 2) if figure.kind == management_information.PER_1000 else _proportion(figure.rate)


def _proportion(value):
    return round(value, 4)


def blanks(rows):
    """The fields left blank, with the reason: what the administrator must fill in by hand."""
    return [row for row in rows if row.value is None]


CSV_COLUMNS = ["table", "data_field_name", "datapoint_id", "value", "our_field", "why_blank"]
SHEET_COLUMNS = ["Data field name", "Datapoint", "Value", "Our field"]
BLANK_SHEET = "Left blank"


def csv_rows(year, rows):
    for row in rows:
        field = row.field
        value = "" if row.value is None else row.value
        yield [sheet_name(year, field.table), field.name, field.datapoint, value, field.our_field, row.why_blank]


def write_csv(year, rows, handle):
    writer = spreadsheets.writer(handle)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(year, rows))


def write_xlsx(year, rows, handle):
    """One sheet per table of the Regulator's return (field name, datapoint id, value), and a sheet
    listing the fields left blank and why."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table in TABLES:
        sheet = book.create_sheet(sheet_name(year, table))
        sheet.append(SHEET_COLUMNS)
        for row in rows:
            if row.field.table == table:
                sheet.append([row.field.name, row.field.datapoint, row.value, row.field.our_field])
                value = sheet.cell(row=sheet.max_row, column=3)
                if isinstance(value.value, str):
                    value.data_type = "s"  # words typed here (a contractor's name) never run as a formula
    sheet = book.create_sheet(BLANK_SHEET)
    sheet.append(["Table", "Data field name", "Datapoint", "Why it is blank"])
    for row in blanks(rows):
        sheet.append([sheet_name(year, row.field.table), row.field.name, row.field.datapoint, row.why_blank])
    book.save(handle)


def year_of(day):
    """The Regulator's reporting year `day` falls in, by the year it ends (5 November 2024: 2025)."""
    return day.year + 1 if day.month >= 4 else day.year


FIRST_YEAR = 2024  # the measures began with 2023/24


def years(today):
    """The reporting years a return can be written for, newest first."""
    return list(range(year_of(today), FIRST_YEAR - 1, -1))


def latest_year_with_answers(today):
    """The newest reporting year holding TSM survey answers, or this year when none does."""
    day = (
        Response.objects.filter(survey__kind=SurveyKind.TSM, submitted_at__isnull=False, received_on__isnull=False)
        .order_by("-received_on")
        .values_list("received_on", flat=True)
        .first()
    )
    return year_of(day) if day else year_of(today)
