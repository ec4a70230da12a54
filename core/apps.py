from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_reference_data(sender, **kwargs):
    from core.language_rules import seed_language_rules
    from core.roles import sync_roles

    sync_roles(apps=kwargs.get("apps"))
    seed_language_rules(apps=kwargs.get("apps"))


class CoreConfig(AppConfig):
    """What every app stands on: accounts and roles, page access, imports, the GOV.UK form kit, task
    sending, navigation, security middleware, two-factor sign-in and the "facts changed" announcement."""

    name = "core"
    verbose_name = "Shared parts"

    def ready(self):
        # Keep the role groups and the starting language rules in place after every migrate, and
        # after a test flush (which empties every table, reference data included).
        post_migrate.connect(_sync_reference_data, sender=self, dispatch_uid="core.reference_data")
        # The sign-in signals that give staff sessions their idle limit and ask for a second factor,
        # and `field__among=keys` (core/lookups.py).
        from core import lookups, middleware, sign_out, two_factor, user_cache  # noqa: F401

        # Replace a user's cache version whenever what they may do changes (issue 29).
        user_cache.connect()
