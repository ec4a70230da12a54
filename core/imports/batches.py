"""Files uploaded for import and not yet confirmed (ImportBatch.content): kept only as long as
IMPORT_BATCH_RETENTION_DAYS, and found by a person's reference for subject access and erasure
until then (issue 24, item 8). A confirmed or refused batch keeps no content already."""

import csv
import io
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from core.models import ImportBatch


def unconfirmed_batches():
    return ImportBatch.objects.filter(imported_at__isnull=True).exclude(content="")


def batches_past_retention(now=None):
    """Unconfirmed batches uploaded more than IMPORT_BATCH_RETENTION_DAYS ago."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.IMPORT_BATCH_RETENTION_DAYS)
    return ImportBatch.objects.filter(imported_at__isnull=True, uploaded_at__lt=cutoff)


def delete_batches_past_retention(now=None):
    """Delete them; returns how many. Safe to run any number of times."""
    deleted, _by_model = batches_past_retention(now).delete()
    return deleted


def rows_naming(column, value):
    """[(batch, line, {column: cell})] for every row of an unconfirmed batch whose `column` (matched
    as imports match it: any case, spaces ignored) holds `value` (any case)."""
    wanted = (value or "").strip().lower()
    if not wanted:
        return []
    found = []
    for batch in unconfirmed_batches().order_by("pk"):
        reader = csv.reader(io.StringIO(batch.content.lstrip("\ufeff"), newline=None))
        header = [name.strip().lower() for name in next(reader, [])]
        if column not in header:
            continue
        at = header.index(column)
        for cells in reader:
            if len(cells) > at and cells[at].strip().lower() == wanted:
                found.append(
                    (batch, reader.line_num, dict(zip(header, (cell.strip() for cell in cells), strict=False)))
                )
    return found


def delete_batches_naming(column, value):
    """Delete every unconfirmed batch with a row naming `value` in `column` (erasure); returns how many."""
    pks = {batch.pk for batch, _line, _row in rows_naming(column, value)}
    ImportBatch.objects.filter(pk__in=pks).delete()
    return len(pks)
