"""Tenant Satisfaction Measures computed by the regulator's rules.

- satisfied = very + fairly satisfied (TP08: strongly agree + agree) as a share of valid answers;
- "don't know" is not a valid answer: it is left out of the base and its share is shown;
- only the measures a respondent was routed to count (the routing drops the rest at submission);
- rented homes (LCRA) and shared ownership (LCHO) are reported separately, and LCHO residents are
  not asked TP02-TP04;
- the margin of error is at 95% confidence with the finite population correction, against the
  precision the regulator requires for the number of homes of that tenure.
"""

import csv
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db.models import Count

from engagement.models import Home, SchemeType
from surveys.choices import DONT_KNOW, SCALE_GROUPS, TSM_TENURES, SurveyKind, Tenure
from surveys.models import Answer

DATA = Path(__file__).parent / "data"
SOURCE = "Regulator of Social Housing, Tenant Satisfaction Measures: technical and tenant survey requirements (2023)"
PERCEPTION_MEASURES = [f"TP{n:02d}" for n in range(1, 13)]
RENTED_ONLY = {"TP02", "TP03", "TP04"}
Z_95 = 1.96


@cache
def measure_names():
    with open(DATA / "tsm_measures.csv", newline="", encoding="utf-8") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


@cache
def _precision_bands():
    with open(DATA / "tsm_precision.csv", newline="", encoding="utf-8") as handle:
        return [
            (
                int(row["homes_from"]),
                int(row["homes_to"]) if row["homes_to"] else None,
                int(row["margin_of_error_pct_at_95pct_confidence"]) / 100,
            )
            for row in csv.DictReader(handle)
        ]


def required_margin(homes):
    """The margin of error (a proportion) the regulator requires of a landlord with `homes` homes."""
    for low, high, margin in _precision_bands():
        if homes >= low and (high is None or homes <= high):
            return margin
    raise ValueError(f"No precision band for {homes} homes")


def margin_of_error(rate, n, population):
    """Half-width of the 95% confidence interval of a proportion, with finite population correction.

    At a rate of 0% or 100% the formula gives no margin at all, which would claim a precision a
    small sample does not have; there the most cautious rate (50%) is used instead.
    """
    if not n or rate is None:
        return None
    if rate in (0, 1):
        rate = 0.5
    correction = math.sqrt((population - n) / (population - 1)) if population > n else 0.0
    return Z_95 * math.sqrt(rate * (1 - rate) / n) * correction


@dataclass
class MeasureResult:
    measure: str
    tenure: str
    satisfied: int = 0
    neither: int = 0
    dissatisfied: int = 0
    dont_know: int = 0
    homes: int = 0
    # Answers by scale value ("very_satisfied", "agree"...): the five-point counts the return asks for.
    by_value: Counter = field(default_factory=Counter)

    @property
    def name(self):
        return measure_names()[self.measure]

    @property
    def valid_responses(self):
        return self.satisfied + self.neither + self.dissatisfied

    @property
    def satisfied_rate(self):
        return self.satisfied / self.valid_responses if self.valid_responses else None

    @property
    def dont_know_share(self):
        answered = self.valid_responses + self.dont_know
        return self.dont_know / answered if answered else None

    @property
    def margin_of_error(self):
        return margin_of_error(self.satisfied_rate, self.valid_responses, self.homes)

    @property
    def required_margin(self):
        return required_margin(self.homes)

    @property
    def meets_precision(self):
        moe = self.margin_of_error
        return moe is not None and moe <= self.required_margin


def homes_by_tenure():
    """Homes of each TSM tenure, and the leasehold homes the measures leave out."""
    counts = dict(Home.objects.values_list("scheme_type").annotate(n=Count("pk")))
    lcho = counts.pop(SchemeType.SHARED_OWNERSHIP, 0)
    leasehold = counts.pop(SchemeType.LEASEHOLD, 0)
    return {Tenure.LCRA: sum(counts.values()), Tenure.LCHO: lcho, Tenure.LEASEHOLD: leasehold}


def tsm_results(survey, start=None, end=None):
    """One MeasureResult per measure and tenure: every tenure the landlord has homes or answers in.

    With `start` and `end`, only answers given in that period (by the day they were given, for
    every mode) count. Leasehold homes and their answers are outside the measures."""
    return _results(Answer.objects.filter(response__survey=survey), start, end)


def year_results(start, end):
    """The same for every TSM survey's answers given from `start` to `end`: the Regulator's year."""
    return _results(Answer.objects.filter(response__survey__kind=SurveyKind.TSM), start, end)


def _results(answers, start, end):
    answers = answers.filter(response__submitted_at__isnull=False)
    if start is not None:
        answers = answers.filter(response__received_on__gte=start)
    if end is not None:
        answers = answers.filter(response__received_on__lte=end)
    counts = (
        answers.filter(response__tenure__in=TSM_TENURES)
        .exclude(question__tsm_measure="")
        .values_list("question__tsm_measure", "response__tenure", "value")
        .annotate(n=Count("id"))
    )
    homes = homes_by_tenure()
    results = {}
    for tenure in TSM_TENURES:
        for measure in PERCEPTION_MEASURES:
            if not (tenure == Tenure.LCHO and measure in RENTED_ONLY):
                results[(measure, tenure)] = MeasureResult(measure, tenure, homes=homes[tenure])
    for measure, tenure, value, n in counts:
        result = results.get((measure, tenure))
        if result is None:
            continue
        group = "dont_know" if value == DONT_KNOW else SCALE_GROUPS[value]
        setattr(result, group, getattr(result, group) + n)
        result.by_value[value] += n
    return [r for r in results.values() if r.homes or r.valid_responses or r.dont_know]


CSV_COLUMNS = [
    "measure",
    "tenure",
    "valid_responses",
    "satisfied",
    "neither",
    "dissatisfied",
    "dont_know",
    "satisfied_rate",
    "margin_of_error",
    "dont_know_share",
    "required_margin_of_error",
    "meets_required_precision",
    "homes",
]


def _proportion(value):
    return "" if value is None else f"{value:.4f}"


def csv_rows(results):
    for r in results:
        yield [
            r.measure,
            r.tenure,
            r.valid_responses,
            r.satisfied,
            r.neither,
            r.dissatisfied,
            r.dont_know,
            _proportion(r.satisfied_rate),
            _proportion(r.margin_of_error),
            _proportion(r.dont_know_share),
            _proportion(r.required_margin),
            "yes" if r.meets_precision else "no",
            r.homes,
        ]


def write_csv(results, handle):
    writer = csv.writer(handle)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(results))
