from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from surveys.imports import ImportFailed, import_responses
from surveys.models import Survey


class Command(BaseCommand):
    help = "Import a contractor's CSV file of survey responses: every row, or none (see docs/data-formats.md)."

    def add_arguments(self, parser):
        parser.add_argument("survey", type=int, help="The survey's number (as in its page address).")
        parser.add_argument("file", type=Path)

    def handle(self, *args, survey, file, **options):
        found = Survey.objects.filter(pk=survey).first()
        if found is None:
            raise CommandError(f"There is no survey {survey}.")
        if not file.exists():
            raise CommandError(f"There is no file {file}.")
        try:
            with file.open(newline="", encoding="utf-8-sig") as handle:
                count = import_responses(survey=found, handle=handle, source=file.name)
        except ImportFailed as failed:
            for error in failed.errors:
                self.stderr.write(error)
            raise CommandError(str(failed)) from failed
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text: save it as “CSV UTF-8” and try again.") from None
        self.stdout.write(self.style.SUCCESS(f"Imported {count} responses to “{found}”."))
