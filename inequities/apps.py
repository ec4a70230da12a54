from django.apps import AppConfig


def _recompute_when_facts_change(sender, **kwargs):
    from inequities.tasks import recompute_after_commit

    recompute_after_commit()


class InequitiesConfig(AppConfig):
    name = "inequities"
    verbose_name = "Silences and inequities"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core.signals import facts_changed
        from engagement.models import OutreachSuggestion
        from inequities.caching import SUGGESTIONS, forget, forget_latest
        from inequities.models import Snapshot

        # An import (or any other change of facts) announces it once; the figures follow on commit.
        facts_changed.connect(_recompute_when_facts_change, dispatch_uid="inequities.recompute")
        # Dashboards answered from the cache find the latest snapshot there (inequities/caching.py).
        post_save.connect(forget_latest, sender=Snapshot, dispatch_uid="inequities.latest-saved")
        post_delete.connect(forget_latest, sender=Snapshot, dispatch_uid="inequities.latest-deleted")
        forget_suggestions = forget(SUGGESTIONS)
        post_save.connect(
            forget_suggestions, sender=OutreachSuggestion, weak=False, dispatch_uid="inequities.outreach-saved"
        )
        post_delete.connect(
            forget_suggestions, sender=OutreachSuggestion, weak=False, dispatch_uid="inequities.outreach-deleted"
        )
