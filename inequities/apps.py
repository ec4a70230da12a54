from django.apps import AppConfig


def _recompute_when_facts_change(sender, **kwargs):
    from inequities.tasks import recompute_after_commit

    recompute_after_commit()


class InequitiesConfig(AppConfig):
    name = "inequities"
    verbose_name = "Silences and inequities"

    def ready(self):
        from core.signals import facts_changed

        # An import (or any other change of facts) announces it once; the figures follow on commit.
        facts_changed.connect(_recompute_when_facts_change, dispatch_uid="inequities.recompute")
