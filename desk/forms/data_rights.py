"""The form that confirms an erasure request."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Why this resident's data is being erased"),
        help_text=_(
            "For example: the resident's request of 3 March 2025, reference DP-123. Do not copy personal details here."
        ),
        max_length=100,
        error_messages={"required": _("Enter why this resident's data is being erased")},
    )
    confirmed = forms.BooleanField(
        label=_("I have checked the request, the person's identity, and that no legal reason to keep the data applies"),
        error_messages={"required": _("Confirm you have checked the request before erasing")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.text("reason"),
            Field("confirmed"),
            Submit("erase", _("Erase this resident's data"), css_class="govuk-button--warning"),
        )
