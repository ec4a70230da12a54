from core.imports.command import ImportCommand


class Command(ImportCommand):
    kind = "compliance"
    help = "Import building-safety checks (one row per home or block and check type). All or nothing."
