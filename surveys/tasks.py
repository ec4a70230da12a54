from celery import shared_task

from surveys import transactional


@shared_task
def invite_after_repairs():
    """Daily: invite residents whose repair has just been completed (safe to run twice)."""
    return transactional.invite_after_repairs()
