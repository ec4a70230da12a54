"""Issue 24, item 6: the header check is linear in the number of columns, and a first line naming
more columns than any real import has is refused at once, with its line number."""

import time

import pytest

from core.imports import IMPORTS
from core.imports.reading import MAX_COLUMNS, CsvImport


class _Strict(CsvImport):
    required_columns = ("reference", "name")
    fields = {"reference": str, "name": str}


class _Lenient(_Strict):
    allow_other_columns = True


def _columns(count):
    return ",".join(f"column_{n}" for n in range(count)) + "\n" + ",".join("x" for _ in range(count)) + "\n"


@pytest.mark.parametrize("importer", [_Strict, _Lenient])
def test_a_file_of_80000_columns_is_refused_at_once_with_a_line_numbered_message(importer):
    text = _columns(80_000)
    started = time.perf_counter()
    checked = importer().check(text)
    took = time.perf_counter() - started
    assert [str(problem) for problem in checked.problems] == [
        f"Line 1: The first line names 80,000 columns; an import has at most {MAX_COLUMNS}. "
        "Check that this is the right file, saved as CSV."
    ]
    assert took < 0.5, f"{took:.2f} s"


@pytest.mark.parametrize("importer", [_Strict, _Lenient])
def test_the_check_is_linear_up_to_the_limit(importer):
    """Every column at the limit is checked (duplicates, unknown names) in well under a second."""
    names = [f"column_{n}" for n in range(MAX_COLUMNS - 2)] + ["column_1", "reference"]
    started = time.perf_counter()
    for _ in range(20):
        header, problems = importer().check_header(names)
    took = time.perf_counter() - started
    messages = [str(problem) for problem in problems]
    assert "Line 1, column column_1: This column appears more than once." in messages
    assert "Line 1, column name: This column is missing." in messages
    assert took < 0.5, f"{took:.2f} s for 20 checks of {MAX_COLUMNS} columns"


def test_no_real_import_comes_near_the_limit():
    """Survey responses add a column per question on top of these: a survey has far fewer than 400."""
    widest = max(len(info.importer.required_columns) + len(info.importer.optional_columns) for info in IMPORTS.values())
    assert widest * 5 < MAX_COLUMNS
