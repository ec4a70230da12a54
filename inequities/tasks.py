from celery import shared_task

from inequities.services import recompute as recompute_figures


@shared_task(acks_late=True)
def recompute():
    """Recompute the figures (a thin wrapper: the work is in inequities.services.recompute)."""
    snapshot = recompute_figures()
    return snapshot.pk if snapshot else None
