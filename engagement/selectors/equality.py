"""Counts of equality answers per group: the query every dashboard of representation uses.

"Prefer not to say" and "not asked yet" are always separate groups. A resident with no equality
profile at all has not been asked, and is counted there.
"""

from datetime import date

from django.db.models import Case, CharField, Count, Value, When
from django.db.models.functions import Coalesce

from engagement.equality import (
    AGE_BAND_FLOORS,
    NOT_ASKED,
    PREFER_NOT_TO_SAY,
    QUESTIONS,
    AgeBand,
    EthnicGroup,
    ethnic_group,
    years_before,
)
from engagement.models import Resident

GROUPED_QUESTIONS = {**QUESTIONS, "ethnic_group": EthnicGroup, "age_band": AgeBand}


def equality_answer_counts(question, residents=None, today=None):
    """[(code, label, count)] for every answer to `question`, in the order the question lists them.

    `question` is an equality profile field (see engagement.equality.QUESTIONS), "ethnic_group"
    (the five high-level ONS groups) or "age_band" (derived from the date of birth on `today`).
    `residents` narrows who is counted (default: everyone in a current tenancy). Answers nobody
    gave are listed with 0, so a silence shows as a row rather than disappearing.
    """
    return _listed(question, _counts(question, residents, today))


def _counts(question, residents, today):
    """{code: count}."""
    if question not in GROUPED_QUESTIONS:
        raise ValueError(f"Unknown equality question {question!r}; choose from {sorted(GROUPED_QUESTIONS)}")
    if residents is None:
        residents = Resident.objects.current()
    if question == "age_band":
        answer = _age_band(today or date.today())
    else:
        field = "ethnicity" if question == "ethnic_group" else question
        answer = Coalesce(f"equality__{field}", Value(NOT_ASKED), output_field=CharField())
    rows = residents.order_by().annotate(answer=answer).values("answer").annotate(number=Count("pk"))
    counts = {}
    for row in rows:
        code = ethnic_group(row["answer"]) if question == "ethnic_group" else row["answer"]
        counts[code] = counts.get(code, 0) + row["number"]
    return counts


def _listed(question, counts):
    return [(code, label, counts.get(code, 0)) for code, label in GROUPED_QUESTIONS[question].choices]


def _age_band(today):
    """Bands worked out in SQL: born after (today minus N years) means younger than N."""
    whens = [
        When(date_of_birth__isnull=True, equality__age_declined=True, then=Value(PREFER_NOT_TO_SAY)),
        When(date_of_birth__isnull=True, then=Value(NOT_ASKED)),
    ]
    # Pairs of (a band's lowest age, the band just younger), youngest first.
    pairs = zip(AGE_BAND_FLOORS, AGE_BAND_FLOORS[1:], strict=False)
    for (floor, _older), (_floor, younger) in reversed(list(pairs)):
        whens.append(When(date_of_birth__gt=years_before(today, floor), then=Value(younger.value)))
    return Case(*whens, default=Value(AGE_BAND_FLOORS[0][1].value), output_field=CharField())
