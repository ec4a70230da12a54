from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from surveys import tsm
from surveys.models import Survey


class Command(BaseCommand):
    help = "Write a survey's TSM results (the numbers its results page shows) to a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("survey", type=int, help="The survey's number (as in its page address).")
        parser.add_argument("file", type=Path)

    def handle(self, *args, survey, file, **options):
        found = Survey.objects.filter(pk=survey).first()
        if found is None:
            raise CommandError(f"There is no survey {survey}.")
        results = tsm.tsm_results(found)
        with file.open("w", newline="", encoding="utf-8") as handle:
            tsm.write_csv(results, handle)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(results)} rows to {file}."))
