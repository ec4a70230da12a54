from celery import shared_task

from config.celery import RELIABLE
from surveys import transactional


@shared_task(**RELIABLE)
def invite_after_repairs():
    """Daily: invite residents whose repair has just been completed.

    Safe twice: a resident is invited once per repair (invitations_create skips those already invited).
    """
    return transactional.invite_after_repairs()
