from django.apps import AppConfig


class RepairsConfig(AppConfig):
    name = "repairs"
    verbose_name = "Repairs and complaints"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from core.imports import register
        from repairs.services.imports import RepairsImport
        from repairs.services.landlord_imports import AsbCasesImport, ComplianceImport, DecencyImport

        register("repairs", _("Repairs"), RepairsImport, order=5)
        register("compliance", _("Building-safety checks"), ComplianceImport, order=7)
        register("decency", _("Decent Homes Standard at year end"), DecencyImport, order=8)
        register("asb_cases", _("Anti-social behaviour cases"), AsbCasesImport, order=9)
