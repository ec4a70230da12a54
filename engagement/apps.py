from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_reference_data(sender, **kwargs):
    from engagement.regions import sync_regions

    sync_regions(apps=kwargs.get("apps"))


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = "Residents and engagement"

    def ready(self):
        # Keep the regions in place after every migrate,
        # and after a test flush (which empties every table, reference data included).
        post_migrate.connect(_sync_reference_data, sender=self, dispatch_uid="engagement.reference_data")
        from engagement.imports import register_imports

        register_imports()
