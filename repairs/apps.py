from django.apps import AppConfig
from django.core import checks


@checks.register()
def awaabs_law_hazards_are_known(app_configs=None, **kwargs):
    """Every hazard named in AWAABS_LAW_HAZARDS is one the repairs record (repairs.choices.Hazard)."""
    from django.conf import settings

    from repairs.choices import Hazard

    unknown = sorted(set(settings.AWAABS_LAW_HAZARDS) - {code for code in Hazard.values if code})
    if not unknown:
        return []
    return [
        checks.Error(
            f"AWAABS_LAW_HAZARDS names hazards the repairs do not record: {', '.join(unknown)}.",
            hint=f"Use these codes: {', '.join(code for code in Hazard.values if code)}.",
            id="repairs.E001",
        )
    ]


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
