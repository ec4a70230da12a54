from django.apps import AppConfig


def _open_surveys():
    from surveys.models import Survey

    return [(survey.pk, f"{survey.pk}: {survey.title_in('en')}") for survey in Survey.objects.filter(closed_at=None)]


def _survey(pk):
    from surveys.models import Survey

    return Survey.objects.filter(pk=pk).first()


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = "Surveys"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from core.imports import ImportOption, register
        from surveys import tasks  # noqa: F401  (its receiver sends the deliveries that sending queues)
        from surveys.imports import ResponsesImport

        survey = ImportOption("survey", _("Which survey are the responses to?"), _open_surveys, _survey)
        register("responses", _("Survey responses from a contractor"), ResponsesImport, order=6, option=survey)
