"""Load repairs from a housing management system's export: one CSV row per repair.

All or nothing, with every problem reported by line and column (the core import framework). Run
again, the file updates each repair by its job reference (a repair's appointments, complaints and
survey answers stay with it) and reports the repairs it completed or cancelled as ended. The
columns are documented in docs/data-formats.md.
"""

from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.imports import CsvImport, Problem
from core.imports.cells import BadValue, a_moment, choice, optional_text, required_text, yes_no_or_blank
from core.imports.changes import Changes, Kept
from engagement.models import Home, Household
from repairs import targets
from repairs.models import Category, Channel, Hazard, Priority, RepairRequest, Status


def _cost(raw):
    if not raw:
        return None
    try:
        cost = Decimal(raw.replace("£", "").replace(",", ""))
    except InvalidOperation:
        raise BadValue(f"“{raw}” is not an amount in pounds, like 125.50.") from None
    if cost < 0 or cost >= Decimal("10000000"):
        raise BadValue(f"“{raw}” must be between 0 and 9,999,999.99.")
    return cost.quantize(Decimal("0.01"))


class RepairsImport(CsvImport):
    allow_other_columns = True  # a housing management system's export has more; they are ignored
    unique_columns = ("job_reference",)
    required_columns = ("job_reference", "property_reference", "reported_at", "category", "priority",
                        "description", "status")  # fmt: skip
    optional_columns = ("channel", "hazard", "target_at", "completed_at", "completed_first_visit",
                        "cancellation_reason", "operative", "cost")  # fmt: skip

    def __init__(self, **options):
        super().__init__(**options)
        self.fields = {
            "job_reference": required_text(40),
            "property_reference": required_text(30),
            "reported_at": a_moment(required=True),
            "channel": choice(Channel.choices, default=Channel.PHONE),
            "category": choice(Category.choices),
            "priority": choice(Priority.choices),
            "hazard": choice(Hazard.choices, blank=""),
            "description": required_text(5000),
            "status": choice(Status.choices),
            "target_at": a_moment(required=False),
            "completed_at": a_moment(required=False),
            "completed_first_visit": yes_no_or_blank,
            "cancellation_reason": optional_text(500),
            "operative": optional_text(150),
            "cost": _cost,
        }

    def parse_row(self, line, row):
        """Each row is checked in full, lookups included, so one upload lists every problem."""
        values, problems = super().parse_row(line, row)
        problems += [Problem(line, column, message) for column, message in self._lookups(values)]
        if all(values.get(name) is not None for name in ("status", "reported_at")):
            problems += [Problem(line, column, message) for column, message in _together(values)]
        return values, problems

    def _lookups(self, values):
        if not hasattr(self, "homes"):
            # Each lookup is read once for the whole file.
            self.homes = Home.objects.pks_by_reference()
            self.users = dict(get_user_model().objects.values_list("username", "pk"))
        reference = values.get("property_reference")
        if reference and reference not in self.homes:
            yield "property_reference", f"{reference} is not one of our homes: import homes first."
        if values.get("operative") and values["operative"] not in self.users:
            yield "operative", f"{values['operative']} is not a user here."

    def plan(self, parsed):
        rows = {}
        for _line, values in parsed:
            fields = _repair_fields(
                values, self.homes[values["property_reference"]], self.users.get(values["operative"])
            )
            rows[(fields.pop("reference"),)] = fields
        # A repair held already keeps what the file does not give: a column left out, and (a row
        # without target_at) the target worked out when it was first imported.
        keep = [name for name in next(iter(rows.values()), {}) if not self.in_file(COLUMN_OF.get(name, name))]
        return KEPT.compare(rows, keep=keep), []

    def changes(self, comparison):
        return Changes([comparison.tally()])

    def write(self, comparison):
        if comparison.added:
            rows = [{"reference": key[0], **fields} for key, fields in comparison.added]
            for row in rows:
                row.setdefault("due_at", targets.due_at(row["priority"], row["reported_at"]))
            _write(rows, self.by)
        derived = {}
        for chunk in _chunks([pk for pk, _before, _fields in comparison.changed]):
            repairs = {repair.pk: repair for repair in RepairRequest.objects.filter(pk__in=chunk)}
            for pk, _before, fields in comparison.changed:
                if pk in repairs:
                    derived[pk] = _derived(repairs[pk], fields)
        KEPT.update(comparison, extra=derived)


# Repairs are matched on the job reference; a repair ends when it is completed or cancelled.
CLOSED = (Status.COMPLETED, Status.CANCELLED)
KEPT = Kept(
    RepairRequest,
    ("reference",),
    "repairs",
    ends=lambda before, after: before["status"] not in CLOSED and after["status"] in CLOSED,
    ends_on=("status",),
)
COLUMN_OF = {"home_id": "property_reference", "operative_id": "operative", "due_at": "target_at"}


def _derived(repair, fields):
    """The fields worked out from a changed repair's dates (and its revision, one more), as `save` would."""
    for name, value in fields.items():
        setattr(repair, name, value)
    repair.derive_timescales()
    values = {name: getattr(repair, name) for name in RepairRequest.DERIVED_FIELDS}
    values["revision"] = repair.revision + 1
    return values


def _repair_fields(values, home, operative):
    fields = {
        "reference": values["job_reference"],
        "home_id": home,
        "operative_id": operative,
    }
    if values["target_at"]:
        fields["due_at"] = values["target_at"]  # otherwise worked out when the repair is added
    for name in ("reported_at", "channel", "category", "priority", "hazard", "description", "status",
                 "completed_at", "completed_first_visit", "cancellation_reason", "cost"):  # fmt: skip
        fields[name] = values[name]
    return fields


def _together(values):
    """(column, message) for what is wrong between the cells of one row."""
    status, reported_at, completed_at = values["status"], values["reported_at"], values.get("completed_at")
    if status == Status.COMPLETED and completed_at is None and "completed_at" in values:
        yield "completed_at", "This is empty; a completed repair needs its completion date."
    if status != Status.COMPLETED and completed_at is not None:
        yield "completed_at", f"A completion date is given but the status is {status}, not completed."
    if status == Status.CANCELLED and not values.get("cancellation_reason"):
        yield "cancellation_reason", "This is empty; a cancelled repair needs the reason."
    if completed_at and completed_at < reported_at:
        yield "completed_at", "This is before reported_at."
    if reported_at > timezone.now():
        yield "reported_at", "This is in the future."


def _write(rows, imported_by):
    """Insert every row in batches. Each repair gets the household living there when it was
    reported, and is a recall of the latest repair of the same kind at the same home completed
    within the recall window before it (in the database or earlier in this file), exactly as
    `find_recalled_repair` decides for one repair at a time."""
    rows = sorted(rows, key=lambda row: row["reported_at"])
    home_ids = sorted({row["home_id"] for row in rows})
    tenancies = defaultdict(list)  # newest first
    for chunk in _chunks(home_ids):
        for household in Household.objects.filter(home_id__in=chunk).order_by("-tenancy_start"):
            tenancies[household.home_id].append(household)
    window = targets.recall_window()
    done_before = _completed_repairs(home_ids, rows[0]["reported_at"] - window, rows[-1]["reported_at"])
    repairs, recall_in_file = [], {}
    for index, row in enumerate(rows):
        fields = row
        reported, key = fields["reported_at"], (fields["home_id"], fields["category"])
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
