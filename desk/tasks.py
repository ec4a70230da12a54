from celery import shared_task

from desk.management.commands.apply_retention import apply_contact_note_retention


@shared_task
def apply_retention():
    """Nightly: blank contact notes past CONTACT_NOTE_RETENTION_MONTHS (safe to run twice).
    Returns how many were blanked, or None while there is no Contact model."""
    return apply_contact_note_retention()
