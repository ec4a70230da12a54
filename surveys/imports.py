"""Responses delivered as a CSV file by a research agency: all rows go in, or none do.

The format is documented in docs/data-formats.md ("Survey responses from a contractor"). A file
names its residents by exactly one key column, and the column decides what the key means: a key is
never read as a resident number because it looks like one.
"""

import uuid

from core.imports import CsvImport, Problem
from core.imports.cells import BadValue, a_date, choice, language, required_text
from surveys import services
from surveys.choices import DONT_KNOW, DONT_KNOW_LABEL, Mode, QuestionKind
from surveys.references import invitations_by_reference
from surveys.residents import KEY_KINDS, residents_by_key
from surveys.routing import is_kept

# The questionnaire reference printed on the paper form names the invitation, so the resident (and,
# for a transactional survey, the repair); the others name a resident (see surveys/residents.py).
QUESTIONNAIRE = "questionnaire_reference"
KEY_COLUMNS = (QUESTIONNAIRE, *KEY_KINDS)
FIXED = ("mode", "language", "date")


def answer_parser(question):
    """Reads an answer: the documented code or its label, any case (each part, for several)."""
    if question.kind == QuestionKind.FREE_TEXT:
        return lambda raw: raw
    if question.kind == QuestionKind.NUMBER:

        def number(raw):
            if not raw.lstrip("-").isdigit():
                raise BadValue(f"“{raw}” is not a whole number.")
            return str(int(raw))

        return number
    one = choice([*[tuple(c) for c in question.choices], (DONT_KNOW, DONT_KNOW_LABEL)])

    def read(raw):
        parts = [part.strip() for part in raw.split(";")] if question.kind == QuestionKind.MULTIPLE_CHOICE else [raw]
        try:
            return ";".join(one(part) for part in parts if part)
        except BadValue:
            allowed = ", ".join([code for code, _label in question.choices] + [DONT_KNOW])
            raise BadValue(f"“{raw}” is not an answer to this question. Use one of: {allowed}.") from None

    return read


class ResponsesImport(CsvImport):
    required_columns = FIXED

    def __init__(self, *, survey, **options):
        super().__init__(**options)
        self.survey = survey
        self.version = survey.current_version
        self.questions = list(self.version.questions.all()) if self.version else []
        self.optional_columns = (*KEY_COLUMNS, *(question.code for question in self.questions))
        self.fields = {
            "mode": choice(Mode.choices),
            "language": language,
            "date": a_date(required=True),
            **{question.code: _blank_or(answer_parser(question)) for question in self.questions},
        }

    def check_header(self, header):
        header, problems = super().check_header(header)
        if self.version is None:
            problems.append(Problem(1, "", "The survey has no published version."))
        keys = [name for name in KEY_COLUMNS if name in header]
        if len(keys) != 1:
            given = f"It has {', '.join(keys)}." if keys else "It has none."
            problems.append(
                Problem(1, "", f"The file must have exactly one of the columns {', '.join(KEY_COLUMNS)}. {given}")
            )
        self.key = keys[0] if len(keys) == 1 else None
        if self.key:
            self.fields = {self.key: required_text(30), **self.fields}
        return header, problems

    def parse_row(self, line, row):
        values, problems = super().parse_row(line, row)
        day = values.get("date")
        if day is not None:
            problem = self.survey.answer_date_problem(day)
            if problem:
                problems.append(Problem(line, "date", str(problem)))
        return values, problems

    def plan(self, parsed):
        problems, rows, seen = [], [], {}
        keys = [values[self.key] for _line, values in parsed]
        if self.key == QUESTIONNAIRE:
            invitations = invitations_by_reference(self.survey, keys)
            found = {key: (invitation.resident, invitation.repair_reference) for key, invitation in invitations.items()}
        else:
            found = {key: (resident, "") for key, resident in residents_by_key(self.key, keys).items()}
        existing = services.responses_of(self.survey, [resident.pk for resident, _repair in found.values()])
        for line, values in parsed:
            key = values[self.key]
            if key not in found:
                problems.append(Problem(line, self.key, self.not_found(key)))
                continue
            resident, repair = found[key]
            if (resident.pk, repair) in seen:
                problems.append(
                    Problem(line, self.key, f"The same resident is also on line {seen[resident.pk, repair]}.")
                )
                continue
            seen[resident.pk, repair] = line
            # One response per person (services.route_meets): a sent one refuses this row alone; an
            # online response started but never sent is set aside for it when the file is written.
            earlier = existing.get((resident.pk, repair))
            if services.route_meets(earlier) == services.REFUSE:
                problems.append(Problem(line, self.key, services.already_answered(earlier)))
                continue
            answers = {q.code: values[q.code] for q in self.questions if values.get(q.code)}
            home = resident.household.home
            for question in self.questions:
                if question.code in answers and not is_kept(question, answers, home):
                    problems.append(
                        Problem(
                            line,
                            question.code,
                            "This is answered, but the survey's routing does not ask it of this resident.",
                        )
                    )
            rows.append(
                {
                    "resident": resident,
                    "repair_reference": repair,
                    "mode": values["mode"],
                    "language": values["language"],
                    "received_on": values["date"],
                    "answers": answers,
                }  # fmt: skip
            )
        return rows, problems

    def not_found(self, key):
        if self.key == QUESTIONNAIRE:
            return (
                f"No invitation to this survey has the questionnaire reference “{key}”. "
                f"It is printed on the paper form like S{self.survey.pk}-2170-9 (the last digit checks the others)."
            )
        return f"No current resident has the {KEY_KINDS[self.key]} “{key}”."

    def write(self, rows):
        for data in rows:
            services.response_enter(
                key=uuid.uuid4(), survey=self.survey, entered_by=self.by, imported_from=self.file_name, **data
            )
        return f"Imported {len(rows)} responses to “{self.survey}”."


def _blank_or(parse):
    return lambda raw: parse(raw) if raw else ""
