"""The demo's other landlords: the Regulator's TSM 2025 dataset, trimmed to the columns
`import_rsh_tsm` reads (docs/samples/rsh_tsm_2025_sample.xlsx, made by scripts/trim_rsh_tsm.py), so
the tenant page and the dashboards place the demo landlord among all landlords and its peers."""

from pathlib import Path

from django.conf import settings

from surveys.regulator_dataset import RegulatorDatasetImport

SAMPLE = Path(settings.BASE_DIR) / "docs" / "samples" / "rsh_tsm_2025_sample.xlsx"


def seed_published_measures(landlord):
    # The demo recomputes its figures afterwards (inequities.demo.seed_figures): no announcement.
    return RegulatorDatasetImport(announce=False).run(SAMPLE.read_bytes())
