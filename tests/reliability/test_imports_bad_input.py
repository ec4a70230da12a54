"""Every import given careless and hostile files: wrong encodings, line ends, empty, enormous.

The browser import is driven through its real pages; every import command (homes, residents,
deprivation, equality, repairs, contractor survey responses) through the command. Each
file ends in a clean import or a clear message naming the problem, never a server error or a
traceback, and text from the file is shown back escaped.
"""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.forms import imports as import_forms
from core.imports import IMPORTS, ImportFailed
from core.models import ImportBatch
from engagement.models import Home, Resident
from tests.helpers.files import upload_import
from tests.reliability.payloads import ANY_TEXT, HTML, SCRIPT, SQL, assert_no_script_runs
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
HOMES = (SAMPLES / "homes.csv").read_text(encoding="utf-8")
HEADER = HOMES.splitlines()[0]
ROW = "H{n},,{address},,Leeds,LS9 8AB,E12000003,Leeds,,general_needs,no"


def upload(client, personas, content, name="homes.csv", kind="homes"):
    client.force_login(personas["administrator"])
    return upload_import(client, kind, content, name)


def page_text(response):
    html = response.content.decode()
    assert_no_script_runs(html, "on the import pages")
    return html


def homes_file(address="Café Row", line_end="\n"):
    rows = [HEADER, ROW.format(n=1, address=address), ROW.format(n=2, address="2 Bridge St")]
    return line_end.join(rows) + line_end


@pytest.mark.parametrize(
    "content",
    [
        homes_file(line_end="\r\n").encode("utf-8-sig"),  # Excel "CSV UTF-8" on Windows: BOM and CRLF
        homes_file(line_end="\r").encode(),  # old Mac line ends (was a server error)
        homes_file(address='"Flat 1\nBlock B, Café Row"').encode(),  # a quoted cell across two lines
    ],
    ids=["utf-8 with BOM and CRLF", "CR line ends", "quoted cell with a newline"],
)
def test_a_good_file_in_any_usual_shape_checks_clean_and_imports(client, personas, content):
    checked = upload(client, personas, content)
    assert "No problems" in page_text(checked) or checked.context["ready"], page_text(checked)
    batch = ImportBatch.objects.get()
    assert (batch.row_count, batch.problem_count) == (2, 0)
    client.post(f"/imports/{batch.pk}/")
    assert Home.objects.filter(property_reference__in=["H1", "H2"]).count() == 2
    assert "Café Row" in Home.objects.get(property_reference="H1").address_line_1


@pytest.mark.parametrize(
    "content, message",
    [
        (homes_file().encode("cp1252"), "The file must be UTF-8 text"),
        (homes_file().encode("utf-16"), "The file must be UTF-8 text"),
        (b"", "The submitted file is empty"),
        (b"\n\n", "This column is missing."),
        (HEADER.encode() + b"\n", "The file has no rows to import."),
        (homes_file(address="12\x00 Albert Road").encode(), "The file contains null characters"),
        (homes_file(address="x" * 200_000).encode(), "This line cannot be read as CSV (field larger than field limit"),
        (homes_file().replace("LS9 8AB", SCRIPT, 1).encode(), "is not a UK postcode"),
    ],
    ids=["windows-1252", "utf-16", "empty", "blank lines", "header only", "null bytes", "huge cell", "script"],
)
def test_a_bad_file_gets_a_clear_message_and_nothing_is_imported(client, personas, content, message):
    before = Home.objects.count()
    html = page_text(upload(client, personas, content))
    assert message in html
    assert Home.objects.count() == before


def test_an_enormous_file_is_refused_with_the_size_limit_in_the_message(client, personas, monkeypatch):
    monkeypatch.setattr(import_forms, "MAX_UPLOAD_BYTES", 1024 * 1024)
    content = homes_file().encode() + b"#" * (1024 * 1024)
    html = page_text(upload(client, personas, content))
    assert "The file must be smaller than 1 MB" in html
    assert ImportBatch.objects.count() == 0


CELL = st.one_of(ANY_TEXT, st.sampled_from(HTML + SQL), st.just('"quoted, with a comma\nand a newline"'))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(
    cells=st.lists(CELL, min_size=11, max_size=11),
    kind=st.sampled_from(["homes", "residents", "imd", "equality", "repairs"]),
)
def test_arbitrary_cells_in_the_browser_import_are_checked_and_shown_escaped(client, personas, cells, kind):
    content = (HEADER + "\r\n" + ",".join(cells) + "\r\n").encode("utf-8")
    response = upload(client, personas, content, kind=kind)
    assert response.status_code == 200
    page_text(response)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(content=st.binary(max_size=400), name=st.text(min_size=1, max_size=40))
def test_arbitrary_bytes_and_file_names_in_the_browser_import_get_an_answer(client, personas, content, name):
    response = upload(client, personas, content, name=f"{name}.csv")
    assert response.status_code == 200
    page_text(response)


# The command imports ------------------------------------------------------------------------------


def _run(tmp_path, command, content, *args):
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    call_command(command, *args, str(path), stdout=io.StringIO(), stderr=io.StringIO())


COMMANDS = {
    "import_homes": ((), SAMPLES / "homes.csv"),
    "import_residents": ((), SAMPLES / "residents.csv"),
    "import_imd": ((), SAMPLES / "imd.csv"),
    "import_repairs": ((), SAMPLES / "repairs.csv"),
    "import_equality": ((), SAMPLES / "equality.csv"),
    "import_responses": (("SURVEY",), SAMPLES / "survey_responses.csv"),
    "import_compliance": ((), SAMPLES / "compliance.csv"),
    "import_decency": ((), SAMPLES / "decency.csv"),
    "import_asb_cases": ((), SAMPLES / "asb_cases.csv"),
}


def _bad(sample, how):
    text = sample.read_text(encoding="utf-8")
    header, first, *_rest = text.splitlines()
    if how == "windows-1252":
        return (header + "\n" + first.replace(",", ",Café", 1) + "\n").encode("cp1252")
    if how == "empty":
        return b""
    if how == "null bytes":
        return (header + "\n" + first.replace(",", ",\x00", 1) + "\n").encode()
    if how == "huge cell":
        return (header + "\n" + first.replace(",", "," + "x" * 200_000, 1) + "\n").encode()
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["windows-1252", "empty", "null bytes", "huge cell"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_import_command_stops_a_bad_file_with_a_clear_message(db, tmp_path, command, how):
    args, sample = COMMANDS[command]
    args = tuple(str(tsm_survey().pk) if arg == "SURVEY" else arg for arg in args)
    with pytest.raises(CommandError) as stopped:
        _run(tmp_path, command, _bad(sample, how), *args)
    assert "nothing was imported" in str(stopped.value) or "UTF-8" in str(stopped.value)


TEXT_FILE = st.one_of(
    ANY_TEXT,
    st.lists(st.lists(CELL, max_size=6), max_size=4).map(lambda rows: "\r\n".join(",".join(r) for r in rows)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(kind=st.sampled_from(["homes", "residents", "imd", "equality", "repairs", "responses"]), body=TEXT_FILE)
def test_arbitrary_text_in_any_import_is_refused_with_problems_or_imported(db, kind, body):
    """Straight at each import's reader (no command, so many more files a second): one framework,
    one kind of problem, for all six."""
    sample = "survey_responses" if kind == "responses" else kind
    text = (SAMPLES / f"{sample}.csv").read_text(encoding="utf-8").splitlines()[0] + "\n" + body
    options = {"survey": tsm_survey()} if kind == "responses" else {}
    try:
        IMPORTS[kind].importer(**options).run(text)
    except ImportFailed as failed:
        assert failed.problems and all(str(problem).startswith("Line ") for problem in failed.problems)
    else:
        if kind in ("homes", "residents"):
            assert_every_row_stored(kind, text)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(address=CELL, town=CELL, reference=st.text(min_size=1, max_size=30))
def test_arbitrary_values_in_a_good_file_that_imports_are_stored_as_written(db, address, town, reference):
    row = io.StringIO()
    csv.writer(row).writerow(
        [reference, "", address, "", town, "LS9 8AB", "E12000003", "Leeds", "", "general_needs", "no"]
    )
    text = HEADER + "\r\n" + row.getvalue()
    try:
        IMPORTS["homes"].importer().run(text)
    except ImportFailed as failed:
        assert all(str(problem).startswith("Line ") for problem in failed.problems)
    else:
        assert_every_row_stored("homes", text)


def assert_every_row_stored(kind, text):
    """A fuzzed file that imported cleanly is in the database as written: each row under its
    reference, with its values trimmed of spaces and nothing else changed."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=None))
    header = [name.strip() for name in next(reader)]
    rows = [
        dict(zip(header, [c.strip() for c in cells], strict=True)) for cells in reader if any(c.strip() for c in cells)
    ]
    for row in rows:
        if kind == "homes":
            home = Home.objects.get(property_reference=row["property_reference"])
            assert (home.address_line_1, home.town) == (row["address_line_1"], row["town"])
        elif kind == "residents":
            resident = Resident.objects.get(reference=row["resident_reference"])
            assert (resident.first_name, resident.last_name) == (row["first_name"], row["last_name"])
