from django.core.management.base import BaseCommand

from surveys import builtin, services


class Command(BaseCommand):
    help = "Create the built-in Tenant Satisfaction Measures survey (published), to import answers into."

    def handle(self, *args, **options):
        survey = services.survey_create(definition=builtin.TSM_SURVEY, questions=builtin.TSM_QUESTIONS)
        self.stdout.write(self.style.SUCCESS(f"Created survey {survey.pk}: {survey.title_in('en')}"))
