"""import_equality: equality answers held from sign-up, one row per person, keyed by resident_reference.

A blank cell means the question was not asked; "prefer_not_to_say" is an answer to every question.
Run again, the file changes the answers it gives and keeps every other answer held (a blank cell
never clears an answer).
A row with any answer must say when and how consent was recorded. The audit gets one entry for the
whole import (file name, how many, who), never the answers themselves.
"""

import getpass

from django.utils import timezone

from core.bulk import insert_rows
from core.imports import CsvImport, Problem
from core.imports.cells import a_date, choice, language, required_text
from core.imports.changes import Changes, Kept
from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY, QUESTIONS, ConsentMethod
from engagement.models import AuditAction, AuditEntry, AuditSubject, EqualityProfile, Resident

# Column -> profile field. The file says ethnic_group; the profile keeps the detailed ONS category.
ANSWER_COLUMNS = {"ethnic_group": "ethnicity", **{name: name for name in QUESTIONS if name != "ethnicity"}}
ANSWER_COLUMNS["main_language"] = "main_language"


def _answer(choices):
    return choice([(code, label) for code, label in choices.choices if code != NOT_ASKED], blank=NOT_ASKED)


def _main_language(raw):
    if not raw:
        return ""
    if raw.lower() in (PREFER_NOT_TO_SAY, "prefer not to say"):
        return PREFER_NOT_TO_SAY
    return language(raw)


class EqualityImport(CsvImport):
    required_columns = ("resident_reference",)
    unique_columns = ("resident_reference",)
    optional_columns = (*ANSWER_COLUMNS, "consent_recorded_on", "consent_how")

    def __init__(self, **options):
        super().__init__(**options)
        self.fields = {"resident_reference": required_text(30)}
        for column, field in ANSWER_COLUMNS.items():
            if field != "main_language":
                self.fields[column] = _answer(QUESTIONS[field])
        self.fields["main_language"] = _main_language
        self.fields["consent_recorded_on"] = a_date(required=False, not_in_future=True)
        self.fields["consent_how"] = choice(ConsentMethod.choices, blank="")

    def check_header(self, header):
        header, problems = super().check_header(header)
        self.given = [column for column in ANSWER_COLUMNS if column in header]
        if not self.given and not problems:
            problems.append(
                Problem(1, "", f"The file has no answer columns. Give one or more of: {', '.join(ANSWER_COLUMNS)}.")
            )
        return header, problems

    def parse_row(self, line, row):
        values, problems = super().parse_row(line, row)
        answered = any(row.get(column) for column in self.given)
        if answered and not problems:
            for column in ("consent_recorded_on", "consent_how"):
                if not values[column]:
                    problems.append(
                        Problem(
                            line,
                            column,
                            "This is empty; a row with any answer must say when and how consent was recorded.",
                        )
                    )
        return values, problems

    def plan(self, parsed):
        problems, rows = [], {}
        residents = Resident.objects.pks_by_reference()
        for line, values in parsed:
            ref = values["resident_reference"]
            resident_pk = residents.get(ref)
            if resident_pk is None:
                problems.append(
                    Problem(line, "resident_reference", f"No resident has the reference {ref}: import residents first.")
                )
                continue
            answers = {ANSWER_COLUMNS[column]: values[column] for column in self.given}
            answers["consent_given_on"] = values["consent_recorded_on"]
            answers["consent_method"] = values["consent_how"]
            rows[(resident_pk,)] = answers
        if problems:
            return None, problems
        comparison = KEPT.compare(rows)
        # A blank cell is "not asked" for a new profile; for one held already it keeps the answer held
        # (the resident may have answered since, here or on paper): an update never loses an answer.
        differing, comparison.changed = comparison.changed, []
        for pk, before, values in differing:
            given = {name: value for name, value in values.items() if value not in (NOT_ASKED, "", None)}
            if all(before[name] == value for name, value in given.items()):
                comparison.unchanged += 1
            else:
                comparison.changed.append((pk, before, given))
        return comparison, problems

    def changes(self, comparison):
        return Changes([comparison.tally()])

    def write(self, comparison):
        fields = [ANSWER_COLUMNS[column] for column in self.given] + ["consent_given_on", "consent_method"]
        now, by = timezone.now(), self.by.pk if self.by else None
        # New profiles: every question not in the file starts as "not asked".
        unasked = {name: NOT_ASKED for name in QUESTIONS if name not in fields}
        if "main_language" not in fields:
            unasked["main_language"] = ""
        unasked["age_declined"] = False
        columns = ["resident_id", *fields, "updated_at", "updated_by_id", *unasked]
        filler = tuple(unasked.values())
        creates = [(key[0], *(values[name] for name in fields), now, by, *filler) for key, values in comparison.added]
        insert_rows(EqualityProfile, columns, creates)
        KEPT.update(comparison, extra={pk: {"updated_at": now, "updated_by_id": by} for pk, *_ in comparison.changed})
        self._audit(len(comparison.added) + len(comparison.changed), fields)

    def _audit(self, count, fields):
        who = "" if self.by else f" from the command line (system user {getpass.getuser()})"
        AuditEntry.objects.create(
            user=self.by,
            resident=None,
            action=AuditAction.ADDED,
            subject=AuditSubject.EQUALITY_IMPORT,
            detail=f"File {self.file_name or 'unnamed'}: {count} residents{who}. Fields: {', '.join(fields)}"[:300],
        )


# One profile a resident; nothing here ends.
KEPT = Kept(EqualityProfile, ("resident_id",), "equality answers")
