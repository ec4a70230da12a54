from core.imports.command import ImportCommand


class Command(ImportCommand):
    kind = "imd"
    help = "Set homes' IMD and crime-domain deciles from the English Indices of Deprivation file. All rows or none."
