"""Reading a CSV file row by row, collecting every problem with its line and column.

An import checks the whole file first and writes nothing unless every row is right: one bad row
means nothing is written, and every bad row is reported.
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction


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


class BadValue(ValueError):
    """A cell that cannot be used; the message says what is wrong in words a person can act on."""


@dataclass
class Checked:
    """The result of checking a file: rows ready to write, or the problems stopping it."""

    rows: list
    problems: list
    plan: object = None

    @property
    def ok(self):
        return not self.problems


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
    """Subclasses name their columns and turn each row into values (`parse_row`) and a plan (`plan`)."""

    required_columns = ()
    optional_columns = ()
    allow_other_columns = False

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
        header = [name.strip() for name in header]
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
        problems = []
        known = set(self.required_columns) | set(self.optional_columns)
        for name in self.required_columns:
            if name not in header:
                problems.append(Problem(1, name, "This column is missing."))
        if not self.allow_other_columns:
            for name in header:
                if name not in known:
                    problems.append(
                        Problem(1, name, f"Unknown column. The columns are: {', '.join(self.all_columns())}.")
                    )
        duplicates = {name for name in header if header.count(name) > 1}
        for name in sorted(duplicates):
            problems.append(Problem(1, name, "This column appears more than once."))
        return header, problems

    def all_columns(self):
        return list(self.required_columns) + list(self.optional_columns)

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
        plan = None
        if not problems:
            plan, plan_problems = self.plan(parsed)
            problems += plan_problems
        problems.sort(key=lambda problem: problem.line)
        return Checked(parsed, problems, plan)

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

    def run(self, text):
        """Check, then write everything in one transaction. Raises ImportFailed listing every problem."""
        checked = self.check(text)
        if not checked.ok:
            raise ImportFailed(checked.problems)
        from inequities.tasks import recompute_after_commit

        with transaction.atomic():
            summary = self.write(checked.plan)
            recompute_after_commit()
            return summary

    def write(self, plan):
        raise NotImplementedError


# Cell parsers. Each takes the raw text and returns a value or raises BadValue.


def required_text(max_length):
    def parse(raw):
        if not raw:
            raise BadValue("This is empty; it must have a value.")
        if len(raw) > max_length:
            raise BadValue(f"This is {len(raw)} characters long; the most allowed is {max_length}.")
        return raw

    return parse


def optional_text(max_length):
    def parse(raw):
        if len(raw) > max_length:
            raise BadValue(f"This is {len(raw)} characters long; the most allowed is {max_length}.")
        return raw

    return parse


POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


def postcode(raw):
    match = POSTCODE.match(raw.upper().strip())
    if not match:
        raise BadValue(f"“{raw}” is not a UK postcode (for example LS9 8AB).")
    return f"{match.group(1)} {match.group(2)}"


def uprn(raw):
    if not raw:
        return None
    if not re.fullmatch(r"\d{1,12}", raw):
        raise BadValue(f"“{raw}” is not a UPRN: a UPRN is up to 12 digits.")
    return raw.lstrip("0") or "0"


LSOA = re.compile(r"^E01\d{6}$")


def lsoa_code(required):
    def parse(raw):
        raw = raw.upper()
        if not raw:
            if required:
                raise BadValue("This is empty; it must have an LSOA code.")
            return ""
        if not LSOA.match(raw):
            raise BadValue(f"“{raw}” is not an LSOA code in England: E01 followed by six digits.")
        return raw

    return parse


YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


def yes_no(raw):
    value = raw.lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise BadValue(f"“{raw}” is not yes or no.")


def a_date(required, not_in_future=False):
    def parse(raw):
        if not raw:
            if required:
                raise BadValue("This is empty; it must have a date (for example 2024-03-31).")
            return None
        day = _read_date(raw)
        if day is None:
            raise BadValue(f"“{raw}” is not a date: use year-month-day (2024-03-31) or day/month/year (31/03/2024).")
        if not_in_future and day > date.today():
            raise BadValue(f"{raw} is in the future.")
        return day

    return parse


def _read_date(raw):
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    return None


def choice(choices):
    codes = {code: code for code, _label in choices}
    codes.update({str(label).lower(): code for code, label in choices})

    def parse(raw):
        code = codes.get(raw) or codes.get(raw.lower())
        if code is None:
            raise BadValue(f"“{raw}” is not one of: {', '.join(code for code, _label in choices)}.")
        return code

    return parse


def decile(raw):
    try:
        value = int(raw)
    except ValueError:
        raise BadValue(f"“{raw}” is not a decile: a whole number from 1 to 10.") from None
    if not 1 <= value <= 10:
        raise BadValue(f"{value} is not a decile: a whole number from 1 to 10.")
    return value
