"""Forms of the survey builder: a survey, a question of its draft version, a translation file."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Fluid, Layout, Size, Submit
from django import forms
from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.forms.govuk import WholeNumberInput
from core.validators import validate_single_line
from surveys import easy_read as easy
from surveys.choices import AskedOf, QuestionKind, SurveyKind
from surveys.models import Question, SampleMethod, SurveyApproach, WeightingCharacteristic
from surveys.routing import routing_problem

CHOICE_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)


class SurveyForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        validators=[validate_single_line],
        error_messages={"required": _("Enter a title")},
    )
    purpose = forms.CharField(
        label=_("Why you are asking"),
        help_text=_("Residents read this first: why we ask and what we do with the answers."),
        widget=forms.Textarea,
        error_messages={"required": _("Enter why you are asking")},
    )
    kind = forms.ChoiceField(
        label=_("Kind of survey"),
        help_text=_("A TSM survey starts with the Regulator's questions; an after-repair survey with ours."),
        choices=[Choice(value, label) for value, label in SurveyKind.choices],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the kind of survey")},
    )
    minutes_to_complete = forms.IntegerField(
        label=_("Minutes it takes to answer"),
        widget=WholeNumberInput,
        min_value=1,
        max_value=120,
        initial=5,
        error_messages={"required": _("Enter how many minutes it takes"), "invalid": _("Enter a whole number")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.textarea("purpose", rows=3),
            Field.radios("kind", legend_size=Size.SMALL),
            Field.text("minutes_to_complete", field_width=3, inputmode="numeric"),
            Submit("create", _("Create survey"), data_prevent_double_click="true"),
        )


def _choices_text(choices):
    return "\n".join(label for _value, label in choices)


class BuilderQuestionForm(forms.Form):
    """One question of a draft version. Routing is checked against the version's other questions."""

    code = forms.RegexField(
        label=_("Code"),
        help_text=_("A short code for exports and routing, like HEATING. Letters, digits and underscores."),
        regex=r"^[A-Za-z][A-Za-z0-9_]*$",
        max_length=30,
        error_messages={
            "required": _("Enter a code"),
            "invalid": _("Code must start with a letter and use only letters, digits and underscores"),
        },
    )
    text = forms.CharField(
        label=_("Question"), widget=forms.Textarea, error_messages={"required": _("Enter the question")}
    )
    hint = forms.CharField(label=_("Hint (optional)"), required=False, widget=forms.Textarea)
    kind = forms.ChoiceField(
        label=_("Type of answer"),
        choices=[Choice(value, label) for value, label in QuestionKind.choices],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the type of answer")},
    )
    choices = forms.CharField(
        label=_("Choices (for single and multiple choice)"),
        help_text=_("One choice a line, in the order shown."),
        required=False,
        widget=forms.Textarea,
    )
    offer_dont_know = forms.BooleanField(label=_("Offer “Don't know / not applicable”"), required=False)
    required = forms.BooleanField(label=_("An answer is needed to carry on"), required=False, initial=True)
    asked_if_code = forms.CharField(
        label=_("Ask only if question (code)"),
        help_text=_("Leave blank to ask everyone. Only an earlier question can decide this."),
        required=False,
        max_length=30,
    )
    asked_if_answer = forms.CharField(
        label=_("was answered"),
        help_text=_("The answer's code, shown beside each choice on the survey page, like yes."),
        required=False,
        max_length=60,
    )
    asked_of = forms.ChoiceField(
        label=_("Asked of"),
        choices=[Choice(value, label) for value, label in AskedOf.choices],
        widget=forms.RadioSelect,
    )
    easy_read = forms.CharField(
        label=_("Easy read (optional)"),
        help_text=_(
            "The question in short, plain sentences, one a line, of 15 words or fewer each. Residents who "
            "asked for easy read see it instead of the question, online and on paper, once every question "
            "of the survey has one."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea,
    )
    easy_read_still_fits = forms.BooleanField(
        label=_("The easy read still says what the question asks"),
        help_text=_("The question changed after its easy read was written. Check it, change it if needed, and tick."),
        required=False,
    )

    def __init__(self, *args, version, question=None, **kwargs):
        if question is not None:
            kwargs.setdefault("initial", {})
            kwargs["initial"].update(
                {
                    name: getattr(question, name)
                    for name in self.base_fields
                    if name not in ("choices", "easy_read_still_fits")
                }
                | {"choices": _choices_text(question.choices) if question.kind in CHOICE_KINDS else ""}
            )
        else:
            kwargs.setdefault("initial", {"asked_of": AskedOf.EVERYONE, "required": True})
        super().__init__(*args, **kwargs)
        self.version = version
        self.question = question
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("code", field_width=10, spellcheck="false"),
            Field.textarea("text", rows=2),
            Field.textarea("hint", rows=2),
            Field.radios("kind", legend_size=Size.SMALL),
            Field.textarea("choices", rows=5),
            Field.textarea("easy_read", rows=4),
            *([Field.checkbox("easy_read_still_fits")] if question is not None and easy.needs_check(question) else []),
            Fieldset(
                Field.checkbox("offer_dont_know"),
                Field.checkbox("required"),
                legend=_("Answers"),
                legend_size=Size.SMALL,
            ),
            Fieldset(
                Field.text("asked_if_code", field_width=10, spellcheck="false"),
                Field.text("asked_if_answer", field_width=10, spellcheck="false"),
                Field.radios("asked_of", legend_size=Size.SMALL),
                legend=_("Who is asked"),
                legend_size=Size.SMALL,
            ),
            Submit("save", _("Save question"), data_prevent_double_click="true"),
        )

    def _others(self):
        return [
            each
            for each in self.version.questions.order_by("position", "pk")
            if each.pk != getattr(self.question, "pk", None)
        ]

    def clean_code(self):
        code = self.cleaned_data["code"]
        if any(other.code == code for other in self._others()):
            raise forms.ValidationError(_("Another question already has the code %(code)s") % {"code": code})
        return code

    def clean_easy_read(self):
        wording = "\n".join(line.strip() for line in self.cleaned_data["easy_read"].splitlines() if line.strip())
        problem = easy.wording_problem(wording)
        if problem:
            raise forms.ValidationError(problem)
        return wording

    def clean_choices(self):
        lines = [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]
        kind = self.cleaned_data.get("kind")
        if kind in CHOICE_KINDS and len(lines) < 2:
            raise forms.ValidationError(_("Enter at least two choices, one a line"))
        if kind not in CHOICE_KINDS:
            return []
        values = [slugify(line).replace("-", "_")[:50] or f"choice_{n}" for n, line in enumerate(lines, start=1)]
        if len(set(values)) != len(values):
            raise forms.ValidationError(_("Two choices are the same: make each one different"))
        return [[value, label] for value, label in zip(values, lines, strict=True)]

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("code")
        if code is None:
            return cleaned
        in_order = self._in_order(code)
        problem = routing_problem(
            code=code,
            asked_if_code=cleaned.get("asked_if_code", "").strip(),
            asked_if_answer=cleaned.get("asked_if_answer", "").strip(),
            questions=in_order,
        )
        if problem:
            self.add_error("asked_if_code", problem)
        return cleaned

    def _in_order(self, code):
        """The version's questions with this one in its place (a new one last), as routing sees them."""
        questions = list(self.version.questions.order_by("position", "pk"))
        placeholder = Question(version=self.version, code=code, kind=self.cleaned_data.get("kind") or "free_text")
        if self.question is None:
            return [*questions, placeholder]
        return [placeholder if each.pk == self.question.pk else each for each in questions]

    @property
    def fields_to_save(self):
        data = self.cleaned_data
        return {
            "code": data["code"],
            "text": data["text"].strip(),
            "hint": data["hint"].strip(),
            "kind": data["kind"],
            "choices": data["choices"],
            "offer_dont_know": data["offer_dont_know"],
            "required": data["required"],
            "asked_if_code": data["asked_if_code"].strip(),
            "asked_if_answer": data["asked_if_answer"].strip(),
            "asked_of": data["asked_of"],
            "easy_read": data["easy_read"],
        }

    @property
    def easy_read_checked(self):
        return bool(self.cleaned_data.get("easy_read_still_fits"))


class TranslationUploadForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), error_messages={"required": _("Select the language")})
    po_file = forms.FileField(
        label=_("Translated PO file"),
        help_text=_("The file you downloaded here, with the translations filled in."),
        error_messages={"required": _("Choose the PO file to upload"), "empty": _("The file is empty")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [Choice(code, name) for code, name in settings.SURVEY_LANGUAGES]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.select("language"),
            Field("po_file"),
            Submit("upload", _("Upload translations"), data_prevent_double_click="true"),
        )

    def clean_po_file(self):
        upload = self.cleaned_data["po_file"]
        if upload.size > 2_000_000:
            raise forms.ValidationError(_("The file must be smaller than 2 MB"))
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file must be saved as UTF-8 text")) from error


class ApproachForm(forms.ModelForm):
    """How a TSM survey was run, published beside its results (summary of approach, items a-k):
    what only people know. Sample size, dates, channels and representativeness are counted."""

    weight_by = forms.MultipleChoiceField(
        label=_("Weight the results by (optional)"),
        help_text=_(
            "Up to five characteristics we hold for every tenant. The answers are weighted (raking) so that "
            "their shares match all our tenants' on each; the weighted results are published beside the "
            "unweighted measures. Choose none for no weighting."
        ),
        choices=WeightingCharacteristic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = SurveyApproach
        fields = [
            "sample_method",
            "run_by",
            "contractor_name",
            "weight_by",
            "weighting",
            "excluded_rented",
            "excluded_shared_ownership",
            "exclusion_reasons",
            "shortfall_reason",
            "incentives",
            "other_notes",
        ]
        labels = {
            "sample_method": _("How residents were chosen"),
            "run_by": _("Who ran the survey, and what they did"),
            "contractor_name": _("External contractor (optional)"),
            "weighting": _("Weighting, in words"),
            "excluded_rented": _("Rented households left out of the survey"),
            "excluded_shared_ownership": _("Shared ownership households left out of the survey"),
            "exclusion_reasons": _("Why they were left out (optional)"),
            "shortfall_reason": _("Why fewer answered than the Regulator requires (optional)"),
            "incentives": _("Incentives (optional)"),
            "other_notes": _("Anything else that affects the results, including comparison with last year (optional)"),
        }
        widgets = {
            "sample_method": forms.RadioSelect,
            "excluded_rented": WholeNumberInput,
            "excluded_shared_ownership": WholeNumberInput,
        }
        error_messages = {
            "run_by": {"required": _("Enter who ran the survey")},
            "weighting": {"required": _("Enter the weighting, or say there was none")},
            "excluded_rented": {"required": _("Enter the number of rented households left out, or 0")},
            "excluded_shared_ownership": {
                "required": _("Enter the number of shared ownership households left out, or 0")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sample_method"].choices = [Choice(v, label) for v, label in SampleMethod.choices]
        self.fields["weight_by"].choices = [Choice(v, label) for v, label in WeightingCharacteristic.choices]
        for name in ("excluded_rented", "excluded_shared_ownership"):
            self.fields[name].required = False  # blank: none left out
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.radios("sample_method", legend_size=Size.SMALL),
            Field.text("run_by", field_width=Fluid.TWO_THIRDS),
            Field.text("contractor_name", field_width=Fluid.TWO_THIRDS),
            Field.checkboxes("weight_by", legend_size=Size.SMALL),
            Field.textarea("weighting", rows=2),
            Field.text("excluded_rented", field_width=5),
            Field.text("excluded_shared_ownership", field_width=5),
            Field.textarea("exclusion_reasons", rows=2),
            Field.textarea("shortfall_reason", rows=2),
            Field.textarea("incentives", rows=2),
            Field.textarea("other_notes", rows=3),
            Submit("save", _("Save"), data_prevent_double_click="true"),
        )

    def clean_excluded_rented(self):
        return self.cleaned_data["excluded_rented"] or 0

    def clean_excluded_shared_ownership(self):
        return self.cleaned_data["excluded_shared_ownership"] or 0

    def clean_weight_by(self):
        chosen = self.cleaned_data["weight_by"]
        if len(chosen) > 5:
            raise forms.ValidationError(_("Choose up to five characteristics"))
        return [value for value in WeightingCharacteristic.values if value in chosen]
