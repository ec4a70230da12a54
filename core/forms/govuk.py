"""The GOV.UK form kit: the one form helper, time fields and the date input every form uses."""

import re
from datetime import time

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import moment as moment  # the rule for a date without a time
from core.forms.dates import DateField

TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


class WholeNumberInput(forms.TextInput):
    """A whole number, as GOV.UK asks for one: a text input with a numeric keypad, not
    `<input type="number">` (hard to use with assistive technology, and a value sent back that is
    no number, such as "3 rooms", is invalid HTML in it: the W3C checker found that on two forms)."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "spellcheck": "false", **(attrs or {})})


def helper(*fields, submit, method="post"):
    """The GOV.UK form layout every form uses; the page template writes the <form> tag itself."""
    form_helper = FormHelper()
    form_helper.form_tag = False
    form_helper.form_method = method
    form_helper.label_size = Size.SMALL
    form_helper.legend_size = Size.SMALL
    form_helper.layout = Layout(*fields, Submit("submit", submit, data_prevent_double_click="true"))
    return form_helper


def date_field(label, required=False, help_text=""):
    # The same GOV.UK date input as the rest of the service: its messages name the date, and a
    # day, month or year too large to be a date is a message, not a server error.
    return DateField(label=label, required=required, help_text=help_text or None)


def time_field(label):
    return forms.CharField(
        label=label,
        required=False,
        max_length=5,
        help_text=_("24-hour clock, for example 14:30. Leave blank for midday."),
    )


def clean_time(text, label):
    if not text:
        return None
    match = TIME_PATTERN.match(text.strip())
    if not match:
        raise forms.ValidationError(_("Enter the %(what)s as hours and minutes, like 14:30") % {"what": label})
    return time(int(match.group(1)), int(match.group(2)))


def local_parts(value):
    """(date, "HH:MM") of an aware datetime, for a form's initial values."""
    if value is None:
        return None, ""
    local = timezone.localtime(value)
    return local.date(), local.strftime("%H:%M")
