from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from repairs.services import ImportRejected, repairs_import


class Command(BaseCommand):
    help = "Import repairs from a housing management system's CSV export (one row per repair). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file (UTF-8). Columns: see docs/data-formats.md.")

    def handle(self, *args, file, **options):
        if not file.exists():
            raise CommandError(f"There is no file at {file}.")
        with file.open(newline="", encoding="utf-8-sig") as lines:
            try:
                count = repairs_import(lines)
            except ImportRejected as rejected:
                for line, message in rejected.errors:
                    self.stderr.write(f"Line {line}: {message}")
                raise CommandError(f"{len(rejected.errors)} problem(s) in {file}; nothing was imported.") from None
            except UnicodeDecodeError as error:
                raise CommandError(f"{file} is not UTF-8 text ({error.reason}); nothing was imported.") from None
        self.stdout.write(self.style.SUCCESS(f"Imported {count} repairs from {file}."))
