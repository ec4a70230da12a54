"""Responses delivered as a CSV file by a research agency: all rows go in, or none do.

The format is documented in docs/data-formats.md ("Survey responses from a contractor").
"""

import csv
import uuid
from datetime import date

from django.db import transaction

from engagement.imports.base import NOT_TEXT
from surveys import services
from surveys.choices import DONT_KNOW, Mode, QuestionKind
from surveys.forms import find_resident
from surveys.models import Response
from surveys.routing import is_asked

FIXED = ["resident_number", "property_reference", "mode", "language", "date"]


class ImportFailed(Exception):
    def __init__(self, errors):
        super().__init__(f"{len(errors)} problem(s); nothing was imported.")
        self.errors = errors


def _value_error(question, value):
    if question.kind == QuestionKind.FREE_TEXT:
        return None
    if question.kind == QuestionKind.NUMBER:
        return None if value.lstrip("-").isdigit() else f"“{value}” is not a whole number"
    allowed = [choice for choice, _label in question.choices] + [DONT_KNOW]
    parts = value.split(";") if question.kind == QuestionKind.MULTIPLE_CHOICE else [value]
    wrong = [part for part in parts if part not in allowed]
    if wrong:
        return f"“{wrong[0]}” is not an answer to this question. Use one of: {', '.join(allowed)}"
    return None


def _row(line, row, questions, seen):
    """(errors, parsed row) for one data row."""
    errors = []
    number, reference = (row.get("resident_number") or "").strip(), (row.get("property_reference") or "").strip()
    resident = None
    if bool(number) == bool(reference):
        errors.append("give either resident_number or property_reference, not both or neither")
    else:
        resident = find_resident(number or reference)
        if resident is None:
            errors.append(
                f"no current resident with {'number' if number else 'property reference'} “{number or reference}”"
            )
        elif resident.pk in seen:
            errors.append(f"the same resident is also on line {seen[resident.pk]}")
    mode = (row.get("mode") or "").strip()
    if mode not in Mode.values:
        errors.append(f"mode “{mode}” is not one of: {', '.join(Mode.values)}")
    language = (row.get("language") or "").strip()
    if not language:
        errors.append("language is empty")
    try:
        received_on = date.fromisoformat((row.get("date") or "").strip())
    except ValueError:
        received_on = None
        errors.append(f"date “{row.get('date') or ''}” is not a date like 2026-03-27")
    answers = {}
    for question in questions:
        value = (row.get(question.code) or "").strip()
        if value:
            problem = _value_error(question, value)
            if problem:
                errors.append(f"{question.code}: {problem}")
            answers[question.code] = value
    if resident is not None:
        home = resident.household.home
        for question in questions:
            if question.code in answers and not is_asked(question, answers, home):
                errors.append(f"{question.code} is answered, but the survey's routing does not ask it of this resident")
    return [f"Line {line}: {error}" for error in errors], {
        "resident": resident,
        "mode": mode,
        "language": language,
        "received_on": received_on,
        "answers": answers,
    }


def read_rows(survey, handle):
    version = survey.current_version
    if version is None:
        raise ImportFailed(["The survey has no published version."])
    questions = list(version.questions.all())
    reader = csv.DictReader(handle)
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        raise ImportFailed([f"Line 1: this line cannot be read as CSV ({error})"]) from None
    if not header:
        raise ImportFailed(["Line 1: the file is empty; the first line must name the columns"])
    codes = {question.code for question in questions}
    unknown = [name for name in header if name not in FIXED and name not in codes]
    missing = [name for name in ["mode", "language", "date"] if name not in header]
    if unknown or missing:
        errors = [f"Line 1: column “{name}” is not a question code of this survey" for name in unknown]
        errors += [f"Line 1: the column “{name}” is missing" for name in missing]
        raise ImportFailed(errors)
    errors, parsed, seen = [], [], {}
    responded = set(Response.objects.filter(survey=survey, repair_reference="").values_list("resident_id", flat=True))
    try:
        rows = list(reader)
    except csv.Error as error:
        raise ImportFailed([f"Line {reader.line_num}: this line cannot be read as CSV ({error})"]) from None
    for line, row in enumerate(rows, start=2):
        if any("\x00" in (value or "") for value in row.values() if isinstance(value, str)):
            raise ImportFailed([f"Line {line}: {NOT_TEXT}"])
        row_errors, data = _row(line, row, questions, seen)
        resident = data["resident"]
        if resident is not None:
            seen.setdefault(resident.pk, line)
            if resident.pk in responded:
                row_errors.append(f"Line {line}: this resident has already answered this survey")
        errors += row_errors
        parsed.append(data)
    if errors:
        raise ImportFailed(errors)
    return parsed


@transaction.atomic
def import_responses(*, survey, handle, source):
    """Import every row or none; returns how many responses were added."""
    rows = read_rows(survey, handle)
    for data in rows:
        services.response_enter(key=uuid.uuid4(), survey=survey, entered_by=None, imported_from=source, **data)
    return len(rows)
