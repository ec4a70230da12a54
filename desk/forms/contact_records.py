"""Forms for a contact after it was logged: correcting its words, changing a follow-up, and patches."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms.dates import DateField
from core.forms.govuk import helper
from core.roles import HOUSING_OFFICER
from desk.forms.contacts import staff


class ContactCorrectionForm(forms.Form):
    purpose = forms.CharField(label=_("What was the contact about?"), max_length=200)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    reason = forms.CharField(
        label=_("Why are you correcting it?"),
        max_length=300,
        help_text=_("The original words are kept with your name and the time."),
        error_messages={"required": _("Enter why you are correcting the contact")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper("purpose", "notes", "reason", submit=_("Save the correction"))

    def changes(self):
        return {"purpose": self.cleaned_data["purpose"], "notes": self.cleaned_data["notes"]}


class FollowUpForm(forms.Form):
    action = forms.CharField(label=_("What needs doing"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Who will do it"), queryset=None)
    due_on = DateField(label=_("Due by"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff()
        self.helper = helper("action", "owner", "due_on", submit=_("Save the follow-up"))


class PatchAssignForm(forms.Form):
    officer = forms.ModelChoiceField(
        label=_("Housing officer"), queryset=None, error_messages={"required": _("Select the housing officer")}
    )
    property_references = forms.CharField(
        label=_("Property references"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One or more, separated by commas, spaces or new lines."),
    )
    postcode_area = forms.CharField(
        label=_("Or a postcode area"),
        required=False,
        max_length=8,
        help_text=_("For example, LS9 for the whole district or LS9 8 for one sector."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = staff().filter(groups__name=HOUSING_OFFICER.name)
        self.helper = helper("officer", "property_references", "postcode_area", submit=_("Assign the homes"))

    def references(self):
        return [ref.strip() for ref in self.cleaned_data.get("property_references", "").replace(",", " ").split()]

    def clean(self):
        data = super().clean()
        area = data.get("postcode_area", "").strip()
        if self.references() and area:
            self.add_error("postcode_area", _("Enter property references or a postcode area, not both"))
        elif not self.references() and not area:
            self.add_error("property_references", _("Enter property references or a postcode area"))
        return data


class AsbCaseForm(forms.Form):
    """Open an anti-social behaviour case from a logged contact."""

    involves_hate_incident = forms.TypedChoiceField(
        label=_("Does it involve a hate incident?"),
        help_text=_(
            "A hate incident is anything the victim or anyone else thinks was motivated by hostility or "
            "prejudice because of disability, race, religion, sexual orientation or transgender identity."
        ),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if the case involves a hate incident")},
    )
    opened_on = DateField(label=_("Date the case was opened"), help_text=_("For example, 27 3 2026"))
    summary = forms.CharField(
        label=_("What was reported"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter what was reported")},
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper("involves_hate_incident", "opened_on", "summary", submit=_("Open the case"))
