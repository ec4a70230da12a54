from django.apps import AppConfig


class RepairsConfig(AppConfig):
    name = "repairs"
    verbose_name = "Repairs and complaints"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from core.imports import register
        from repairs.services.imports import RepairsImport

        register("repairs", _("Repairs"), RepairsImport, order=5)
