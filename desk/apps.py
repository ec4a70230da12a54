from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The officer's desk, on the top floor: it reads every app below it (docs/architecture.md)."""

    name = "desk"
    verbose_name = "The officer's desk"

    def ready(self):
        from core.signals import language_flagged
        from desk.language_flags import record_flags

        # The respectful-language check (core) announces what it flagged; the desk keeps the flags.
        language_flagged.connect(record_flags, dispatch_uid="desk.language_flags")
