from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from surveys import tsm_return


class Command(BaseCommand):
    help = (
        "Write the Tenant Satisfaction Measures return to the Regulator for reporting year YEAR (1 April "
        "of the year before to 31 March of YEAR) to FILE.xlsx, under the Regulator's data field names and "
        "datapoint ids, and the same rows to FILE.csv beside it. Fields the service cannot know are left "
        "blank and listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="The reporting year, by the year it ends: 2025 for 2024/25.")
        parser.add_argument("file", help="The spreadsheet to write, ending .xlsx.")

    def handle(self, *args, year, file, **options):
        path = Path(file)
        if path.suffix.lower() != ".xlsx":
            raise CommandError(f"{file} must end .xlsx: the return is written as an Excel workbook.")
        if not 2023 <= year <= 2100:
            raise CommandError(f"{year} is not a reporting year: the measures began with 2023/24 (2024).")
        rows = tsm_return.values(year)
        with open(path, "wb") as handle:
            tsm_return.write_xlsx(year, rows, handle)
        beside = path.with_suffix(".csv")
        with open(beside, "w", newline="", encoding="utf-8") as handle:
            tsm_return.write_csv(year, rows, handle)
        blank = tsm_return.blanks(rows)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(rows)} fields of the {year} return to {path} and {beside}."))
        if blank:
            self.stdout.write(f"{len(blank)} fields are blank, to fill in by hand:")
            for row in blank:
                self.stdout.write(f"  {row.field.name} ({row.field.datapoint}): {row.why_blank}")
