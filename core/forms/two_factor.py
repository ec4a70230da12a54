"""The six-digit code from an authenticator app."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6 numbers the app shows now, for example 123456."),
        max_length=10,
        error_messages={"required": _("Enter the 6-digit code from your authenticator app")},
    )

    def __init__(self, *args, device=None, submit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.text("code", field_width=5, autocomplete="one-time-code", inputmode="numeric", spellcheck="false"),
            Submit("submit", submit or _("Continue"), data_prevent_double_click="true"),
        )

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Enter the code as 6 numbers, for example 123456"))
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(_("Too many wrong codes. Wait a minute, then enter the newest code."))
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                _("That code is not right. Enter the newest code the app shows; codes change every 30 seconds.")
            )
        return code
