from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from surveys.models import Survey
from surveys.print_pack import pack_write


class Command(BaseCommand):
    help = (
        "Write the print pack of a survey's letters due (a cover letter and the paper questionnaire for each "
        "resident) to one PDF file. The letters in it are then marked printed; mark the pack posted on the "
        "survey's invitations page when it goes to the post."
    )

    def add_arguments(self, parser):
        parser.add_argument("survey", type=int, help="The survey's number (as in its page address).")
        parser.add_argument("file", type=Path, help="The PDF file to write.")

    def handle(self, *args, survey, file, **options):
        found = Survey.objects.filter(pk=survey).first()
        if found is None:
            raise CommandError(f"There is no survey {survey}.")
        if found.current_version is None:
            raise CommandError(f"Survey {survey} has no published version to print.")
        with file.open("wb") as target:
            count = pack_write(survey=found, target=target)
        self.stdout.write(self.style.SUCCESS(f"Wrote {count} letters to {file}."))
