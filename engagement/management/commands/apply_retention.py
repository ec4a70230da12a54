"""Apply the retention periods: blank contact notes older than CONTACT_NOTE_RETENTION_MONTHS.

The note text goes; the contact itself (when, how, by whom, about what) stays, so counts of
contacts do not change. Safe to run any number of times; run it nightly.

TODO(contacts): the Contact model is being built alongside this command. Once it lands, check the
three names below against it (model label, the free-text note field, the date the contact happened)
and add the model to HELD_ABOUT_A_RESIDENT in engagement/data_rights.py.
"""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

CONTACT_MODEL = "engagement.Contact"
NOTE_FIELD = "notes"
DATE_FIELD = "happened_at"


def contact_notes_past_retention(now=None):
    """(model, queryset of contacts whose notes are due to be blanked), or (None, None)."""
    months = settings.CONTACT_NOTE_RETENTION_MONTHS
    if months <= 0:
        return None, None
    try:
        model = apps.get_model(CONTACT_MODEL)
    except LookupError:
        return None, None
    cutoff = (now or timezone.now()) - timedelta(days=round(months * 365.25 / 12))
    due = model._default_manager.filter(**{f"{DATE_FIELD}__lt": cutoff}).exclude(**{NOTE_FIELD: ""})
    return model, due


def apply_contact_note_retention(now=None):
    model, due = contact_notes_past_retention(now)
    if model is None:
        return None
    return due.update(**{NOTE_FIELD: ""})


class Command(BaseCommand):
    help = "Blank contact notes older than CONTACT_NOTE_RETENTION_MONTHS (0 keeps them)."

    def handle(self, *args, **options):
        months = settings.CONTACT_NOTE_RETENTION_MONTHS
        if months <= 0:
            self.stdout.write("Contact notes: kept (CONTACT_NOTE_RETENTION_MONTHS is 0).")
            return
        blanked = apply_contact_note_retention()
        if blanked is None:
            self.stdout.write(f"Contact notes: no {CONTACT_MODEL} model yet, nothing to do.")
        else:
            self.stdout.write(f"Contact notes: {blanked} older than {months} months blanked.")
