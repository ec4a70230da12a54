"""Reading the Regulator of Social Housing's Tenant Satisfaction Measures dataset ("TSM 2025 full
dataset", an .xlsx workbook) exactly as GOV.UK ships it, for `import_rsh_tsm`.

The workbook has one sheet per table, named for the year (`TSM25_LCRA_Perception`,
`TSM25_LCHO_Perception`, `TSM25_Combined_Perception`, `TSM25_Management_Info`; `TSM24_...` for
2024), each with some lines of notes, then a line naming the columns (its first cell "Landlord
name"), then one line per landlord, then (2024) more notes. Columns are found by their heading, in
any order; a heading's footnote mark ("(TP09)7") and odd spaces are ignored. A file without the
sheets or headings of a known year is refused, naming what was expected, and nothing is saved
unless every landlord's line reads: the import framework's rules (core/imports), for a workbook.

Measures are kept in the product's units: a share as a proportion (the Regulator publishes 0 to
100), NM01 and CH01 per 1,000 homes. "[X]", "[Z]", "[U]", "[S]" and "[C]" (not collected, not
required, no denominator, suppressed, confidential) and blank cells mean no figure.
"""

import io
import re
import zipfile
from dataclasses import dataclass

from django.db import transaction

from core.bulk import insert_rows
from core.imports import Checked, ImportFailed, Problem
from core.signals import facts_changed
from surveys.models import LandlordType, PeerRegion, PublishedMeasure, SizeBand

SHARE, PER_1000 = "share", "per_1000"
SOURCE = "Regulator of Social Housing, TSM {year} dataset"

NAME, CODE, TYPE = "Landlord name", "Landlord code", "Landlord type"
SIZE = "Landlord group size (homes owned, LCRA and LCHO combined)"
REGION = "Landlord predominant region"
SUPPORTED = "LCRA above 30% supported housing"

SATISFIED = "Proportion of respondents who report that they are satisfied"
PERCEPTION = {
    "TP01": "{tp01}",
    "TP02": f"{SATISFIED} with the overall repairs service from their landlord over the last 12 months (TP02)",
    "TP03": f"{SATISFIED} with the time taken to complete their most recent repair after they reported it (TP03)",
    "TP04": f"{SATISFIED} that their landlord provides a home that is well maintained (TP04)",
    "TP05": f"{SATISFIED} that their landlord provides a home that is safe (TP05)",
    "TP06": f"{SATISFIED} that their landlord listens to their views and acts upon them (TP06)",
    "TP07": f"{SATISFIED} that their landlord keeps them informed about things that matter to them (TP07)",
    "TP08": f"{SATISFIED} that their landlord treats them fairly and with respect (TP08)",
    "TP09": f"{SATISFIED} with their landlord’s approach to complaints handling (TP09)",
    "TP10": f"{SATISFIED} that their landlord keeps communal areas clean and well maintained (TP10)",
    "TP11": f"{SATISFIED} that their landlord makes a positive contribution to their neighbourhood (TP11)",
    "TP12": f"{SATISFIED} with their landlord’s approach to handling anti-social behaviour (TP12)",
}
# Shared owners are not asked about repairs or maintenance (TP02 to TP04).
SHARED_OWNERSHIP = [code for code in PERCEPTION if code not in ("TP02", "TP03", "TP04")]
TP01_BY_YEAR = {
    2025: f"{SATISFIED} with the overall service provided by their landlord (TP01)",
    2024: f"{SATISFIED} with the service provided by their landlord (TP01)",
}
HOMES = "Proportion of homes"
STAGES = {1: "one", 2: "two"}
COMPLAINTS = {
    "CH01 ({n})": "{tenure} - Number of stage {stage} complaints made by tenants in the relevant stock type during "
    "the reporting year per 1,000 homes (CH01 {n})",
    "CH02 ({n})": "{tenure} - Proportion of stage {stage} complaints responded to within the Housing Ombudsman’s "
    "Complaint Handling Code timescales (CH02 {n})",
}
MANAGEMENT = {
    "BS01": f"{HOMES} for which all required gas safety checks have been carried out (BS01)",
    "BS02": f"{HOMES} for which all required fire risk assessments have been carried out (BS02)",
    "BS03": f"{HOMES} for which all required asbestos management surveys or re-inspections have been carried out (BS03)",
    "BS04": f"{HOMES} for which all required legionella risk assessments have been carried out (BS04)",
    "BS05": f"{HOMES} for which all required communal passenger lift safety checks have been carried out (BS05)",
    "NM01 (1)": "Number of anti-social behaviour cases, opened per 1,000 homes (NM01 1)",
    "NM01 (2)": "Number of anti-social behaviour cases that involve hate incidents opened per 1,000 homes (NM01 2)",
    "RP01": f"{HOMES} that do not meet the Decent Homes Standard (RP01)",
    "RP02 (1)": "Proportion of non-emergency responsive repairs completed within the landlord’s target timescale "
    "(RP02 1)",
    "RP02 (2)": "Proportion of emergency responsive repairs completed within the landlord’s target timescale (RP02 2)",
}
# RP02 counts repairs to rented homes only; the other measures of the sheet count every home.
MANAGEMENT_TENURE = {"RP02 (1)": "LCRA", "RP02 (2)": "LCRA"}
PER_1000_MEASURES = {"NM01 (1)", "NM01 (2)", "CH01 (1)", "CH01 (2)"}


@dataclass(frozen=True)
class Table:
    """One sheet: its name's ending, the tenure its perception figures are for, and its columns."""

    name: str  # the sheet is f"TSM{yy}_{name}"
    tenure: str
    measures: tuple  # ((measure, tenure, heading), ...)
    supported: bool = True  # whether the sheet has the supported-housing column


def _complaints(tenure, sheet_tenure):
    return tuple(
        (code.format(n=n), tenure, heading.format(tenure=sheet_tenure, stage=STAGES[n], n=n))
        for n in (1, 2)
        for code, heading in COMPLAINTS.items()
    )


def tables(year):
    """The four sheets the import reads, for a reporting year whose layout it knows."""
    perception = {**PERCEPTION, "TP01": TP01_BY_YEAR[year]}
    return (
        Table("LCRA_Perception", "LCRA", tuple((code, "LCRA", h) for code, h in perception.items())),
        Table(
            "LCHO_Perception",
            "LCHO",
            tuple((code, "LCHO", perception[code]) for code in SHARED_OWNERSHIP),
            supported=False,
        ),
        Table("Combined_Perception", "", tuple((code, "", h) for code, h in perception.items())),
        Table(
            "Management_Info",
            "",
            tuple((code, MANAGEMENT_TENURE.get(code, ""), h) for code, h in MANAGEMENT.items())
            + _complaints("LCRA", "LCRA")
            + _complaints("LCHO", "LCHO"),
        ),
    )


YEARS = tuple(TP01_BY_YEAR)  # the layouts this reads: 2025 and 2024
HEADER_WITHIN = 20  # the line naming the columns is among the sheet's first lines


def sheet_names(year):
    return [f"TSM{year % 100}_{table.name}" for table in tables(year)]


def expected_sheets():
    return " or ".join(f"{', '.join(sheet_names(year))} (TSM {year})" for year in YEARS)


def clean(heading):
    """A heading as compared: odd spaces made plain, runs of spaces one, a footnote mark dropped."""
    text = str(heading if heading is not None else "").replace("\u00a0", " ").replace("\u200b", "")
    text = " ".join(text.split())
    return re.sub(r"\)\d+(,\d+)*$", ")", text)


@dataclass(frozen=True)
class SheetProblem(Problem):
    sheet: str = ""

    def __str__(self):
        where = f"Sheet {self.sheet}" if self.sheet else "The file"
        if self.line:
            where += f", line {self.line}"
        if self.column:
            where += f", column “{self.column}”"
        return f"{where}: {self.message}"


SIZES = {"<5,000": SizeBand.UNDER_5000, "5,000-40,000": SizeBand.UP_TO_40000, ">40,000": SizeBand.OVER_40000,
         ">40000": SizeBand.OVER_40000}  # fmt: skip
# What the 2024 dataset says of a landlord that merged during the year, for its size, region and
# supported housing: not known, so it is in no peer group.
MERGED = "merged during year"
TYPES = {"prp": LandlordType.PRIVATE, "la": LandlordType.LOCAL_AUTHORITY, "larp": LandlordType.LOCAL_AUTHORITY}
REGIONS = {value.lower(): value for value in PeerRegion.values}
MARKER = re.compile(r"^\[[A-Z]\]$")


class BadCell(ValueError):
    pass


def _text(value):
    return clean(value) if value is not None else ""


def _landlord_type(raw):
    found = TYPES.get(_text(raw).lower())
    if found is None:
        raise BadCell(f"“{raw}” is not a landlord type the Regulator uses: PRP, LA (LARP in 2024).")
    return found


def _size(raw):
    text = _text(raw)
    if not text or text.lower() == MERGED:
        return ""
    if text in SIZES:
        return SIZES[text]
    raise BadCell(f"“{raw}” is not one of the Regulator's sizes: <5,000, 5,000-40,000, >40,000.")


def _region(raw):
    text = _text(raw)
    if not text or text.lower() == MERGED:
        return ""
    found = REGIONS.get(text.lower())
    if found is None:
        raise BadCell(f"“{raw}” is not one of the Regulator's regions: {', '.join(PeerRegion.values)}.")
    return found


def _yes_no(raw):
    text = _text(raw).lower()
    if text in ("yes", "no"):
        return text == "yes"
    if not text or text == MERGED or MARKER.match(text.upper()):
        return None
    raise BadCell(f"“{raw}” is not Yes or No.")


def _figure(raw, measure):
    """The figure in the product's unit, or None where the Regulator publishes none."""
    if raw is None or (isinstance(raw, str) and (not raw.strip() or MARKER.match(raw.strip()))):
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise BadCell(f"“{raw}” is not a number, nor one of the Regulator's marks for no figure ([X], [Z], [U]).")
    if measure in PER_1000_MEASURES:
        if raw < 0:
            raise BadCell(f"{raw} is below zero: a number per 1,000 homes cannot be.")
        return float(raw)
    if not 0 <= raw <= 100:
        raise BadCell(f"{raw} is not a percentage from 0 to 100.")
    return raw / 100


COLUMNS = ("year", "landlord_code", "landlord_name", "landlord_type", "size_band", "region", "mostly_supported",
           "measure", "tenure", "value")  # fmt: skip
CODE_AT, SUPPORTED_AT = COLUMNS.index("landlord_code"), COLUMNS.index("mostly_supported")


def with_supported_everywhere(rows):
    """The shared ownership sheet does not say whether a landlord's rented homes are mostly
    supported housing; its other sheets do, and that holds for all its figures."""
    known = {row[CODE_AT]: row[SUPPORTED_AT] for row in rows if row[SUPPORTED_AT] is not None}
    return [
        row
        if row[SUPPORTED_AT] is not None
        else (*row[:SUPPORTED_AT], known.get(row[CODE_AT]), *row[SUPPORTED_AT + 1 :])
        for row in rows
    ]


class RegulatorDatasetImport:
    """`import_rsh_tsm`: check the whole workbook, then replace the year's figures in one go."""

    def __init__(self, *, by=None, file_name="", announce=True):
        self.by = by
        self.file_name = file_name
        self.announce = announce  # whether to announce "facts changed" (the figures' benchmarks)

    def check(self, content):
        """Checked(rows=[tuples in the order of COLUMNS], problems, plan=year) for the workbook's bytes."""
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            return Checked([], [SheetProblem(0, "", "This is not an Excel workbook (.xlsx). The Regulator's dataset "
                                             "is an .xlsx file: give it as downloaded from GOV.UK.")])  # fmt: skip
        try:
            year = next((y for y in YEARS if set(sheet_names(y)) <= set(book.sheetnames)), None)
            if year is None:
                missing = [name for name in sheet_names(YEARS[0]) if name not in book.sheetnames]
                return Checked([], [SheetProblem(0, "", (
                    f"This is not the Regulator's TSM dataset as published: it has no sheet {', '.join(missing)}. "
                    f"The import expects the sheets {expected_sheets()}."))])  # fmt: skip
            rows, problems = [], []
            for table in tables(year):
                name = f"TSM{year % 100}_{table.name}"
                self._read_sheet(book[name], name, table, year, rows, problems)
        finally:
            book.close()
        if not problems and not rows:
            problems.append(SheetProblem(0, "", "The workbook has no landlord with a figure to import."))
        return Checked(with_supported_everywhere(rows), problems, year)

    def _read_sheet(self, sheet, name, table, year, rows, problems):
        lines = sheet.iter_rows(values_only=True)
        header, header_line = None, 0
        for header_line, cells in enumerate(lines, start=1):
            if cells and clean(cells[0]) == NAME:
                header = [clean(cell) for cell in cells]
                break
            if header_line >= HEADER_WITHIN:
                break
        if header is None:
            problems.append(SheetProblem(0, NAME, (
                f"No line in the first {HEADER_WITHIN} names the columns: the Regulator's sheet has a line whose "
                f"first cell is “{NAME}”."), sheet=name))  # fmt: skip
            return
        wanted = [NAME, CODE, TYPE, SIZE, REGION] + ([SUPPORTED] if table.supported else [])
        wanted += [heading for _code, _tenure, heading in table.measures]
        at = {}
        for position, heading in enumerate(header):
            at.setdefault(heading, position)
        missing = [heading for heading in wanted if heading not in at]
        for heading in missing:
            problems.append(SheetProblem(header_line, heading, (
                f"This column is missing. The Regulator's TSM {year} dataset has it on line {header_line} "
                "of this sheet."), sheet=name))  # fmt: skip
        if missing:
            return
        seen = set()
        for line, cells in enumerate(lines, start=header_line + 1):
            cells = list(cells) + [None] * (len(header) - len(cells))
            code = _text(cells[at[CODE]])
            if not code:
                break  # the landlords end where the notes begin
            line_problems = []

            def read(heading, parse, *args, line=line, cells=cells, line_problems=line_problems):
                try:
                    return parse(cells[at[heading]], *args)
                except BadCell as error:
                    line_problems.append(SheetProblem(line, heading, str(error), sheet=name))

            landlord = {
                "year": year,
                "landlord_code": code[:20],
                "landlord_name": _text(cells[at[NAME]])[:200],
                "landlord_type": read(TYPE, _landlord_type),
                "size_band": read(SIZE, _size),
                "region": read(REGION, _region),
                "mostly_supported": read(SUPPORTED, _yes_no) if table.supported else None,
            }
            if not landlord["landlord_name"]:
                line_problems.append(SheetProblem(line, NAME, "This is empty; every landlord has a name.", sheet=name))
            if code in seen:
                line_problems.append(SheetProblem(line, CODE, f"{code} is on an earlier line too.", sheet=name))
            seen.add(code)
            figures = [
                (measure, tenure, read(heading, _figure, measure)) for measure, tenure, heading in table.measures
            ]
            problems += line_problems
            if line_problems:
                continue
            rows += [
                (*landlord.values(), measure, tenure, value) for measure, tenure, value in figures if value is not None
            ]

    def run(self, content, dry_run=False):
        """Check, then replace the year's figures in one transaction. Raises ImportFailed. A dry run
        checks and says what it would import, and saves nothing."""
        checked = self.check(content)
        if not checked.ok:
            raise ImportFailed(checked.problems)
        year = checked.plan
        if dry_run:
            landlords = len({row[CODE_AT] for row in checked.rows})
            return (
                f"Dry run, nothing saved. {len(checked.rows):,} published figures of {landlords:,} landlords "
                f"from the {SOURCE.format(year=year)} are ready to import."
            )
        with transaction.atomic():
            PublishedMeasure.objects.filter(year=year).delete()
            insert_rows(PublishedMeasure, COLUMNS, checked.rows)
            if self.announce:
                facts_changed.send(sender=type(self))
        landlords = len({row[CODE_AT] for row in checked.rows})
        return (
            f"Imported {len(checked.rows):,} published figures of {landlords:,} landlords from the "
            f"{SOURCE.format(year=year)}, replacing any for that year."
        )
