"""Every submitted response of a survey as one CSV row, one column per question code.

The survey tells residents their answers are confidential and reported in groups: who answered
(resident number, property reference) is in the file only for a reader allowed to see
special-category data, and every download is audited (engagement.audit), one entry per resident.
"""

from surveys.models import Question, Response

FIXED_COLUMNS = [
    "response_id",
    "resident_number",
    "property_reference",
    "tenure",
    "mode",
    "language",
    "version",
    "started_at",
    "submitted_at",
    "received_on",
    "entered_by",
    "entered_at",
    "imported_from",
]


def question_codes(survey):
    """Codes in the order of the latest version, then any only earlier versions asked."""
    seen = []
    for code in (
        Question.objects.filter(version__survey=survey)
        .order_by("-version__number", "position")
        .values_list("code", flat=True)
    ):
        if code not in seen:
            seen.append(code)
    return seen


IDENTIFYING = ("resident_number", "property_reference")


def write_responses(survey, writer, *, identified):
    """Write the CSV; return the residents whose answers are in it (for the audit)."""
    codes = question_codes(survey)
    keep = [i for i, column in enumerate(FIXED_COLUMNS) if identified or column not in IDENTIFYING]
    writer.writerow([FIXED_COLUMNS[i] for i in keep] + codes)
    residents = []
    responses = (
        Response.objects.filter(survey=survey, submitted_at__isnull=False)
        .select_related("resident__household__home", "version", "entered_by")
        .prefetch_related("answers__question")
        .order_by("pk")
    )
    for response in responses.iterator(chunk_size=500):
        answers = {answer.question.code: answer.value for answer in response.answers.all()}
        if response.resident_id:
            residents.append(response.resident)
        fixed = [
            response.pk,
            response.resident_id,
            response.resident.household.home.property_reference,
            response.tenure,
            response.mode,
            response.language,
            response.version.number,
            response.started_at.isoformat(),
            response.submitted_at.isoformat(),
            response.received_on.isoformat() if response.received_on else "",
            response.entered_by.username if response.entered_by else "",
            response.entered_at.isoformat() if response.entered_at else "",
            response.imported_from,
        ]
        writer.writerow([fixed[i] for i in keep] + [answers.get(code, "") for code in codes])
    return residents
