from engagement.management.importing import ImportCommand


class Command(ImportCommand):
    kind = "residents"
