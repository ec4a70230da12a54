from django.core.management.base import BaseCommand, CommandError

from inequities.exports import write_figures_csv
from inequities.services import latest_snapshot


class Command(BaseCommand):
    help = "Write the latest complete snapshot of figures to a CSV file, one row per figure."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the CSV.")

    def handle(self, *args, file, **options):
        snapshot = latest_snapshot()
        if snapshot is None:
            raise CommandError("There are no figures yet. Run `python manage.py recompute_inequities` first.")
        with open(file, "w", newline="", encoding="utf-8") as stream:
            written = write_figures_csv(snapshot, stream)
        self.stdout.write(f"Wrote {written} figures from {snapshot} to {file}.")
