from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app stands on: accounts and roles, page access, imports, the GOV.UK form kit, task
    sending, navigation, security middleware, two-factor sign-in and the "facts changed" announcement."""

    name = "core"
    verbose_name = "Shared parts"

    def ready(self):
        # The sign-in signals that give staff sessions their idle limit and ask for a second factor.
        from core import middleware, two_factor  # noqa: F401
