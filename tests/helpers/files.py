import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile


def upload_import(client, kind, content, name, **extra):
    """Upload a CSV file to the imports page as the signed-in user; `content` is text or bytes."""
    data = content.encode() if isinstance(content, str) else content
    return client.post(
        "/imports/", {"kind": kind, "file": SimpleUploadedFile(name, data, "text/csv"), **extra}, follow=True
    )


def csv_rows(response):
    """A CSV download's rows as lists, the header first."""
    return list(csv.reader(io.StringIO(response.content.decode())))


def csv_records(response):
    """A CSV download's rows as dicts keyed by the header."""
    return list(csv.DictReader(io.StringIO(response.content.decode())))
