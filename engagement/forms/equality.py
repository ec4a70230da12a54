from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms.dates import DateField, date_choices_not_in_future
from core.languages import code_of, name_of
from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY, QUESTIONS, ConsentMethod
from engagement.models import EqualityProfile

RADIO_QUESTIONS = ("disability", "sex", "gender_identity", "sexual_orientation", "interpreter_needed")
SELECT_QUESTIONS = ("ethnicity", "religion")

LABELS = {
    "ethnicity": _("What is their ethnic group?"),
    "disability": _("Do they have a disability or a long-term physical or mental health condition?"),
    "sex": _("What is their sex?"),
    "gender_identity": _("Is the gender they identify with the same as their sex registered at birth?"),
    "sexual_orientation": _("Which of these best describes their sexual orientation?"),
    "religion": _("What is their religion or belief?"),
    "interpreter_needed": _("Do they need an interpreter?"),
}
HINTS = {
    "disability": _(
        "The Equality Act counts a condition that has a substantial and long-term effect on day-to-day "
        "activities: lasting, or expected to last, 12 months or more."
    ),
}


def main_language_code(text):
    """A main language as stored: its code (core.languages), "prefer_not_to_say" or blank."""
    text = text.strip()
    if not text:
        return ""
    if text.lower() in ("prefer not to say", PREFER_NOT_TO_SAY):
        return PREFER_NOT_TO_SAY
    code = code_of(text)
    if code is None:
        raise forms.ValidationError(_("Enter a language we know, by its English name (like Polish) or its code (pl)"))
    return code


def main_language_shown(code):
    """What the form's text box shows for a stored main language: its name, not its code."""
    if code == PREFER_NOT_TO_SAY:
        return _("Prefer not to say")
    return name_of(code) if code else ""


class EqualityProfileForm(forms.ModelForm):
    date_of_birth = DateField(label=_("Date of birth"), required=False, validators=[date_choices_not_in_future])
    consent_method = forms.ChoiceField(
        label=_("How was the purpose of these questions explained?"),
        choices=ConsentMethod.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    consent_given_on = DateField(
        label=_("Date they agreed"),
        required=False,
        validators=[date_choices_not_in_future],
        help_text=_("Leave blank for today."),
    )

    class Meta:
        model = EqualityProfile
        fields = [*QUESTIONS, "main_language", "age_declined"]
        widgets = {name: forms.RadioSelect for name in RADIO_QUESTIONS}
        labels = {**LABELS, "main_language": _("What is their main language?")}
        help_texts = {**HINTS, "main_language": _("Leave blank if not asked yet.")}

    def clean_main_language(self):
        return main_language_code(self.cleaned_data["main_language"])

    def __init__(self, *args, resident, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_of_birth"].initial = resident.date_of_birth
        if self.instance.pk and self.instance.main_language:
            self.initial["main_language"] = main_language_shown(self.instance.main_language)
        if self.instance.pk and self.instance.consent_method:
            self.fields["consent_method"].initial = self.instance.consent_method
            self.fields["consent_given_on"].initial = self.instance.consent_given_on
        for name in QUESTIONS:
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = _("Choose an answer, or “Not asked yet”")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = Size.SMALL
        self.helper.legend_size = Size.SMALL
        self.helper.layout = Layout(
            Fieldset(
                Field.radios("consent_method", legend_size=Size.MEDIUM),
                Field("consent_given_on"),
                legend=_("Consent"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.select("ethnicity"),
                Field.radios("disability"),
                Field.radios("sex"),
                Field.radios("gender_identity"),
                Field.radios("sexual_orientation"),
                Field.select("religion"),
                legend=_("Their answers"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field("date_of_birth"),
                Field.checkbox("age_declined"),
                legend=_("Age"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("main_language", field_width=20),
                Field.radios("interpreter_needed"),
                legend=_("Language"),
                legend_size=Size.MEDIUM,
            ),
            HTML(""),
            Submit("save", _("Save equality information"), data_prevent_double_click="true"),
        )

    def answers(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def clean(self):
        data = super().clean()
        if data.get("date_of_birth") and data.get("age_declined"):
            self.add_error("age_declined", _("Either give a date of birth or say they prefer not to give it, not both"))
        answered = any(data.get(name, NOT_ASKED) != NOT_ASKED for name in QUESTIONS)
        answered = answered or data.get("main_language") or data.get("date_of_birth") or data.get("age_declined")
        if answered and not data.get("consent_method"):
            self.add_error(
                "consent_method",
                _("Choose how the purpose of these questions was explained: answers are kept only with consent"),
            )
        return data


# The same questions, asked of the resident themselves from their account.
OWN_LABELS = {
    "ethnicity": _("What is your ethnic group?"),
    "disability": _("Do you have a disability or a long-term physical or mental health condition?"),
    "sex": _("What is your sex?"),
    "gender_identity": _("Is the gender you identify with the same as your sex registered at birth?"),
    "sexual_orientation": _("Which of these best describes your sexual orientation?"),
    "religion": _("What is your religion or belief?"),
    "interpreter_needed": _("Do you need an interpreter?"),
}


class OwnEqualityForm(forms.Form):
    """A resident's own answers. Every question has "Prefer not to say"; "Not asked yet" is not an
    answer a resident gives. Saving needs their agreement, after the same explanation staff read out."""

    main_language = forms.CharField(label=_("What is your main language?"), required=False, max_length=60)
    date_of_birth = DateField(label=_("What is your date of birth?"), required=False,
                              validators=[date_choices_not_in_future])  # fmt: skip
    age_declined = forms.BooleanField(label=_("I prefer not to give my date of birth"), required=False)
    consent = forms.BooleanField(
        label=_("I have read why you ask, and I agree to you keeping my answers"),
        error_messages={"required": _("Tick to agree to us keeping your answers, or leave this page")},
    )

    def __init__(self, *args, resident, profile, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in QUESTIONS.items():
            self.fields[name] = forms.ChoiceField(
                label=OWN_LABELS[name],
                choices=[(value, label) for value, label in choices.choices if value != NOT_ASKED],
                widget=forms.Select if name in SELECT_QUESTIONS else forms.RadioSelect,
                help_text=_("You can choose “Prefer not to say”."),
                error_messages={"required": _("Choose an answer, or “Prefer not to say”")},
            )
            if name in SELECT_QUESTIONS:
                self.fields[name].choices = [("", _("Choose an answer")), *self.fields[name].choices]
            current = getattr(profile, name, NOT_ASKED) if profile else NOT_ASKED
            if current != NOT_ASKED:
                self.fields[name].initial = current
        if profile:
            self.fields["main_language"].initial = main_language_shown(profile.main_language)
            self.fields["age_declined"].initial = profile.age_declined
        self.fields["date_of_birth"].initial = resident.date_of_birth
        self.resident = resident
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = Size.SMALL
        self.helper.legend_size = Size.SMALL
        questions = [Field.select(n) if n in SELECT_QUESTIONS else Field.radios(n) for n in QUESTIONS]
        self.helper.layout = Layout(
            *questions,
            Field.text("main_language", field_width=20),
            Fieldset(
                Field("date_of_birth"), Field.checkbox("age_declined"), legend=_("Your age"), legend_size=Size.MEDIUM
            ),
            Field.checkbox("consent"),
            Submit("save", _("Save my answers"), data_prevent_double_click="true"),
        )

    def clean_main_language(self):
        return main_language_code(self.cleaned_data["main_language"])

    def clean(self):
        data = super().clean()
        if data.get("date_of_birth") and data.get("age_declined"):
            self.add_error("age_declined", _("Either give your date of birth or say you prefer not to, not both"))
        return data

    def answers(self):
        data = self.cleaned_data
        return {**{name: data[name] for name in QUESTIONS}, "main_language": data["main_language"],
                "age_declined": data["age_declined"]}  # fmt: skip

    def birth_date(self):
        """Blank keeps the date we hold (unless they now prefer not to give it)."""
        if self.cleaned_data["age_declined"]:
            return None
        return self.cleaned_data.get("date_of_birth") or self.resident.date_of_birth
