"""Imports for the management-information measures: building-safety checks (BS01 to BS05), decency
at year end (RP01) and anti-social behaviour cases (NM01).

Each follows the one import framework (core/imports): columns by name, a code or its label, either
date style, every problem by line and column, and nothing saved unless every line is right. Run
again, each updates by its key (home and check type; home and year end; case reference) and
reports what it added, changed, ended and left unchanged (core.imports.changes). The columns are
documented in docs/data-formats.md.
"""

from django.utils import timezone

from core.imports import CsvImport, Problem
from core.imports.cells import BadValue, a_date, choice, optional_text, required_text, yes_no, yes_no_or_blank
from core.imports.changes import Changes, Kept
from engagement.models import Home
from repairs.models import AsbCase, AsbChannel, CheckType, ComplianceCheck, DecencyRecord

BATCH = 2000


def _homes():
    return dict(Home.objects.values_list("property_reference", "pk"))


def _required_yes_no(raw):
    value = yes_no_or_blank(raw)
    if value is None:
        raise BadValue("This is empty; it must be yes or no.")
    return value


class ComplianceImport(CsvImport):
    """One row per home (or block) and check type: the latest check, whether the home needs it,
    when it was due, done and recorded. A block's row is applied to every home with that block
    reference. A home's check of a type replaces the one held before."""

    required_columns = ("check_type", "required")
    optional_columns = ("property_reference", "block_reference", "due_on", "done_on", "recorded_on")

    def __init__(self, **options):
        super().__init__(**options)
        self.fields = {
            "property_reference": optional_text(30),
            "block_reference": optional_text(30),
            "check_type": choice(CheckType.choices),
            "required": _required_yes_no,
            "due_on": a_date(required=False),
            "done_on": a_date(required=False, not_in_future=True),
            "recorded_on": a_date(required=False, not_in_future=True),
        }

    def parse_row(self, line, row):
        values, problems = super().parse_row(line, row)
        home, block = values.get("property_reference"), values.get("block_reference")
        if home == "" and block == "":
            problems.append(
                Problem(line, "property_reference", "This is empty; give a property_reference or a block_reference.")
            )
        elif home and block:
            problems.append(
                Problem(line, "block_reference", "Give a property_reference or a block_reference, not both.")
            )
        if values.get("recorded_on") and not values.get("done_on") and "done_on" in values:
            problems.append(
                Problem(
                    line, "done_on", "This is empty, but recorded_on is given: a check is done before it is recorded."
                )
            )
        if values.get("recorded_on") and values.get("done_on") and values["recorded_on"] < values["done_on"]:
            problems.append(Problem(line, "recorded_on", "This is before done_on."))
        if values.get("required") and values.get("due_on") is None and "due_on" in values:
            problems.append(Problem(line, "due_on", "This is empty; a required check needs the date it was due."))
        return values, problems  # fmt: skip

    def plan(self, parsed):
        homes = _homes()
        blocks = {}
        for block, pk in Home.objects.exclude(block_reference="").values_list("block_reference", "pk"):
            blocks.setdefault(block, []).append(pk)
        problems, checks, seen = [], {}, {}
        for line, values in parsed:
            if values["property_reference"]:
                ref = values["property_reference"]
                if ref not in homes:
                    problems.append(
                        Problem(line, "property_reference", f"{ref} is not one of our homes: import homes first.")
                    )
                    continue
                targets = [homes[ref]]
            else:
                block = values["block_reference"]
                if block not in blocks:
                    problems.append(
                        Problem(
                            line, "block_reference", f"No home has block reference {block}: give it in the homes file."
                        )
                    )
                    continue
                targets = blocks[block]
            for home in targets:
                key = (home, values["check_type"])
                if key in seen:
                    column = "property_reference" if values["property_reference"] else "block_reference"
                    problems.append(
                        Problem(
                            line, column, f"This home's {values['check_type']} check is already on line {seen[key]}."
                        )
                    )
                    break
                seen[key] = line
                checks[key] = {name: values[name] for name in ("required", "due_on", "done_on", "recorded_on",
                                                               "block_reference")}  # fmt: skip
        if problems:
            return None, problems
        keep = [name for name in ("due_on", "done_on", "recorded_on") if not self.in_file(name)]
        return CHECKS.compare(checks, keep=keep), problems

    def changes(self, comparison):
        return Changes([comparison.tally()])

    def write(self, comparison):
        CHECKS.create(comparison, batch_size=BATCH)
        now = timezone.now()
        CHECKS.update(comparison, extra={pk: {"imported_at": now} for pk, *_ in comparison.changed})


class DecencyImport(CsvImport):
    """One row per home the Decent Homes Standard applies to: whether it fails it at the year end."""

    required_columns = ("property_reference", "fails_decent_homes_standard", "year_end")
    unique_columns = ("property_reference",)

    def __init__(self, **options):
        super().__init__(**options)
        self.fields = {
            "property_reference": required_text(30),
            "fails_decent_homes_standard": _required_yes_no,
            "year_end": a_date(required=True),
        }

    def plan(self, parsed):
        homes = _homes()
        problems, records = [], {}
        for line, values in parsed:
            ref = values["property_reference"]
            if ref not in homes:
                problems.append(
                    Problem(line, "property_reference", f"{ref} is not one of our homes: import homes first.")
                )
                continue
            records[(homes[ref], values["year_end"])] = {"fails_standard": values["fails_decent_homes_standard"]}
        if problems:
            return None, problems
        return DECENCY.compare(records), problems

    def changes(self, comparison):
        return Changes([comparison.tally()])

    def write(self, comparison):
        DECENCY.create(comparison, batch_size=BATCH)
        DECENCY.update(comparison)


class AsbCasesImport(CsvImport):
    """One row per anti-social behaviour case opened by us or on our behalf."""

    required_columns = ("case_reference", "property_reference", "opened_on", "involves_hate_incident")
    optional_columns = ("channel", "closed_on", "summary")
    unique_columns = ("case_reference",)
    allow_other_columns = True  # a case management system's export has more; they are ignored

    def __init__(self, **options):
        super().__init__(**options)
        self.fields = {
            "case_reference": required_text(30),
            "property_reference": required_text(30),
            "opened_on": a_date(required=True, not_in_future=True),
            "involves_hate_incident": yes_no,
            "channel": choice(AsbChannel.choices, default=AsbChannel.OTHER),
            "closed_on": a_date(required=False, not_in_future=True),
            "summary": optional_text(5000),
        }

    def parse_row(self, line, row):
        values, problems = super().parse_row(line, row)
        if values.get("closed_on") and values.get("opened_on") and values["closed_on"] < values["opened_on"]:
            problems.append(Problem(line, "closed_on", "This is before opened_on."))
        return values, problems

    def plan(self, parsed):
        homes = _homes()
        problems, cases = [], {}
        for line, values in parsed:
            ref = values["property_reference"]
            if ref not in homes:
                problems.append(
                    Problem(line, "property_reference", f"{ref} is not one of our homes: import homes first.")
                )
                continue
            cases[(values["case_reference"],)] = {
                "home_id": homes[ref],
                **{
                    name: values[name]
                    for name in ("opened_on", "involves_hate_incident", "channel", "closed_on", "summary")
                },  # fmt: skip
            }
        if problems:
            return None, problems
        keep = [name for name in ("channel", "closed_on", "summary") if not self.in_file(name)]
        return CASES.compare(cases, keep=keep), problems

    def changes(self, comparison):
        return Changes([comparison.tally()])

    def write(self, comparison):
        CASES.create(comparison, build=self._new_case, batch_size=BATCH)
        CASES.update(comparison)

    def _new_case(self, key, values):
        return AsbCase(reference=key[0], opened_by=self.by, **values)


# What each import keeps in step, matched on its key, and what "ended" means for it.
CHECKS = Kept(
    ComplianceCheck,
    ("home_id", "check_type"),
    "building-safety checks",
    ends=lambda before, after: before["required"] and not after["required"],  # the home no longer needs it
    ends_on=("required",),
)
DECENCY = Kept(DecencyRecord, ("home_id", "as_at"), "decency answers")
CASES = Kept(
    AsbCase,
    ("reference",),
    "anti-social behaviour cases",
    ends=lambda before, after: before["closed_on"] is None and after["closed_on"] is not None,
    ends_on=("closed_on",),
)
