"""Reading a CSV file row by row, collecting every problem with its line and column.

An import checks the whole file first and writes nothing unless every row is right: one bad row
means nothing is written, and every bad row is reported. Column names are matched without regard
to case or surrounding spaces, in any order; every cell is read with its surrounding spaces removed.
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from core.imports.cells import BadValue
from core.signals import facts_changed


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    message: str

    def __str__(self):
        where = f"line {self.line}, column {self.column}" if self.column else f"line {self.line}"
        return f"{where[0].upper()}{where[1:]}: {self.message}"


class ImportFailed(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s); nothing was imported.")


@dataclass
class Checked:
    """The result of checking a file: rows ready to write, or the problems stopping it."""

    rows: list
    problems: list
    plan: object = None
    changes: object = None  # what writing would add, change and end (a Changes), for imports that keep a table in step

    @property
    def ok(self):
        return not self.problems


# No real import has more columns than this (the widest, survey responses, has one per question and
# a few more): a first line naming more is refused at once, before any column is checked.
MAX_COLUMNS = 500

NOT_TEXT = (
    "The file contains null characters, so it is not a CSV text file (is it a spreadsheet saved as .xlsx?). "
    "Save it as “CSV UTF-8” and try again."
)


def unreadable(reader, error):
    """A line the CSV reader cannot read (a cell over the size limit, say), as a problem to show."""
    return Problem(reader.line_num or 1, "", f"This line cannot be read as CSV ({error}).")


def _rows_or_problem(reader, problems):
    """The reader's rows; a line it cannot read becomes a problem and ends the file there."""
    try:
        yield from reader
    except csv.Error as error:
        problems.append(unreadable(reader, error))


class CsvImport:
    """Subclasses name their columns, parse each cell (`fields`: column -> parser), check across
    rows and against the database (`plan`, no writes) and write (`write`, in one transaction)."""

    required_columns = ()
    optional_columns = ()
    allow_other_columns = False
    # Columns whose value names one record: the same value on two lines is a problem of the second.
    unique_columns = ()
    # Whether writing changes facts the figures are computed from (then "facts changed" is announced).
    changes_facts = True

    def __init__(self, *, by=None, file_name="", **options):
        self.by = by
        self.file_name = file_name
        self.options = options
        self.columns = set()

    def in_file(self, column):
        """Whether the file has this column: a column left out keeps what is held (core.imports.changes)."""
        return column in self.columns

    def known_columns(self):
        return list(self.required_columns) + list(self.optional_columns)

    def read(self, text):
        """[(line number, {column: value})] and problems with the header."""
        text = text.lstrip("\ufeff")
        if "\x00" in text:
            line = text.count("\n", 0, text.index("\x00")) + 1
            return [], [Problem(line, "", NOT_TEXT)]
        # Universal newlines: Windows (CRLF), Unix (LF) and old Mac (CR) line ends all end a line.
        reader = csv.reader(io.StringIO(text, newline=None))
        try:
            header = next(reader, None)
        except csv.Error as error:
            return [], [unreadable(reader, error)]
        if header is None:
            return [], [Problem(1, "", "The file is empty: the first line must name the columns.")]
        if len(header) > MAX_COLUMNS:
            return [], [
                Problem(
                    1,
                    "",
                    f"The first line names {len(header):,} columns; an import has at most {MAX_COLUMNS}. "
                    "Check that this is the right file, saved as CSV.",
                )
            ]
        canonical = {name.lower(): name for name in self.known_columns()}
        header = [canonical.get(name.strip().lower(), name.strip()) for name in header]
        self.columns = set(header)
        header, problems = self.check_header(header)
        rows = []
        for cells in _rows_or_problem(reader, problems):
            if not any(cell.strip() for cell in cells):
                continue
            line = reader.line_num
            if len(cells) != len(header):
                problems.append(
                    Problem(
                        line, "", f"This row has {len(cells)} values but the first line names {len(header)} columns."
                    )
                )
                continue
            rows.append((line, {name: cell.strip() for name, cell in zip(header, cells, strict=True)}))
        return rows, problems

    def check_header(self, header):
        # Linear in the number of columns (issue 24, item 6): sets and a count, never a search per column.
        problems = []
        present = set(header)
        for name in self.required_columns:
            if name not in present:
                problems.append(Problem(1, name, "This column is missing."))
        if not self.allow_other_columns:
            known = set(self.known_columns())
            for name in header:
                if name not in known:
                    problems.append(
                        Problem(1, name, f"Unknown column. The columns are: {', '.join(self.known_columns())}.")
                    )
        duplicates = {name for name, times in Counter(header).items() if times > 1}
        for name in sorted(duplicates):
            problems.append(Problem(1, name, "This column appears more than once."))
        return header, problems

    def check(self, text):
        rows, problems = self.read(text)
        header_problems = [problem for problem in problems if problem.line == 1]
        if header_problems or not rows:
            return Checked([], header_problems or problems or [Problem(2, "", "The file has no rows to import.")])
        parsed = []
        for line, row in rows:
            values, row_problems = self.parse_row(line, row)
            problems += row_problems
            if not row_problems:
                parsed.append((line, values))
        problems += self.repeated(rows)
        # The rows that read cleanly are checked against each other and the database too, so
        # one upload lists every problem it can.
        plan, plan_problems = self.plan(parsed) if parsed else (None, [])
        problems += plan_problems
        problems.sort(key=lambda problem: problem.line)
        changes = self.changes(plan) if plan is not None and not problems else None
        return Checked(parsed, problems, plan, changes)

    def repeated(self, rows):
        problems = []
        for column in self.unique_columns:
            first = {}
            for line, row in rows:
                value = row.get(column, "")
                if value and value in first:
                    problems.append(Problem(line, column, f"{value} is already on line {first[value]}."))
                first.setdefault(value, line)
        return problems

    def parse_row(self, line, row):
        """({field: value}, [problems]) for one row, using `self.fields` (column -> parser)."""
        values, problems = {}, []
        for column, parser in self.fields.items():
            raw = row.get(column, "")
            try:
                values[column] = parser(raw)
            except BadValue as error:
                problems.append(Problem(line, column, str(error)))
        return values, problems

    def plan(self, parsed):
        """Cross-row checks and lookups against the database: (plan, problems). No writes."""
        return parsed, []

    def changes(self, plan):
        """What writing the plan would add, change, end and leave unchanged (a Changes), worked out
        without writing; None for an import that only adds."""
        return None

    def run(self, text, dry_run=False):
        """Check, then write everything in one transaction, and say what was done. Raises
        ImportFailed listing every problem. A dry run checks and reports the same, and saves nothing."""
        checked = self.check(text)
        if not checked.ok:
            raise ImportFailed(checked.problems)
        if dry_run:
            what = checked.changes or f"{len(checked.rows):,} rows ready to import."
            return f"Dry run, nothing saved. {what}"
        with transaction.atomic():
            summary = self.write(checked.plan)
            # A file that changed nothing (the usual night for most rows) changes no figure.
            if self.changes_facts and (checked.changes is None or checked.changes.any()):
                facts_changed.send(sender=type(self))
        return str(checked.changes) if checked.changes is not None else summary

    def write(self, plan):
        raise NotImplementedError
