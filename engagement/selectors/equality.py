"""The groups of each equality question (GROUPED_QUESTIONS: the review, the shortlist and the
activity forms list them), and live counts of the answers per group.

The published figures (dashboards, the representation review) are not these live counts: they are
the snapshot's, grouped by the same expressions (inequities/dimensions.py) and passed through the
disclosure control. "Prefer not to say" and "not asked yet" are always separate groups. A resident
with no equality profile at all has not been asked, and is counted there.
"""

from datetime import date

from django.db.models import CharField, Count, Value
from django.db.models.functions import Coalesce

from engagement.equality import (
    NOT_ASKED,
    QUESTIONS,
    AgeBand,
    EthnicGroup,
    age_band_expression,
    ethnic_group,
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
        answer = age_band_expression("", today or date.today())
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
