from django.core.management.base import CommandError

from core.imports.command import ImportCommand
from surveys.models import Survey


class Command(ImportCommand):
    kind = "responses"
    help = "Import a contractor's CSV file of survey responses: every row, or none (see docs/data-formats.md)."

    def add_arguments(self, parser):
        parser.add_argument("survey", type=int, help="The survey's number (as in its page address).")
        super().add_arguments(parser)

    def importer_options(self, options):
        found = Survey.objects.filter(pk=options["survey"]).first()
        if found is None:
            raise CommandError(f"There is no survey {options['survey']}.")
        return {"survey": found}
