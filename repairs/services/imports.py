"""Load repairs from a housing management system's export: one CSV row per repair.

All or nothing: every row is checked first, and if any row has a problem nothing is written and
every problem is reported with its line number (the header is line 1). The columns are
documented in docs/data-formats.md.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from engagement.imports.base import NOT_TEXT
from engagement.models import Home, Household
from repairs import targets
from repairs.models import Category, Channel, Hazard, Priority, RepairRequest, Status

REQUIRED_COLUMNS = [
    "job_reference",
    "property_reference",
    "reported_at",
    "category",
    "priority",
    "description",
    "status",
]
OPTIONAL_COLUMNS = [
    "channel",
    "hazard",
    "target_at",
    "completed_at",
    "completed_first_visit",
    "cancellation_reason",
    "operative",
    "cost",
]
YES_NO = {
    "yes": True,
    "y": True,
    "true": True,
    "1": True,
    "no": False,
    "n": False,
    "false": False,
    "0": False,
    "": None,
}


class ImportRejected(Exception):
    """Nothing was written. `errors` is a list of (line number, message)."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__(f"{len(errors)} problem(s); nothing was imported.")


class _RowProblem(Exception):
    pass


@dataclass
class _Row:
    line: int
    fields: dict


def repairs_import(lines, *, imported_by=None):
    """Import every row of `lines` (an iterable of CSV text lines) or none. Returns how many."""
    reader = csv.DictReader(lines)
    try:
        header = [name.strip() for name in reader.fieldnames or []]
    except csv.Error as error:
        raise ImportRejected([(1, f"This line cannot be read as CSV ({error}).")]) from None
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ImportRejected([(1, f"The header is missing these columns: {', '.join(missing)}.")])
    reader.fieldnames = header
    lookups = _Lookups()
    rows, errors, seen = [], [], {}
    for raw in _rows(reader, errors):
        line = reader.line_num
        problems = []
        if any("\x00" in text for text in raw.values() if isinstance(text, str)):
            errors.append((line, NOT_TEXT))
            continue
        fields = _parse(raw, lookups, problems)
        reference = fields.get("reference")
        if reference:
            if reference in seen:
                problems.append(f"job_reference {reference} is also on line {seen[reference]}.")
            else:
                seen[reference] = line
        errors += [(line, problem) for problem in problems]
        rows.append(_Row(line, fields))
    if not rows and not errors:
        errors.append((2, "The file has no repairs in it."))
    existing = RepairRequest.objects.filter(reference__in=seen).values_list("reference", flat=True)
    errors += [(seen[reference], f"job_reference {reference} has already been imported.") for reference in existing]
    if errors:
        raise ImportRejected(sorted(errors, key=lambda error: error[0]))
    _write(rows, imported_by)
    return len(rows)


def _rows(reader, errors):
    """The reader's rows; a line it cannot read (a cell over the size limit, say) ends the file there."""
    try:
        yield from reader
    except csv.Error as error:
        errors.append((reader.line_num, f"This line cannot be read as CSV ({error})."))


@transaction.atomic
def _write(rows, imported_by):
    """Insert every row in batches. Each repair gets the household living there when it was
    reported, and is a recall of the latest repair of the same kind at the same home completed
    within the recall window before it (in the database or earlier in this file), exactly as
    `find_recalled_repair` decides for one repair at a time."""
    from inequities.tasks import recompute_after_commit

    recompute_after_commit()
    rows = sorted(rows, key=lambda row: row.fields["reported_at"])
    home_ids = sorted({row.fields["home"].pk for row in rows})
    tenancies = defaultdict(list)  # newest first
    for chunk in _chunks(home_ids):
        for household in Household.objects.filter(home_id__in=chunk).order_by("-tenancy_start"):
            tenancies[household.home_id].append(household)
    window = targets.recall_window()
    done_before = _completed_repairs(home_ids, rows[0].fields["reported_at"] - window, rows[-1].fields["reported_at"])
    repairs, recall_in_file = [], {}
    for index, row in enumerate(rows):
        fields = row.fields
        reported, key = fields["reported_at"], (fields["home"].pk, fields["category"])
        repair = RepairRequest(
            household=next((h for h in tenancies[key[0]] if h.tenancy_start <= reported.date()), None),
            raised_by=imported_by,
            **fields,
        )
        eligible = [c for c in done_before[key] if reported - window <= c[0] <= reported]
        if eligible:
            _completed, order, earlier = max(eligible, key=lambda c: (c[0], c[1]))
            if order < FILE_ORDER:
                repair.recall_of_id = earlier
            else:
                recall_in_file[index] = earlier
        if fields.get("status") == Status.COMPLETED and fields.get("completed_at"):
            done_before[key].append((fields["completed_at"], FILE_ORDER + index, index))
        repair.derive_timescales()
        repairs.append(repair)
    RepairRequest.objects.bulk_create(repairs, batch_size=BATCH)
    for index, earlier in recall_in_file.items():
        repairs[index].recall_of = repairs[earlier]
    RepairRequest.objects.bulk_update([repairs[i] for i in recall_in_file], ["recall_of"], batch_size=BATCH)


BATCH = 2000
FILE_ORDER = 1 << 62  # rows from the file sort after every saved repair, as their ids would


def _completed_repairs(home_ids, since, until):
    """(home id, category) -> [(completed_at, id, id)] of repairs completed between the two moments."""
    found = defaultdict(list)
    for chunk in _chunks(home_ids):
        completed = RepairRequest.objects.filter(
            home_id__in=chunk, status=Status.COMPLETED, completed_at__gte=since, completed_at__lte=until
        ).values_list("home_id", "category", "completed_at", "pk")
        for home_id, category, completed_at, pk in completed:
            found[(home_id, category)].append((completed_at, pk, pk))
    return found


def _chunks(ids, size=5000):
    """Keep each IN list well under SQLite's limit on query parameters."""
    return [ids[start : start + size] for start in range(0, len(ids), size)]


class _Lookups:
    def __init__(self):
        self.homes = {}
        self.users = {}

    def home(self, reference):
        if reference not in self.homes:
            self.homes[reference] = Home.objects.filter(property_reference=reference).first()
        return self.homes[reference]

    def operative(self, username):
        if username not in self.users:
            self.users[username] = get_user_model().objects.filter(username=username).first()
        return self.users[username]


def _parse(raw, lookups, problems):
    value = {key: (text or "").strip() for key, text in raw.items() if key is not None}
    fields = {}

    def required(column):
        if not value.get(column):
            problems.append(f"{column} is empty; it is required.")
            return None
        return value[column]

    fields["reference"] = required("job_reference")
    reference = required("property_reference")
    if reference:
        fields["home"] = lookups.home(reference)
        if fields["home"] is None:
            problems.append(f"property_reference {reference} is not one of our homes.")
    fields["reported_at"] = _moment(value.get("reported_at"), "reported_at", problems, required=True)
    fields["channel"] = _choice(value.get("channel") or Channel.PHONE, Channel, "channel", problems)
    fields["category"] = _choice(required("category"), Category, "category", problems)
    fields["priority"] = _choice(required("priority"), Priority, "priority", problems)
    fields["hazard"] = _choice(value.get("hazard", ""), Hazard, "hazard", problems)
    fields["description"] = required("description") or ""
    fields["status"] = _choice(required("status"), Status, "status", problems)
    fields["completed_at"] = _moment(value.get("completed_at"), "completed_at", problems)
    fields["cancellation_reason"] = value.get("cancellation_reason", "")
    first_visit = value.get("completed_first_visit", "").lower()
    if first_visit not in YES_NO:
        problems.append(f"completed_first_visit must be yes, no or empty, not {value['completed_first_visit']!r}.")
    fields["completed_first_visit"] = YES_NO.get(first_visit)
    fields["cost"] = _cost(value.get("cost", ""), problems)
    if value.get("operative"):
        fields["operative"] = lookups.operative(value["operative"])
        if fields["operative"] is None:
            problems.append(f"operative {value['operative']} is not a user here.")
    _check_together(fields, value, problems)
    return fields


def _check_together(fields, value, problems):
    status, reported_at, completed_at = fields["status"], fields["reported_at"], fields["completed_at"]
    if status == Status.COMPLETED and completed_at is None and not value.get("completed_at"):
        problems.append("completed_at is empty; a completed repair needs its completion date.")
    if status and status != Status.COMPLETED and completed_at is not None:
        problems.append(f"completed_at is given but the status is {status}, not completed.")
    if status == Status.CANCELLED and not fields["cancellation_reason"]:
        problems.append("cancellation_reason is empty; a cancelled repair needs the reason.")
    if reported_at and completed_at and completed_at < reported_at:
        problems.append("completed_at is before reported_at.")
    if reported_at and reported_at > timezone.now():
        problems.append("reported_at is in the future.")
    target = _moment(value.get("target_at"), "target_at", problems)
    if target is None and reported_at and fields["priority"]:
        target = targets.due_at(fields["priority"], reported_at)
    fields["due_at"] = target


def _choice(text, choices, column, problems):
    if text is None:
        return None
    wanted = text.strip().lower()
    for code, label in choices.choices:
        if wanted in (str(code).lower(), str(label).lower()):
            return code
    allowed = ", ".join(code for code in choices.values if code)
    problems.append(f"{column} {text!r} is not one of: {allowed}.")
    return None


def _moment(text, column, problems, required=False):
    """A date and time in UK local time, or a date alone (taken as 9am that day)."""
    if not text:
        if required:
            problems.append(f"{column} is empty; it is required.")
        return None
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(text, pattern)
        except ValueError:
            continue
        if pattern == "%Y-%m-%d":
            moment = datetime.combine(moment.date(), time(9, 0))
        return timezone.make_aware(moment)
    problems.append(f"{column} {text!r} is not a date like 2025-03-31 or 2025-03-31 14:05.")
    return None


def _cost(text, problems):
    if not text:
        return None
    try:
        cost = Decimal(text.replace("£", "").replace(",", ""))
    except InvalidOperation:
        problems.append(f"cost {text!r} is not an amount in pounds, like 125.50.")
        return None
    if cost < 0 or cost >= Decimal("10000000"):
        problems.append(f"cost {text!r} must be between 0 and 9,999,999.99.")
        return None
    return cost.quantize(Decimal("0.01"))
