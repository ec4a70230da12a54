"""CSV that opens safely in a spreadsheet: text people typed never runs as a formula.

Excel and LibreOffice treat a cell starting with = + - @ (or a tab or carriage return) as a
formula, so a resident's comment like =HYPERLINK("http://evil.example","Click") would run on the
analyst's computer. Such text is written with a leading apostrophe, which spreadsheets show as
text; plain numbers such as -3 or +44 are left as they are. Use this writer for every download
that holds text someone typed (survey answers, names, addresses, notes).
"""

import csv
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.match(value):
        return "'" + value
    return value


class _SafeWriter:
    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(stream, **options):
    """A csv.writer whose cells are made safe to open in a spreadsheet."""
    return _SafeWriter(stream, **options)
