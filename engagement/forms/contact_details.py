from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.catalogue import resident_languages
from engagement import contact_details
from engagement.models import DetailSource

KINDS = (
    ("email", _("Email address")),
    ("mobile_phone", _("Mobile number")),
    ("landline_phone", _("Landline number")),
)
STAFF_SOURCES = [("", _("Choose where it came from"))] + [
    choice for choice in DetailSource.choices if choice[0] != DetailSource.RESIDENT
]
CLEANERS = {
    "email": contact_details.email_address,
    "mobile_phone": contact_details.mobile_number,
    "landline_phone": contact_details.landline_number,
}
SOURCE_FIELD = {"email": "email_source", "mobile_phone": "mobile_source", "landline_phone": "landline_source"}
CONFIRMED_FIELD = {
    "email": "email_confirmed_on",
    "mobile_phone": "mobile_confirmed_on",
    "landline_phone": "landline_confirmed_on",
}


class ContactDetailsForm(forms.Form):
    """Email, mobile and landline. Staff also say where each came from; a resident's own are theirs.

    A detail given or changed here counts as confirmed today; one left as it was keeps its date.
    """

    email = forms.CharField(label=_("Email address"), required=False, max_length=254)
    mobile_phone = forms.CharField(label=_("Mobile number"), required=False, max_length=30)
    landline_phone = forms.CharField(label=_("Landline number"), required=False, max_length=30)
    # The languages the interface is complete in (core.catalogue): a survey in one of them comes in it.
    language = forms.ChoiceField(label=_("Language for emails, texts and letters"), choices=resident_languages)

    def __init__(self, *args, about_self, details=None, **kwargs):
        self.about_self, self.details = about_self, details
        if details is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "email": details.email,
                "mobile_phone": contact_details.shown(details.mobile_phone),
                "landline_phone": contact_details.shown(details.landline_phone),
                "language": details.language,
            }
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        for name in ("mobile_phone", "landline_phone"):
            self.fields[name].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["mobile_phone"].help_text = _("For example, 07700 900 982")
        self.fields["landline_phone"].help_text = _("For example, 0113 496 0000")
        layout = []
        for name, label in KINDS:
            layout.append(Field.text(name, field_width=20 if name != "email" else 30))
            if not about_self:
                source = SOURCE_FIELD[name]
                self.fields[source] = forms.ChoiceField(
                    label=_("Where did the %(detail)s come from?") % {"detail": label.lower()},
                    choices=STAFF_SOURCES,
                    required=False,
                    initial=getattr(details, SOURCE_FIELD[name], "") if details else "",
                )
                layout.append(Field.select(source))
        layout.append(Field.select("language"))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Fieldset(
                *layout,
                legend=_("How can we reach you?") if about_self else _("Contact details"),
                legend_size=Size.MEDIUM,
            ),
            Submit("save", _("Save contact details"), data_prevent_double_click="true"),
        )

    def clean(self):
        data = super().clean()
        for name, _label in KINDS:
            if name in self.errors:
                continue
            try:
                data[name] = CLEANERS[name](data.get(name, ""))
            except forms.ValidationError as error:
                self.add_error(name, error)
                continue
            if (
                not self.about_self
                and data[name]
                and self._changed(name, data[name])
                and not data.get(SOURCE_FIELD[name])
            ):
                self.add_error(SOURCE_FIELD[name], _("Say where this came from"))
        return data

    def _changed(self, name, value):
        return self.details is None or getattr(self.details, name) != value

    def values(self):
        """The fields of ContactDetails to save, with sources and confirmation dates."""
        today = timezone.localdate()
        data = self.cleaned_data
        values = {"language": data["language"]}
        for name, _label in KINDS:
            value = data[name]
            values[name] = value
            if not value:
                values[SOURCE_FIELD[name]], values[CONFIRMED_FIELD[name]] = "", None
                continue
            source = DetailSource.RESIDENT if self.about_self else data.get(SOURCE_FIELD[name])
            changed = self._changed(name, value)
            if changed or source:
                values[SOURCE_FIELD[name]] = source or getattr(self.details, SOURCE_FIELD[name])
                values[CONFIRMED_FIELD[name]] = today
        return values
