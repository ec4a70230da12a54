from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_reference_data(sender, **kwargs):
    from engagement.language_rules import seed_language_rules
    from engagement.regions import sync_regions
    from engagement.roles import sync_roles

    sync_regions(apps=kwargs.get("apps"))
    sync_roles(apps=kwargs.get("apps"))
    seed_language_rules(apps=kwargs.get("apps"))


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = "Residents and engagement"

    def ready(self):
        # Keep regions, role groups and the starting language rules in place after every migrate,
        # and after a test flush (which empties every table, reference data included).
        post_migrate.connect(_sync_reference_data, sender=self, dispatch_uid="engagement.reference_data")
        # The sign-in signal that gives staff sessions their idle limit.
        from engagement import middleware, two_factor  # noqa: F401
        from engagement.imports import register_imports

        register_imports()
