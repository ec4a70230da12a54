"""The Regulator's TSM data dictionary: the `Data Dictionary` sheet of its published dataset
("Tenant Satisfaction Measures: full dataset", rsh_tsm_2025_dataset.xlsx), read and nothing else.

Each row names a table of the return (TSM25_LCRA_Perception...), the column heading, the data field
name (TP01_Satisfied_Calc_LCRA) and the datapoint id (DP_TSML201). Rows the Regulator fills itself
say "System Property" and are left out. The product keeps only its own mapping to these names
(surveys/data/tsm_return_fields.csv); tests read the dictionary to check it.
"""

from dataclasses import dataclass

SHEET = "Data Dictionary"
HEADINGS = ("Table", "Column Heading", "Data Field Name", "Survey_Datapoint")
SYSTEM = "System Property"


@dataclass(frozen=True)
class DictionaryField:
    table: str
    heading: str
    name: str
    datapoint: str


def read(path):
    """Every field of the return the dictionary at `path` lists, in its order."""
    from openpyxl import load_workbook  # only this reader and the return's writer need it

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        if SHEET not in book.sheetnames:
            raise ValueError(f"{path} has no sheet named {SHEET!r}")
        fields, started = [], False
        for row in book[SHEET].iter_rows(values_only=True):
            cells = tuple(str(cell).strip() if cell is not None else "" for cell in row[:4])
            if not started:
                started = cells == HEADINGS
                continue
            table, heading, name, datapoint = cells
            if table and name and name != SYSTEM:
                fields.append(DictionaryField(table, heading, name, datapoint))
        if not started:
            raise ValueError(f"The {SHEET!r} sheet of {path} has no row headed {', '.join(HEADINGS)}")
        return fields
    finally:
        book.close()
