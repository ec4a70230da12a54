from celery import shared_task

from core.imports.batches import delete_batches_past_retention
from core.jobs import RELIABLE


@shared_task(**RELIABLE)
def delete_unconfirmed_imports():
    """Nightly: delete import batches left unconfirmed for IMPORT_BATCH_RETENTION_DAYS. Safe to run
    twice (a second run finds nothing to delete). Returns how many were deleted."""
    return delete_batches_past_retention()
