from core.imports.command import ImportCommand


class Command(ImportCommand):
    kind = "repairs"
    help = "Import repairs from a housing management system's CSV export (one row per repair). All or nothing."
