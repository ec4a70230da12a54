"""Write the demo's sample of the Regulator's TSM dataset (docs/samples/rsh_tsm_2025_sample.xlsx):
the four sheets `import_rsh_tsm` reads, every landlord, only the columns it reads, so seed_demo
imports it quickly. Usage: python scripts/trim_rsh_tsm.py rsh_tsm_2025_dataset.xlsx OUT.xlsx"""

import os
import sys
from pathlib import Path

import django
import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from surveys.regulator_dataset import CODE, NAME, SUPPORTED, clean, sheet_names, tables  # noqa: E402


def trim(source, target):
    book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    year = next(y for y in (2025, 2024) if set(sheet_names(y)) <= set(book.sheetnames))
    out = openpyxl.Workbook(write_only=True)
    for table, name in zip(tables(year), sheet_names(year), strict=True):
        lines = book[name].iter_rows(values_only=True)
        for cells in lines:
            if cells and clean(cells[0]) == NAME:
                break
        wanted = {NAME, CODE, *(h for _m, _t, h in table.measures)}
        wanted |= {clean(c) for c in cells if clean(c).startswith("Landlord ")} | {SUPPORTED}
        keep = [i for i, c in enumerate(cells) if clean(c) in wanted]
        sheet = out.create_sheet(name)
        sheet.append([name.replace("_", " ")])
        sheet.append([cells[i] for i in keep])
        for row in lines:
            if row[1] is None:
                break
            sheet.append([row[i] for i in keep])
    out.save(target)


if __name__ == "__main__":
    trim(sys.argv[1], sys.argv[2])
