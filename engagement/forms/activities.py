"""Forms for engagement activities, anonymous headcounts, equality impact assessments and shortlists."""

from crispy_forms_gds.layout import Field, Fieldset
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms.dates import DateField
from core.forms.govuk import WholeNumberInput
from engagement.forms.panels import ArrangementsField, helper, required
from engagement.models import DIMENSIONS, ActivityKind, EngagementActivity, EqualityImpactAssessment
from engagement.selectors.equality import GROUPED_QUESTIONS


class ActivityForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("Kind of activity"),
        choices=ActivityKind.choices,
        widget=forms.RadioSelect,
        error_messages=required(_("Choose the kind of activity")),
    )
    held_on = DateField(label=_("Date"))
    access_arrangements = ArrangementsField()

    class Meta:
        model = EngagementActivity
        fields = [
            "kind",
            "title",
            "partner",
            "held_on",
            "place",
            "region",
            "access_arrangements",
            "access_notes",
            "headcount",
            "themes",
        ]
        labels = {"title": _("Name of the activity")}
        error_messages = {"title": required(_("Enter the name of the activity"))}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].empty_label = _("Every region")
        self.helper = helper(
            Field.radios("kind"),
            Field.text("title"),
            Field.text("partner"),
            Field("held_on"),
            Field.text("place"),
            Field.select("region"),
            Field.checkboxes("access_arrangements"),
            Field.textarea("access_notes", rows=2),
            Field.text("headcount", field_width=4),
            Field.textarea("themes", rows=6),
            submit=_("Save activity"),
        )


def group_field_name(dimension, code):
    return f"{dimension}__{code}"


class AnonymousCountsForm(forms.Form):
    """For each equality question, how many unnamed participants gave each answer (all optional)."""

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        existing = {(c.dimension, c.group): c.count for c in activity.anonymous_counts.all()}
        fieldsets = []
        for dimension, label in DIMENSIONS:
            names = []
            for code, group_label in GROUPED_QUESTIONS[dimension].choices:
                if code == "not_asked":
                    continue  # whoever is not counted under an answer was not asked
                name = group_field_name(dimension, code)
                self.fields[name] = forms.IntegerField(
                    label=group_label,
                    min_value=0,
                    required=False,
                    initial=existing.get((dimension, code)),
                    widget=WholeNumberInput,
                )
                names.append(Field.text(name, field_width=3))
            fieldsets.append(Fieldset(*names, legend=label))
        self.helper = helper(*fieldsets, submit=_("Save counts"))

    def counts(self):
        """{(dimension, group): count} of the numbers entered (blank and 0 left out)."""
        result = {}
        for dimension, _label in DIMENSIONS:
            for code, _group_label in GROUPED_QUESTIONS[dimension].choices:
                value = self.cleaned_data.get(group_field_name(dimension, code))
                if value:
                    result[(dimension, code)] = value
        return result

    def clean(self):
        data = super().clean()
        for dimension, label in DIMENSIONS:
            total = sum(number for (d, _g), number in self.counts().items() if d == dimension)
            if total > self.activity.headcount:
                first = next(name for name in self.fields if name.startswith(f"{dimension}__"))
                self.add_error(
                    first,
                    _("%(question)s: the answers add up to %(total)s, more than the %(headcount)s people counted")
                    % {"question": label, "total": total, "headcount": self.activity.headcount},
                )
        return data


class ParticipantSearchForm(forms.Form):
    q = forms.CharField(label=_("Find a resident who agreed to be named"), max_length=100, required=False)


class ImpactAssessmentForm(forms.ModelForm):
    assessed_on = DateField(label=_("Date of the assessment"))
    review_by = DateField(label=_("Review by"))

    class Meta:
        model = EqualityImpactAssessment
        fields = ["title", "questions", "findings", "actions", "owner", "assessed_on", "review_by"]
        error_messages = {
            "title": required(_("Enter what is being assessed")),
            "questions": required(_("Enter the questions asked")),
            "findings": required(_("Enter what was found")),
            "actions": required(_("Enter what we will do")),
            "owner": required(_("Enter who is responsible")),
        }
        labels = {"title": _("What is being assessed")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.text("title"),
            Field.textarea("questions", rows=5),
            Field.textarea("findings", rows=5),
            Field.textarea("actions", rows=5),
            Field.text("owner", field_width=20),
            Field("assessed_on"),
            Field("review_by"),
            submit=_("Save assessment"),
        )


class ShortlistForm(forms.Form):
    characteristics = forms.MultipleChoiceField(
        label=_("Balance the shortlist by"),
        choices=DIMENSIONS,
        widget=forms.CheckboxSelectMultiple,
        error_messages=required(_("Choose at least one characteristic")),
        help_text=_("Two or three work best: each combination of answers gets its own quota."),
    )
    size = forms.IntegerField(
        label=_("How many residents to invite"),
        widget=WholeNumberInput,
        min_value=1,
        max_value=200,
        error_messages={
            "required": _("Enter how many residents to invite"),
            "min_value": _("Invite at least 1 resident"),
            "max_value": _("Invite at most 200 residents at a time"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.checkboxes("characteristics"), Field.text("size", field_width=3), submit=_("Draw a shortlist")
        )

    def clean_characteristics(self):
        chosen = self.cleaned_data["characteristics"]
        if len(chosen) > 3:
            raise forms.ValidationError(_("Choose no more than 3 characteristics"))
        return chosen
