"""The sign-in form: its messages say what to do next."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Enter a correct username and password. Both are case-sensitive. "
            "If you have forgotten them, ask your administrator to reset your password."
        ),
        "inactive": _("This account has been switched off. Ask your administrator to switch it back on."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = _("Enter your username")
        # AuthenticationForm sets max_length after the field is built, so nothing checks it: a very
        # long name went on to the lockout's records (255 characters at most) and failed there.
        longest = self.fields["username"].max_length
        self.fields["username"].validators.append(
            MaxLengthValidator(
                longest, _("A username is at most %(limit_value)d characters.") % {"limit_value": longest}
            )
        )
        self.fields["password"].error_messages["required"] = _("Enter your password")
        self.helper = FormHelper()
        self.helper.form_tag = False  # the template owns the <form> (with csrf and "next")
        self.helper.layout = Layout(
            Field.text("username", field_width=20, autocomplete="username", spellcheck="false"),
            Field.text("password", field_width=20),
            Submit("submit", _("Sign in"), data_prevent_double_click="true"),
        )
        self.helper.label_size = Size.SMALL
