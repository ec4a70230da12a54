from core.imports.command import ImportCommand


class Command(ImportCommand):
    kind = "decency"
    help = "Import whether each home fails the Decent Homes Standard at a year end. All or nothing."
