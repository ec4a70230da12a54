from django.apps import AppConfig


class RepairsConfig(AppConfig):
    name = "repairs"
    verbose_name = "Repairs and complaints"

    def ready(self):
        # The survey after a repair asks about repairs completed recently (surveys/transactional.py).
        from repairs.selectors import completed_repairs_since
        from surveys.transactional import register_completed_repairs

        register_completed_repairs(completed_repairs_since)
