from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The officer's desk, on the top floor: it reads every app below it (docs/architecture.md)."""

    name = "desk"
    verbose_name = "The officer's desk"
