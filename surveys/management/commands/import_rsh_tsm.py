from django.core.management.base import CommandError

from core.imports.command import ImportCommand
from surveys.regulator_dataset import RegulatorDatasetImport


class Command(ImportCommand):
    help = (
        "Import the Regulator of Social Housing's Tenant Satisfaction Measures dataset (the .xlsx workbook "
        "as GOV.UK publishes it, 2025 or 2024 layout): every landlord's figures, or none (see docs/data-formats.md)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.description = self.help

    def read(self, file):
        try:
            return file.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None

    def importer(self, **kwargs):
        return RegulatorDatasetImport(**kwargs)
