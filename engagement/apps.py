from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, **kwargs):
    from engagement.roles import sync_roles

    sync_roles(apps=kwargs.get("apps"))


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = "Residents and engagement"

    def ready(self):
        # Keep role groups in step with engagement/roles.py after every migrate (and test flush).
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="engagement.sync_roles")
