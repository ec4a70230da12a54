"""CSV imports of homes, residents, deprivation data and equality answers (the core import framework)."""

from engagement.imports.equality import EqualityImport
from engagement.imports.homes import HomesImport
from engagement.imports.imd import ImdImport
from engagement.imports.residents import ResidentsImport

__all__ = ["EqualityImport", "HomesImport", "ImdImport", "ResidentsImport"]


def register_imports():
    from django.utils.translation import gettext_lazy as _

    from core.imports import register

    register("homes", _("Homes"), HomesImport, order=1)
    register("residents", _("Residents and tenancies"), ResidentsImport, order=2)
    register("imd", _("English Indices of Deprivation"), ImdImport, order=3)
    register("equality", _("Equality answers"), EqualityImport, order=4)
