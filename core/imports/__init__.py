"""One import framework: every import reads a file, reports problems and is confirmed the same way.

An app declares an import as a `CsvImport` subclass and registers it (in its `AppConfig.ready`)
with `register`; the commands and the browser flow find it in `IMPORTS` by its kind.
"""

from core.imports.reading import Checked, CsvImport, ImportFailed, Problem
from core.imports.registry import IMPORTS, ImportKindInfo, ImportOption, kinds_in_order, register

__all__ = [
    "IMPORTS",
    "Checked",
    "CsvImport",
    "ImportFailed",
    "ImportKindInfo",
    "ImportOption",
    "Problem",
    "kinds_in_order",
    "register",
]
