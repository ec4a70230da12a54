"""Imports at size: resident, repair and equality files through the real importers.

    python bench/imports.py [--rows 100000] [--repair-rows 10000] [--equality-rows 300000] [--kinds residents,repairs,equality,equality_update]
    python bench/imports.py --rows 150000 --kinds compliance,decency,asb_cases

The management-information imports (issue 26) are sized by --rows: one gas check and one decency
answer per bench home (so at most the bench's 150,000 homes), and as many anti-social behaviour
cases. `rsh_tsm` (import_rsh_tsm) reads the Regulator's published workbook as GOV.UK ships it
(tests/surveys/data/rsh_tsm_2025_dataset.xlsx, or --rsh-file), whatever --rows says: its size is
the Regulator's, every large landlord's figures; its rows are the published figures it stores.

    python bench/imports.py --rows 150000 --kinds compliance,decency,asb_cases,rsh_tsm

A kind ending in `_again` (homes_again, residents_again, repairs_again, equality_again,
compliance_again, decency_again, asb_cases_again) times the nightly re-run instead (issue 27): the
file is imported once untimed, then again with one row in ten changed (and, for residents, one
tenancy in ten ended), so the timed run updates by key, ends and leaves unchanged. Its floor is the
same COPY. `homes_again` needs no first run: its file is the bench's own homes, one in ten with a
new town.

    python bench/imports.py --rows 150000 --kinds homes_again,residents_again,repairs_again,compliance_again,decency_again,asb_cases_again --equality-rows 150000

The equality import has a target: at least 3,000 rows a second at 300,000 rows (issue 14). Its
file is keyed on residents' references; where the database holds fewer residents than rows, the
missing ones are added inside the rolled-back transaction before the clock starts (for
`equality_update`, each with a profile already, so the import updates every one).

Writes both files (residents in new tenancies of existing bench homes; repairs to existing bench
homes) in the formats of docs/data-formats.md, then runs each importer (engagement.imports for
residents, repairs.services.repairs_import for repairs) in its own child process, so each peak
memory figure is that import's alone. Each import runs inside a transaction that is rolled back
at the end, so the bench data set stays as seed.py built it. The floor is COPY of the same number of
rows into the same table (what seed.py does), so the ratio says what checking and the ORM cost.
"""

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_setup, peak_rss_mb  # noqa: E402

COUNTED_BY_ROWS = ["homes", "residents", "compliance", "decency", "asb_cases"]
KINDS = [*COUNTED_BY_ROWS, "repairs", "equality", "equality_update", "rsh_tsm"]
RSH_FILE = Path(__file__).resolve().parent.parent / "tests" / "surveys" / "data" / "rsh_tsm_2025_dataset.xlsx"
# What the second run of each `_again` kind changes: (column, new value, which rows: (row from 0, cell) -> bool).
AGAIN = {
    "homes": [("town", "Garforth", lambda n, _cell: n % 10 == 0)],
    "residents": [
        ("last_name", "Changed", lambda n, _cell: n % 10 == 5),
        ("tenancy_end", "2026-01-31", lambda n, _cell: n // 2 % 10 == 0),  # both residents of one tenancy in ten
    ],
    "repairs": [("description", "Imported job, updated", lambda n, _cell: n % 10 == 0)],
    "equality": [("sex", "female", lambda n, cell: n % 10 == 0 and cell != "")],
    "compliance": [("recorded_on", date.today().isoformat(), lambda n, _cell: n % 10 == 0)],
    "decency": [("fails_decent_homes_standard", "yes", lambda n, _cell: n % 10 == 0)],
    "asb_cases": [("involves_hate_incident", "yes", lambda n, _cell: n % 10 == 0)],
}
CATEGORIES = ["plumbing", "heating", "electrical", "damp_mould", "windows", "doors", "kitchen", "bathroom"]


class Rollback(Exception):
    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repair-rows", type=int, help="Rows in the repairs file (default: --rows).")
    parser.add_argument("--equality-rows", type=int, default=300_000, help="Rows in the equality file.")
    parser.add_argument(
        "--kinds", default="residents,repairs,equality,equality_update", help="Which imports to run, comma-separated."
    )
    parser.add_argument("--rsh-file", default=str(RSH_FILE), help="The Regulator's workbook, for rsh_tsm.")
    parser.add_argument("--kind", choices=[*KINDS, *(f"{kind}_again" for kind in AGAIN)], help="(internal)")
    parser.add_argument("--file")
    args = parser.parse_args()
    if args.kind:
        return _run_one(args.kind, Path(args.file), args.rows)
    django_setup()
    folder = Path(tempfile.mkdtemp(prefix="bench-imports-"))
    kinds = args.kinds.split(",")
    files = {kind: folder / (f"{kind}.xlsx" if kind == "rsh_tsm" else f"{kind}.csv") for kind in kinds}
    rows = args.equality_rows
    counts = {
        "residents": args.rows,
        "equality_again": rows,
        "repairs": args.repair_rows or args.rows,
        "equality": rows,
        "equality_update": rows,
        **dict.fromkeys(COUNTED_BY_ROWS, args.rows),
    }
    writers = {"residents": _write_residents, "repairs": _write_repairs, "equality": _write_equality,
               "equality_update": _write_equality, "compliance": _write_compliance, "decency": _write_decency,
               "asb_cases": _write_asb_cases, "homes": _write_homes,
               "rsh_tsm": lambda path, _rows: path.write_bytes(Path(args.rsh_file).read_bytes())}  # fmt: skip
    for kind in kinds:
        counts.setdefault(kind, counts.get(kind.removesuffix("_again"), args.rows))
        writers[kind.removesuffix("_again")](files[kind], counts[kind])
    worst, rates = 0.0, {}
    for kind, path in files.items():
        output = subprocess.run(
            [sys.executable, __file__, "--kind", kind, "--file", str(path), "--rows", str(counts[kind])],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        print(output.strip())
        worst = max(worst, float(output.rsplit("vs_copy=", 1)[1].split()[0]))
        if kind.startswith("equality"):
            rates[kind] = float(output.split(" rows/s")[0].rsplit("= ", 1)[1].replace(",", ""))
        path.unlink()
    folder.rmdir()
    print(f"import_vs_copy_floor = {worst:.2f} (worst of them; no target set: checking every row costs)")
    for kind, rate in rates.items():
        print(f"{kind}_rows_per_s = {rate:,.0f} at {counts[kind]:,} rows (target >= 3,000 at 300,000)")


def _homes(count):
    from engagement.models import Home

    return list(Home.objects.order_by("pk").values_list("property_reference", flat=True)[:count])


def _write_homes(path, rows):
    """The bench's own homes as the housing system would export them (the nightly homes file)."""
    from engagement.models import Home

    columns = ["property_reference", "uprn", "address_line_1", "address_line_2", "town", "postcode", "local_authority",
               "lsoa_code", "scheme_type", "block_reference"]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow([*columns, "region_code"])
        for values in Home.objects.order_by("pk").values_list(*columns, "region__code")[:rows]:
            writer.writerow(["" if value is None else value for value in values])


def _changed(text, kind):
    """The file with AGAIN's changes made: what the housing system exports the next night."""
    import io

    lines = list(csv.reader(io.StringIO(text)))
    header, rows = lines[0], lines[1:]
    for column, value, which in AGAIN[kind]:
        at = header.index(column)
        for n, row in enumerate(rows):
            if which(n, row[at]):
                row[at] = value
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return out.getvalue()


def _write_residents(path, rows):
    rng = random.Random(9)
    homes = _homes(rows // 2)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["resident_reference", "tenancy_reference", "property_reference", "tenancy_start",
                         "tenancy_end", "first_name", "last_name", "date_of_birth", "lead_tenant"])  # fmt: skip
        for n in range(rows):
            home = homes[n // 2]
            born = date(1940, 1, 1) + timedelta(days=rng.randint(0, 60 * 365))
            writer.writerow([f"IMP{n:07d}", f"IMPT{n // 2:07d}", home, "2024-04-01", "", rng.choice(["Amira", "Tom", "Jo"]),
                             rng.choice(["Khan", "Smith", "Nowak"]), born.isoformat(), "yes" if n % 2 == 0 else "no"])  # fmt: skip


def _write_repairs(path, rows):
    rng = random.Random(10)
    homes = _homes(50_000)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["job_reference", "property_reference", "reported_at", "category", "priority",
                         "description", "status", "completed_at", "completed_first_visit"])  # fmt: skip
        for n in range(rows):
            reported = date.today() - timedelta(days=rng.randint(40, 700))
            done = reported + timedelta(days=rng.randint(1, 30))
            writer.writerow([f"IMPJ{n:07d}", rng.choice(homes), f"{reported} 10:15", rng.choice(CATEGORIES),
                             rng.choice(["emergency", "urgent", "routine"]), "Imported job", "completed",
                             f"{done} 15:00", rng.choice(["yes", "no", ""])])  # fmt: skip


def _write_compliance(path, rows):
    rng = random.Random(12)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["property_reference", "block_reference", "check_type", "required", "due_on", "done_on", "recorded_on"]
        )
        for home in _homes(rows):
            due = date.today() - timedelta(days=rng.randint(1, 360))
            done = due - timedelta(days=rng.randint(0, 30))
            writer.writerow([home, "", "gas", "yes", due.isoformat(), done.strftime("%d/%m/%Y"), done.isoformat()])


def _write_decency(path, rows):
    rng = random.Random(13)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["property_reference", "fails_decent_homes_standard", "year_end"])
        for home in _homes(rows):
            writer.writerow([home, "yes" if rng.random() < 0.04 else "no", "2026-03-31"])


def _write_asb_cases(path, rows):
    rng = random.Random(14)
    homes = _homes(50_000)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["case_reference", "property_reference", "opened_on", "involves_hate_incident", "channel"])
        for n in range(rows):
            opened = date.today() - timedelta(days=rng.randint(1, 700))
            writer.writerow([f"IMPA{n:07d}", rng.choice(homes), opened.isoformat(), rng.choice(["yes", "no", "no"]),
                             rng.choice(["phone", "Email", "in_person"])])  # fmt: skip


EQUALITY = ["white_british", "asian_indian", "black_african", "mixed_other", "white_other", "prefer_not_to_say", ""]


def _write_equality(path, rows):
    rng = random.Random(11)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["resident_reference", "ethnic_group", "disability", "sex", "religion", "main_language",
                         "consent_recorded_on", "consent_how"])  # fmt: skip
        for n in range(rows):
            ethnic = rng.choice(EQUALITY)
            answered = ethnic != ""
            writer.writerow([f"EQ{n:07d}", ethnic, rng.choice(["yes", "No", ""]) if answered else "",
                             rng.choice(["female", "Male"]) if answered else "", "", rng.choice(["English", "pl", ""]) if answered else "",
                             "01/04/2024" if answered else "", "paper" if answered else ""])  # fmt: skip


def _residents_for_equality(rows, with_profiles):
    """Residents EQ0000000... for the equality file (added inside the rolled-back transaction),
    with an empty equality profile each when the import is to update profiles rather than add them."""
    from engagement.models import EqualityProfile, Household, Resident

    households = list(Household.objects.values_list("pk", flat=True)[:1000])
    made = Resident.objects.bulk_create(
        [Resident(household_id=households[n % len(households)], reference=f"EQ{n:07d}", first_name="Eq", last_name="Uality")
         for n in range(rows)], batch_size=5000)  # fmt: skip
    if with_profiles:
        EqualityProfile.objects.bulk_create([EqualityProfile(resident=r) for r in made], batch_size=5000)


def _run_one(kind, path, rows):
    django_setup()
    from django.db import transaction

    import inequities.tasks  # noqa: F401  (loading the recompute's modules is start-up, not the import's cost)
    from core.imports import IMPORTS

    before = peak_rss_mb()
    if kind == "rsh_tsm":
        return _run_rsh_tsm(path, before)
    try:
        with transaction.atomic():
            if kind.startswith("equality"):
                _residents_for_equality(rows, with_profiles=kind == "equality_update")
            text = path.read_text(encoding="utf-8-sig")
            base = kind.removesuffix("_again")
            if kind.endswith("_again"):
                if base != "homes":  # the homes file is the bench's homes already
                    IMPORTS[base].importer(file_name=path.name).run(text)
                text = _changed(text, base)
            began = time.perf_counter()
            importer = IMPORTS[base if base in IMPORTS else kind.split("_")[0]].importer(file_name=path.name)
            summary = importer.run(text)
            seconds = time.perf_counter() - began
            raise Rollback
    except Rollback:
        pass
    floor = _copy_floor(kind, rows)
    print(f"{kind}: {rows:,} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s; peak RSS {peak_rss_mb():.0f} MB "
          f"(process started at {before:.0f} MB); COPY floor {floor:.2f} s; vs_copy={seconds / floor:.1f} "
          f"[{summary.splitlines()[0][:160]}]")  # fmt: skip


def _run_rsh_tsm(path, before):
    """import_rsh_tsm on the Regulator's workbook, rolled back; its rows are the figures it stores."""
    from django.db import transaction

    from surveys.models import PublishedMeasure
    from surveys.regulator_dataset import RegulatorDatasetImport

    try:
        with transaction.atomic():
            content = path.read_bytes()
            began = time.perf_counter()
            summary = RegulatorDatasetImport(file_name=path.name).run(content)
            seconds = time.perf_counter() - began
            rows = PublishedMeasure.objects.count()
            raise Rollback
    except Rollback:
        pass
    floor = _copy_floor("rsh_tsm", rows)
    print(f"rsh_tsm: {rows:,} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s; peak RSS {peak_rss_mb():.0f} MB "
          f"(process started at {before:.0f} MB); COPY floor {floor:.2f} s; vs_copy={seconds / floor:.1f} "
          f"[{summary.splitlines()[0][:160]}]")  # fmt: skip


def _copy_floor(kind, rows):
    """COPY of as many rows into the same table, rolled back: the least a database write can cost."""
    import io

    from django.db import connection, transaction

    kind = kind.removesuffix("_again")
    if kind == "homes":
        table = "engagement_home"
        columns = ("(property_reference, address_line_1, address_line_2, town, postcode, region_id, local_authority, "
                   "lsoa_code, scheme_type, block_reference)")  # fmt: skip
        line = "FLOOR{n}\t1 Long Street\t\tLeeds\tLS9 8AB\t1\tLeeds\tE01011234\tgeneral_needs\t\n"
    elif kind == "residents":
        table, columns = "engagement_resident", "(first_name, last_name, is_lead_tenant, household_id, reference)"
        line = "Amira\tKhan\tt\t1\tFLOOR{n}\n"
    elif kind.startswith("equality"):
        table = "engagement_equalityprofile"
        columns = ("(resident_id, ethnicity, disability, sex, gender_identity, sexual_orientation, religion, "
                   "main_language, interpreter_needed, age_declined, consent_method, updated_at)")  # fmt: skip
        line = (
            "{n}\twhite_british\tno\tfemale\tnot_asked\tnot_asked\tnot_asked\ten-gb\tnot_asked\tf\tpaper\t2025-01-01\n"
        )
    elif kind == "compliance":  # one row per home: home ids 1.. (foreign keys are checked at commit)
        table = "repairs_compliancecheck"
        columns = "(home_id, check_type, required, due_on, done_on, recorded_on, block_reference, imported_at)"
        line = "{h}\tgas\tt\t2026-01-10\t2026-01-05\t2026-01-06\t\t2026-01-06\n"
    elif kind == "decency":
        table, columns = "repairs_decencyrecord", "(home_id, as_at, fails_standard)"
        line = "{h}\t2026-03-31\tf\n"
    elif kind == "rsh_tsm":
        table = "surveys_publishedmeasure"
        columns = ("(year, landlord_code, landlord_name, landlord_type, size_band, region, mostly_supported, measure, "
                   "tenure, value)")  # fmt: skip
        line = "2025\tL{n}\tA landlord\tPRP\t>40,000\tNorth\tf\tTP01\tLCRA\t0.75\n"
    elif kind == "asb_cases":
        table = "repairs_asbcase"
        columns = "(reference, home_id, opened_on, involves_hate_incident, channel, summary)"
        line = "FLOOR{n}\t1\t2026-01-10\tf\tphone\t\n"
    else:
        table, columns = (
            "repairs_repairrequest",
            (
                "(reference, channel, category, description, priority, hazard, status, cancellation_reason, reported_at, "
                "due_at, follow_on_work, photo, preventative_work_delay_reason, created_at, home_id, household_id)"
            ),
        )
        line = "FLOOR{n}\tphone\tplumbing\tx\troutine\t\tcompleted\t\t2025-01-01\t2025-02-01\t\t\t\t2025-01-01\t1\t1\n"
        line = line.replace("completed", "reported")
    data = io.StringIO("".join(line.format(n=n, h=n + 1) for n in range(rows)))
    # One row per home and check type or year end: the table starts empty, as a first import's does.
    empty_first = kind in ("compliance", "decency", "rsh_tsm") or kind.startswith("equality")
    began = time.perf_counter()
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if empty_first:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (our own table name)
                began = time.perf_counter()
            cursor.copy_expert(f"COPY {table} {columns} FROM STDIN", data)
            seconds = time.perf_counter() - began
            raise Rollback
    except Rollback:
        pass
    return seconds


if __name__ == "__main__":
    main()
