"""Validators more than one app uses."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Every character Python (str.splitlines) or a mail header treats as ending a line.
LINE_BREAK = re.compile(r"[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
ONE_LINE_MESSAGE = _("Write this on one line, without line breaks: it is used as the subject of emails.")


def has_line_break(text):
    return bool(LINE_BREAK.search(text or ""))


def validate_single_line(value):
    """Text that reaches an email header (a subject, a sender's name) cannot hold a line break:
    Django refuses to send it (BadHeaderError)."""
    if has_line_break(value):
        raise ValidationError(ONE_LINE_MESSAGE, code="line_break")
