from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The parts every app uses: the import framework and the "facts changed" announcement."""

    name = "core"
    verbose_name = "Shared parts"
