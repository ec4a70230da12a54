from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.widgets import DateInputWidget as GdsDateInputWidget
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class DateInputWidget(GdsDateInputWidget):
    """The GOV.UK date input, without the empty `aria-describedby=""` crispy-forms-gds gives the day,
    month and year of a date with no hint and an error about the whole date (invalid HTML: the W3C
    checker found it on the contact form sent empty). The error still names the group (its fieldset)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget in context["widget"]["subwidgets"]:
            if subwidget["attrs"].get("aria-describedby") == "":
                del subwidget["attrs"]["aria-describedby"]
        return context


class DateField(DateInputField):
    """The GOV.UK date input (day, month, year) with messages that name the date being asked for."""

    widget = DateInputWidget

    def __init__(self, *, label, required=True, help_text=None, **kwargs):
        help_text = _("For example, 27 3 2025") if help_text is None else help_text
        super().__init__(label=label, required=required, help_text=help_text, **kwargs)
        what = str(label).lower()
        self.error_messages["required"] = _("Enter the %(what)s") % {"what": what}
        self.error_messages["incomplete"] = _("Enter the %(what)s in full: day, month and year") % {"what": what}
        self.what = what

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            value = date(day=int(day), month=int(month), year=int(year))
        except (ValueError, OverflowError):  # not a date, or a number too large for one
            raise ValidationError(_("The %(what)s must be a real date") % {"what": self.what}) from None
        if value.year < 1900:
            raise ValidationError(_("Enter the year of the %(what)s in full, like 2025") % {"what": self.what})
        return value


def date_choices_not_in_future(value):
    if value and value > date.today():
        raise forms.ValidationError(_("The date cannot be in the future"))
