from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size, Submit
from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.forms.govuk import WholeNumberInput
from core.languages import code_of
from surveys import easy_read as easy
from surveys.choices import DONT_KNOW, STAFF_MODES, QuestionKind
from surveys.references import invitations_by_reference
from surveys.residents import KEY_KINDS, find_resident

REQUIRED_MESSAGES = {
    QuestionKind.SATISFACTION: _("Select how satisfied or dissatisfied you are"),
    QuestionKind.AGREEMENT: _("Select how much you agree or disagree"),
    QuestionKind.YES_NO: _("Select yes or no"),
    QuestionKind.SINGLE_CHOICE: _("Select an answer"),
    QuestionKind.MULTIPLE_CHOICE: _("Select at least one answer"),
    QuestionKind.FREE_TEXT: _("Enter your answer"),
    QuestionKind.NUMBER: _("Enter a number"),
}


def _choices(question, language, dont_know):
    shown = question.choices_in(language, dont_know=dont_know)
    if shown and shown[-1][0] == DONT_KNOW and len(shown) > 1:
        *options, (dk_value, dk_label) = shown
        last_value, last_label = options[-1]
        return [Choice(v, label) for v, label in options[:-1]] + [
            Choice(last_value, last_label, divider=_("or")),
            Choice(dk_value, dk_label),
        ]
    return [Choice(value, label) for value, label in shown]


def answer_field(question, language, *, required, dont_know=None, label=None, easy_read=False):
    """The form field for one question, in the respondent's language; in easy read, the question's
    easy-read sentences (one a line) in place of the question and its hint (surveys/easy_read.py)."""
    if easy_read:
        label = mark_safe("<br>".join(escape(line) for line in easy.lines(question)))  # noqa: S308 (escaped)
        hint = ""
    else:
        label = escape(label or question.text_in(language))
        hint = escape(question.hint_in(language))
    messages = {"required": REQUIRED_MESSAGES[question.kind]}
    if question.kind == QuestionKind.FREE_TEXT:
        return forms.CharField(
            label=label,
            help_text=hint,
            required=required,
            max_length=5000,
            error_messages=messages,
            widget=forms.Textarea,
        )
    if question.kind == QuestionKind.NUMBER:
        messages["invalid"] = _("Enter a whole number, like 3")
        return forms.IntegerField(
            label=label, help_text=hint, required=required, error_messages=messages, widget=WholeNumberInput
        )
    choices = _choices(question, language, dont_know)
    messages["invalid_choice"] = REQUIRED_MESSAGES[question.kind]
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            label=label,
            help_text=hint,
            choices=choices,
            required=required,
            widget=forms.CheckboxSelectMultiple,
            error_messages=messages,
        )
    return forms.ChoiceField(
        label=label,
        help_text=hint,
        choices=choices,
        required=required,
        widget=forms.RadioSelect,
        error_messages=messages,
    )


def stored_value(question, cleaned):
    if cleaned in (None, "", []):
        return ""
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return ";".join(cleaned)
    return str(cleaned).strip()


def initial_value(question, stored):
    if stored is None:
        return None
    return stored.split(";") if question.kind == QuestionKind.MULTIPLE_CHOICE else stored


def layout_field(question, name, *, heading):
    size = Size.LARGE if heading else Size.SMALL
    tag = "h1" if heading else None
    if question.kind == QuestionKind.FREE_TEXT:
        return Field.textarea(name, label_size=size, label_tag=tag, rows=5)
    if question.kind == QuestionKind.NUMBER:
        return Field.text(name, label_size=size, label_tag=tag, field_width=4, inputmode="numeric")
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return Field.checkboxes(name, legend_size=size, legend_tag=tag)
    return Field.radios(name, legend_size=size, legend_tag=tag)


class QuestionForm(forms.Form):
    """One question on its own page, as the GOV.UK question pages pattern has it."""

    def __init__(self, *args, question, language, initial_answer=None, easy_read=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["answer"] = answer_field(question, language, required=question.required, easy_read=easy_read)
        self.fields["answer"].initial = initial_value(question, initial_answer)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            layout_field(question, "answer", heading=True),
            Submit("continue", _("Continue"), data_prevent_double_click="true"),
        )

    @property
    def value(self):
        return stored_value(self.question, self.cleaned_data["answer"])


class CodeForm(forms.Form):
    """The code we emailed to a resident so they can see their sent answers again."""

    WRONG = _("That code is not right. Check the email and type the 6 numbers again")
    NONE_WAITING = _("That code no longer works. Ask for a new code")

    code = forms.RegexField(
        label=_("Code"),
        regex=r"^\s*\d{3}\s*\d{3}\s*$",
        error_messages={"required": _("Enter the code"), "invalid": _("Enter the 6 numbers of the code")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("code", field_width=5, autocomplete="one-time-code", inputmode="numeric", spellcheck="false"),
            Submit("check", _("Continue"), data_prevent_double_click="true"),
        )


class ShortCodeForm(forms.Form):
    """The short code on a resident's letter (surveys/short_codes.py), typed from paper."""

    WRONG = _("That code is not right. Check the code on your letter and type it again")

    code = forms.CharField(
        label=_("Your code"),
        help_text=_(
            "It is on your letter, beside the square code, like 0023T-K7Q4M. Capital or small letters both work."
        ),
        max_length=40,
        error_messages={"required": _("Enter the code from your letter")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("code", field_width=10, autocomplete="off", spellcheck="false", autocapitalize="characters"),
            Submit("open", _("Continue"), data_prevent_double_click="true"),
        )


class StaffEntryForm(forms.Form):
    """A returned paper form, a phone interview or a visit, keyed in by staff in one go."""

    key = forms.UUIDField(widget=forms.HiddenInput)
    key_kind = forms.ChoiceField(
        label=_("What did the resident or the form give to identify them?"),
        choices=[
            Choice(
                "questionnaire_reference",
                _("Questionnaire reference"),
                hint=_("Printed on the paper form after “Reference”, like S3-2170-9"),
            ),
            Choice("resident_reference", _("Resident reference"), hint=_("Our own reference for the person")),
            Choice("resident_number", _("Resident number"), hint=_("The number this service gives a resident")),
            Choice("property_reference", _("Property reference"), hint=_("The home: we find its lead tenant")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what identifies the resident")},
    )
    resident_key = forms.CharField(
        label=_("The reference or number"),
        help_text=_("A property reference means the lead tenant of the home's current household."),
        max_length=30,
        error_messages={
            "required": _(
                "Enter the questionnaire reference, the resident reference, the resident number or the property reference"
            )
        },
    )
    mode = forms.ChoiceField(
        label=_("How was the survey answered?"),
        choices=[Choice(value, label) for value, label in STAFF_MODES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the survey was answered")},
    )
    language = forms.CharField(
        label=_("Language the survey was answered in"),
        help_text=_("For an interpreted call, the interpreter's language. Its name in English, or its code."),
        initial="English",
        max_length=60,
        error_messages={"required": _("Enter the language the survey was answered in")},
    )
    received_on = forms.DateField(
        label=_("Date the answers were given"),
        help_text=_("For example, 27/3/2026"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d %m %Y"],
        error_messages={
            "required": _("Enter the date the answers were given"),
            "invalid": _("Date the answers were given must be a real date, like 27/3/2026"),
        },
    )

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = version.survey
        self.questions = list(version.questions.all())
        answer_fields = []
        for question in self.questions:
            name = f"q_{question.code}"
            # Staff can record a "don't know" the resident said unprompted, even where it is not offered.
            field = answer_field(
                question, "en", required=False, dont_know=True, label=f"{question.code}. {question.text_in('en')}"
            )
            if question.has_choices and not question.offer_dont_know:
                field.choices = [*field.choices[:-1], Choice(DONT_KNOW, _("Don't know (said without being offered)"))]
            self.fields[name] = field
            answer_fields.append(layout_field(question, name, heading=False))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "key",
            Fieldset(
                Field.radios("key_kind", legend_size=Size.SMALL),
                Field.text("resident_key", field_width=10, spellcheck="false"),
                Field.radios("mode", legend_size=Size.SMALL),
                Field.text("language", field_width=20),
                Field.text("received_on", field_width=10),
                legend=_("Who answered, and how"),
                legend_size=Size.MEDIUM,
            ),
            HTML.heading("h2", "m", _("Answers")),
            HTML.p(_("Leave a question blank when it was not answered. Questions the routing skips are not stored.")),
            *answer_fields,
            Submit("save", _("Continue"), data_prevent_double_click="true"),
        )

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        problem = self.survey.answer_date_problem(day)
        if problem:
            raise forms.ValidationError(problem)
        return day

    def clean_language(self):
        code = code_of(self.cleaned_data["language"])
        if code is None:
            raise forms.ValidationError(
                _("Enter a language we know, by its English name (like Polish) or its code (pl)")
            )
        return code

    def clean(self):
        data = super().clean()
        kind, key = data.get("key_kind"), data.get("resident_key")
        data["repair_reference"] = ""
        if kind == "questionnaire_reference" and key:
            invitation = invitations_by_reference(self.survey, [key]).get(key)
            if invitation is None:
                self.add_error(
                    "resident_key",
                    _("No invitation to this survey has that questionnaire reference. Check it against the form"),
                )
            else:
                data["resident"], data["repair_reference"] = invitation.resident, invitation.repair_reference
        elif kind and key:
            data["resident"] = find_resident(kind, key)
            if data["resident"] is None:
                self.add_error("resident_key", _("No current resident has that %(kind)s") % {"kind": KEY_KINDS[kind]})
        if not any(stored_value(q, data.get(f"q_{q.code}")) for q in self.questions):
            raise forms.ValidationError(_("Enter at least one answer"))
        return data

    def answers(self):
        return {q.code: stored_value(q, self.cleaned_data.get(f"q_{q.code}")) for q in self.questions}


class InviteForm(forms.Form):
    who = forms.ChoiceField(
        label=_("Who should we invite?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who to invite")},
    )
    sample_size = forms.IntegerField(
        label=_("How many households to sample"),
        widget=WholeNumberInput,
        required=False,
        min_value=1,
        error_messages={"min_value": _("Sample at least 1 household"), "invalid": _("Enter a whole number, like 500")},
    )
    days = forms.IntegerField(
        label=_("Repairs completed in the last how many days"),
        widget=WholeNumberInput,
        required=False,
        min_value=1,
        max_value=90,
        initial=7,
        error_messages={
            "min_value": _("Enter a number of days from 1 to 90"),
            "max_value": _("Enter a number of days from 1 to 90"),
            "invalid": _("Enter a whole number of days, like 7"),
        },
    )

    def __init__(self, *args, transactional=False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            Choice("all", _("Every current household (the lead tenant)")),
            Choice(
                "sample", _("A sample, stratified by region, tenure and age"), hint=_("Give the sample size below.")
            ),
        ]
        if transactional:
            choices.append(
                Choice(
                    "repairs",
                    _("Residents whose repair was completed recently"),
                    hint=_("Give the number of days below."),
                )
            )
        self.fields["who"].choices = choices
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.radios("who", legend_size=Size.MEDIUM),
            Field.text("sample_size", field_width=5, inputmode="numeric"),
            Field.text("days", field_width=3, inputmode="numeric"),
            Submit("invite", _("Create invitations"), data_prevent_double_click="true"),
        )

    def clean(self):
        data = super().clean()
        if data.get("who") == "sample" and not data.get("sample_size"):
            self.add_error("sample_size", _("Enter how many households to sample"))
        if data.get("who") == "repairs" and not data.get("days"):
            self.add_error("days", _("Enter the number of days"))
        return data


class InviteResidentForm(forms.Form):
    """An officer or contact-centre agent invites the resident they are with to one open survey."""

    survey = forms.ModelChoiceField(
        label=_("Which survey?"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a survey")},
    )

    def __init__(self, *args, surveys, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survey"].queryset = surveys
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page holds the form: no form inside another
        self.helper.layout = Layout(
            Field.radios("survey", legend_size=Size.MEDIUM),
            Submit("invite", _("Invite them"), data_prevent_double_click="true"),
        )
