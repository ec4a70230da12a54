from celery import shared_task

from config.celery import RELIABLE
from inequities.services import recompute as recompute_figures


@shared_task(bind=True, **RELIABLE)
def recompute(self):
    """Recompute the figures (a thin wrapper: the work is in inequities.services.recompute).

    Safe twice: the same message delivered again (a worker died after finishing, say) finds the
    snapshot it already wrote, by the task's id, and writes no second one.
    """
    snapshot = recompute_figures(job_id=self.request.id or "")
    return snapshot.pk if snapshot else None
