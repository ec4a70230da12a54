"""Cell parsers shared by every import. Each takes the cell's text (spaces already removed) and
returns a value or raises BadValue, whose message says what is wrong in words a person can act on.

Every import accepts, for a column with a fixed list of answers, the documented code or its label
in any case; and for a date, year-month-day (2024-03-31) or day/month/year (31/03/2024).
"""

import re
from datetime import date, datetime

from django.utils import timezone

from core.dates import DATE_ALONE_AT, moment


class BadValue(ValueError):
    """A cell that cannot be used."""


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
NO = {"no", "n", "false", "0"}


def yes_no(raw):
    """Yes or no; a blank cell means no."""
    return yes_no_or_blank(raw) or False


def yes_no_or_blank(raw):
    """Yes, no, or None for a blank cell (not known)."""
    value = raw.lower()
    if not value:
        return None
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
        day = read_date(raw)
        if day is None:
            raise BadValue(f"“{raw}” is not a date: use year-month-day (2024-03-31) or day/month/year (31/03/2024).")
        if not_in_future and day > timezone.localdate():
            raise BadValue(f"{raw} is in the future.")
        return day

    return parse


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def read_date(raw):
    """A date from YYYY-MM-DD or DD/MM/YYYY; None for anything else (read at a few hundred
    thousand rows a file, so without strptime)."""
    try:
        if ISO_DATE.match(raw):
            return date.fromisoformat(raw)
        match = UK_DATE.match(raw)
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None
    return None


def choice(choices, *, default=None, blank=None):
    """The code for a code or label, any case. `default`: the code a blank cell means; `blank`:
    the value returned for a blank cell instead (without a default or blank, a blank is a problem)."""
    codes = {str(label).lower(): code for code, label in choices}
    codes.update({str(code).lower(): code for code, _label in choices})

    def parse(raw):
        if not raw:
            if default is not None:
                return default
            if blank is not None:
                return blank
        code = codes.get(raw.lower())
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


def a_moment(required):
    """A date and time in UK local time, or a date alone (taken as midday: core.dates)."""

    def parse(raw):
        if not raw:
            if required:
                raise BadValue("This is empty; it must have a date (for example 2024-03-31 14:05).")
            return None
        parts = raw.replace("T", " ").split(" ", 1)
        day = read_date(parts[0])
        at = DATE_ALONE_AT if len(parts) == 1 else _read_time(parts[1].strip())
        if day is None or at is None:
            raise BadValue(
                f"“{raw}” is not a date and time: use 2024-03-31 14:05 or 31/03/2024 14:05 (or the date alone)."
            )
        return moment(day, at)

    return parse


def _read_time(raw):
    for pattern in ("%H:%M", "%H:%M:%S"):
        try:
            return datetime.strptime(raw, pattern).time()
        except ValueError:
            continue
    return None


def language(raw):
    """A language code (the one stored), from the code or the language's English name, any case."""
    from core.languages import code_of

    if not raw:
        raise BadValue("This is empty; it must have a language (a code like en or cy, or its name).")
    code = code_of(raw)
    if code is None:
        raise BadValue(f"“{raw}” is not a language we know: give its code (like en, cy, pl) or its English name.")
    return code
