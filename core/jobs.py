"""How every task of ours runs, and how a page or service hands one to the broker."""

import logging

from django.db.utils import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

# How every task of ours is run (see docs/adr/0004-celery-eager-by-default.md):
# - acknowledged only when it has finished (acks_late), and handed back to the queue if the worker
#   running it dies (reject_on_worker_lost), so a killed worker's job runs again elsewhere: every
#   task must therefore be safe to run twice, and each one's docstring says why it is;
# - retried with exponential backoff (about 2, 4, 8, 16, 32 seconds, with jitter, never more than
#   5 minutes apart; five times) when the database is unavailable, as while PostgreSQL restarts.
RELIABLE = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 2,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 5,
}

# Sending a job: try the broker twice within about a second, then give up and say so.
SEND_RETRY = {"max_retries": 1, "interval_start": 0.2, "interval_step": 0.5, "interval_max": 0.5}
logger = logging.getLogger(__name__)


def send(task, *args, **kwargs):
    """Queue `task`; True when queued (or run, when tasks run in-process).

    False when the broker does not answer (Redis down): the caller tells the person the job was not
    queued, and the page they were on keeps working. Nothing is lost by this: every job we send on
    request is also run on a schedule (see CELERY_BEAT_SCHEDULE), which catches up once Redis is back.
    """
    try:
        task.apply_async(args, kwargs, retry=True, retry_policy=SEND_RETRY)
    except (BrokerError, OSError) as error:
        logger.warning("Could not queue %s: the task broker did not answer (%s).", task.name, error)
        return False
    return True
