"""The shared body of import_homes, import_residents and import_imd."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from engagement.imports import IMPORTS, ImportFailed

HELP = {
    "homes": "Add or update homes from a CSV file (see docs/data-formats.md). All rows or none.",
    "residents": "Add or update residents and tenancies from a CSV file (see docs/data-formats.md). All rows or none.",
    "imd": "Set homes' IMD and crime-domain deciles from the English Indices of Deprivation file. All rows or none.",
}


class ImportCommand(BaseCommand):
    kind = None

    @property
    def help(self):
        return HELP[self.kind]

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file (UTF-8, first line naming the columns).")

    def handle(self, *args, file, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text: save it as “CSV UTF-8” and try again.") from None
        try:
            summary = IMPORTS[self.kind]().run(text)
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(failure.problems)} problem(s) in {file.name}; nothing was imported. Correct them and run it again."
            ) from None
        self.stdout.write(self.style.SUCCESS(summary))
