from core.imports.command import ImportCommand


class Command(ImportCommand):
    kind = "equality"
    help = "Load residents' equality answers (keyed by resident_reference) from a CSV file. All rows or none."
