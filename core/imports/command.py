"""The body every import command shares: read the file, run the import, print every problem by line."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.imports.reading import ImportFailed
from core.imports.registry import IMPORTS


def read_text(file):
    try:
        return file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CommandError(f"No such file: {file}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{file} is not UTF-8 text: save it as “CSV UTF-8” and try again.") from None


class ImportCommand(BaseCommand):
    kind = None
    help = "Import a CSV file (see docs/data-formats.md). All rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file (UTF-8, first line naming the columns).")
        parser.add_argument("--by", metavar="USERNAME", help="The user doing the import, for the record.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what it would add, change and end, saving nothing.",
        )

    def importer_options(self, options):
        """Extra keyword arguments for the importer (a survey, say)."""
        return {}

    def read(self, file):
        """The file's content as the importer reads it: text, or bytes for a workbook."""
        return read_text(file)

    def importer(self, **kwargs):
        return IMPORTS[self.kind].importer(**kwargs)

    def handle(self, *args, file, by=None, dry_run=False, **options):
        user = None
        if by:
            user = get_user_model().objects.filter(username=by).first()
            if user is None:
                raise CommandError(f"There is no user {by}.")
        content = self.read(file)
        importer = self.importer(by=user, file_name=file.name, **self.importer_options(options))
        try:
            summary = importer.run(content, dry_run=dry_run)
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(failure.problems)} problem(s) in {file.name}; nothing was imported. Correct them and run it again."
            ) from None
        self.stdout.write(self.style.SUCCESS(summary))
