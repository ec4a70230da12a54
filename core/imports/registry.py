"""Which imports exist: each app registers its own (in its AppConfig.ready), so this module
imports no app."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportOption:
    """Something an import needs besides the file (the survey answers go to, say)."""

    name: str  # the importer's keyword argument
    label: str
    choices: object  # () -> [(id, label)]
    resolve: object  # (id) -> the object, or None


@dataclass(frozen=True)
class ImportKindInfo:
    kind: str
    label: str
    importer: type  # a CsvImport subclass
    order: int  # the order a landlord migrates in (docs/data-formats.md)
    option: ImportOption | None = None

    def make(self, *, option_id=None, **kwargs):
        """The importer, given the chosen option's id where the import needs one."""
        if self.option is not None:
            kwargs[self.option.name] = self.option.resolve(option_id)
        return self.importer(**kwargs)


IMPORTS = {}


def register(kind, label, importer, *, order, option=None):
    IMPORTS[kind] = ImportKindInfo(kind, label, importer, order, option)


def kinds_in_order():
    return sorted(IMPORTS.values(), key=lambda info: info.order)
