from django.db import IntegrityError, transaction

from core.concurrency import save_form_unless_changed
from repairs.models import ComplaintsAnnualReport

# A revision no record ever has: the page was opened before the year's record existed.
BEFORE_IT_EXISTED = -1


def complaints_report_record(*, form, read_at, by):
    """Save the self-assessment and the governing body's response for the form's year, unless
    someone else saved them since the page was opened (core.concurrency: StaleEdit). The first save
    of a year creates its record; if someone else created it since this page was opened, that is a
    stale edit like any other, showing what they saved."""
    report = form.instance
    report.updated_by = by
    if report.pk is None:
        try:
            with transaction.atomic():
                return form.save()
        except IntegrityError:  # the year's record was created since the page was opened
            existing = ComplaintsAnnualReport.objects.get(year=report.year)
            report.pk, report._state.adding = existing.pk, False
            read_at = BEFORE_IT_EXISTED
    return save_form_unless_changed(form, read_at)
