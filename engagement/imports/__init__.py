"""CSV imports of homes, residents and deprivation data: checked in full, then written all at once."""

from engagement.imports.base import ImportFailed, Problem
from engagement.imports.homes import HomesImport
from engagement.imports.imd import ImdImport
from engagement.imports.residents import ResidentsImport

IMPORTS = {"homes": HomesImport, "residents": ResidentsImport, "imd": ImdImport}

__all__ = ["IMPORTS", "HomesImport", "ImdImport", "ImportFailed", "Problem", "ResidentsImport"]
