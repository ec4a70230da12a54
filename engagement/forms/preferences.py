from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.languages import code_of
from engagement.models import DIGITAL_CHANNELS, Channel, Format

RANKS = (
    ("channel_1", _("First choice")),
    ("channel_2", _("Second choice")),
    ("channel_3", _("Third choice")),
)
NO_CHOICE = [("", _("No choice"))]


class CommunicationPreferenceForm(forms.Form):
    """Used by officers (about a resident) and by residents (about themselves): `about_self` words it."""

    channel_1 = forms.ChoiceField(choices=NO_CHOICE + Channel.choices, required=False)
    channel_2 = forms.ChoiceField(choices=NO_CHOICE + Channel.choices, required=False)
    channel_3 = forms.ChoiceField(choices=NO_CHOICE + Channel.choices, required=False)
    formats = forms.MultipleChoiceField(choices=Format.choices, required=False, widget=forms.CheckboxSelectMultiple)
    interpreter_language = forms.CharField(max_length=60, required=False)
    no_internet = forms.BooleanField(required=False)
    best_times = forms.CharField(max_length=200, required=False)
    representative_name = forms.CharField(max_length=120, required=False)
    representative_contact = forms.CharField(max_length=200, required=False)

    def __init__(self, *args, about_self, preference=None, **kwargs):
        if preference is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_from(preference)
        super().__init__(*args, **kwargs)
        you = about_self
        labels = {
            "formats": _("Do you need anything from us in another format?") if you else _("Formats they need"),
            "interpreter_language": _("If you need an interpreter, which language?")
            if you
            else _("Interpreter language"),
            "no_internet": _("I do not have internet access") if you else _("They do not have internet access"),
            "best_times": _("When is the best time to contact you?") if you else _("Best times to contact"),
            "representative_name": _("Someone who speaks for you (name)")
            if you
            else _("Representative or advocate (name)"),
            "representative_contact": _("How to contact them"),
        }
        for name, label in labels.items():
            self.fields[name].label = label
        for name, label in RANKS:
            self.fields[name].label = label
        self.fields["best_times"].help_text = _("For example, weekday mornings.")
        self.fields["no_internet"].help_text = (
            _("We will never contact you only by email or text message.")
            if you
            else _("Then nothing is sent to them by email or text message only.")
        )
        self.fields["representative_name"].help_text = (
            _("For example, a family member, carer or advocate we may speak to about you.")
            if you
            else _("Someone the resident has agreed we may speak to.")
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = Size.SMALL
        self.helper.legend_size = Size.MEDIUM
        self.helper.layout = Layout(
            Fieldset(
                Field.select("channel_1"),
                Field.select("channel_2"),
                Field.select("channel_3"),
                legend=_("How would you like us to contact you?") if you else _("Ways to contact, in order"),
                legend_size=Size.MEDIUM,
            ),
            Field.checkbox("no_internet"),
            Field.checkboxes("formats", legend_size=Size.MEDIUM),
            Field.text("interpreter_language", field_width=20),
            Field.text("best_times", field_width=30),
            Fieldset(
                Field.text("representative_name", field_width=30),
                Field.text("representative_contact", field_width=30),
                legend=_("Someone who speaks for you") if you else _("Representative or advocate"),
                legend_size=Size.MEDIUM,
            ),
            Submit("save", _("Save preferences"), data_prevent_double_click="true"),
        )
        self.about_self = about_self

    def clean_interpreter_language(self):
        """Stored as a code (core.languages), whatever was typed: "Polish", "polski" or "pl"."""
        text = self.cleaned_data["interpreter_language"].strip()
        if not text:
            return ""
        code = code_of(text)
        if code is None:
            raise forms.ValidationError(
                _("Enter a language we know, by its English name (like Polish) or its code (pl)")
            )
        return code

    def clean(self):
        data = super().clean()
        channels = [data.get(name) for name, _label in RANKS if data.get(name)]
        if len(set(channels)) != len(channels):
            self.add_error("channel_2", _("Choose each way of contacting only once"))
        if data.get("no_internet") and channels and all(channel in DIGITAL_CHANNELS for channel in channels):
            self.add_error(
                "channel_1",
                _("Choose at least one way that does not need the internet: phone, letter or in person"),
            )
        data["channels"] = channels
        return data

    def values(self):
        data = self.cleaned_data
        return {
            "channels": data["channels"],
            "formats": data["formats"],
            "interpreter_language": data["interpreter_language"],
            "no_internet": data["no_internet"],
            "best_times": data["best_times"],
            "representative_name": data["representative_name"],
            "representative_contact": data["representative_contact"],
        }


def initial_from(preference):
    initial = {
        "formats": preference.formats,
        "interpreter_language": preference.interpreter_language_name,
        "no_internet": preference.no_internet,
        "best_times": preference.best_times,
        "representative_name": preference.representative_name,
        "representative_contact": preference.representative_contact,
    }
    for (name, _label), channel in zip(RANKS, preference.channels, strict=False):
        initial[name] = channel
    return initial
