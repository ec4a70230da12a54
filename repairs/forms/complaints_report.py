from crispy_forms_gds.layout import Field, Fieldset
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms.govuk import date_field, helper
from repairs.models import CODE_SECTIONS, ComplaintsAnnualReport

SECTION_FIELDS = [field for field, _label in CODE_SECTIONS]


class ComplaintsReportForm(forms.ModelForm):
    """The administrator's part of the annual complaints report: the self-assessment against each
    section of the Code and the governing body's response."""

    governing_body_responded_on = date_field(_("Date of the governing body's response"))

    class Meta:
        model = ComplaintsAnnualReport
        fields = [*SECTION_FIELDS, "governing_body_response", "governing_body_responded_on"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in [*SECTION_FIELDS, "governing_body_response"]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SECTION_FIELDS:
            self.fields[name].help_text = _("How we meet this section, our evidence, and anything we do not meet yet.")
        self.fields["governing_body_response"].help_text = _(
            "The board's or committee's response to this report, as it agreed it."
        )
        self.helper = helper(
            Fieldset(
                *(Field.textarea(name) for name in SECTION_FIELDS),
                legend=_("Self-assessment against the Complaint Handling Code"),
            ),
            Fieldset(
                Field.textarea("governing_body_response"),
                Field("governing_body_responded_on"),
                legend=_("The governing body's response"),
            ),
            submit=_("Save the report"),
        )

    def clean(self):
        data = super().clean()
        responded_on = data.get("governing_body_responded_on")
        if responded_on and responded_on > timezone.localdate():
            self.add_error("governing_body_responded_on", _("The date of the response must be today or in the past"))
        if responded_on and not data.get("governing_body_response", "").strip():
            self.add_error("governing_body_response", _("Enter the governing body's response, or leave its date blank"))
        return data
