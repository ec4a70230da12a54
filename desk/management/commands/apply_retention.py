"""Apply the retention periods: blank contact notes older than CONTACT_NOTE_RETENTION_MONTHS.

The note text goes, and with it the words the language check quoted from it; the contact itself
(when, how, by whom, about what) stays, so counts of contacts do not change. Safe to run any number
of times; run it nightly.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from desk.models import Contact, ContactCorrection, LanguageFlag


def contact_notes_past_retention(now=None):
    """Contacts whose notes are due to be blanked (none when retention is switched off)."""
    months = settings.CONTACT_NOTE_RETENTION_MONTHS
    if months <= 0:
        return Contact.objects.none()
    cutoff = (now or timezone.now()) - timedelta(days=round(months * 365.25 / 12))
    return Contact.objects.filter(occurred_at__lt=cutoff).exclude(notes="")


@transaction.atomic
def apply_contact_note_retention(now=None):
    due = contact_notes_past_retention(now)
    LanguageFlag.objects.filter(contact__in=due).update(matched_text="")
    # A correction keeps the notes as they were: those words age out with the notes.
    ContactCorrection.objects.filter(contact__in=due, field="notes").update(old_value="", new_value="")
    return due.update(notes="")


class Command(BaseCommand):
    help = "Blank contact notes older than CONTACT_NOTE_RETENTION_MONTHS (0 keeps them)."

    def handle(self, *args, **options):
        months = settings.CONTACT_NOTE_RETENTION_MONTHS
        if months <= 0:
            self.stdout.write("Contact notes: kept (CONTACT_NOTE_RETENTION_MONTHS is 0).")
            return
        blanked = apply_contact_note_retention()
        self.stdout.write(f"Contact notes: {blanked} older than {months} months blanked.")
