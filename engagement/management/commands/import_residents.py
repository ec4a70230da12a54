from core.imports.command import ImportCommand


class Command(ImportCommand):
    kind = "residents"
    help = "Add or update residents and tenancies from a CSV file (see docs/data-formats.md). All rows or none."
