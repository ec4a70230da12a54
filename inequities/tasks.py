import logging

from celery import shared_task
from django.db import transaction

from core.jobs import RELIABLE
from inequities.services import recompute as recompute_figures

log = logging.getLogger(__name__)


@shared_task(bind=True, **RELIABLE)
def recompute(self):
    """Recompute the figures (a thin wrapper: the work is in inequities.services.recompute).

    Safe twice: the same message delivered again (a worker died after finishing, say) finds the
    snapshot it already wrote, by the task's id, and writes no second one.
    """
    snapshot = recompute_figures(job_id=self.request.id or "")
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
