import logging

from celery import shared_task
from django.db import transaction

from inequities.services import recompute as recompute_figures

log = logging.getLogger(__name__)


@shared_task(acks_late=True)
def recompute():
    """Recompute the figures (a thin wrapper: the work is in inequities.services.recompute)."""
    snapshot = recompute_figures()
    return snapshot.pk if snapshot else None


def recompute_after_commit():
    """Ask for fresh figures once the current transaction commits (after an import, say). A broker
    that cannot be reached does not undo the import: the nightly run catches up."""
    transaction.on_commit(_send_recompute)


def _send_recompute():
    try:
        recompute.delay()
    except Exception:  # the broker is down: the data is saved, the figures wait for the next run
        log.exception("Could not ask for the figures to be recomputed after new data was imported.")
