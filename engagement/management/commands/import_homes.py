from core.imports.command import ImportCommand


class Command(ImportCommand):
    kind = "homes"
    help = "Add or update homes from a CSV file (see docs/data-formats.md). All rows or none."
