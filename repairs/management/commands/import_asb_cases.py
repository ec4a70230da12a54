from core.imports.command import ImportCommand


class Command(ImportCommand):
    kind = "asb_cases"
    help = "Import anti-social behaviour cases (one row per case). All or nothing."
