from django.core.management.base import BaseCommand, CommandError

from surveys import sending
from surveys.models import Survey


class Command(BaseCommand):
    help = (
        "Queue every invitation to a survey not sent yet, by each resident's channel: emails and texts "
        "are sent by background jobs, letters wait for the print pack, calls and visits go on their lists."
    )

    def add_arguments(self, parser):
        parser.add_argument("survey", type=int, help="The survey's number (as in its page address).")

    def handle(self, *args, survey, **options):
        found = Survey.objects.filter(pk=survey).first()
        if found is None:
            raise CommandError(f"There is no survey {survey}.")
        for line in sending.describe(sending.invitations_queue(survey=found)):
            self.stdout.write(line)
