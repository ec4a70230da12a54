from crispy_forms_gds.layout import Field
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms.govuk import date_field, helper
from repairs.models import (
    EXTENSION_LIMIT_WORKING_DAYS,
    ComplaintCategory,
    ComplaintStage,
    DiscriminationAllegation,
    Finding,
    RepairRequest,
)


class ComplaintRaiseForm(forms.Form):
    resident = forms.ModelChoiceField(
        label=_("Who is complaining"), queryset=None, widget=forms.RadioSelect, empty_label=None,
        error_messages={"required": _("Select the resident who is complaining")},
    )  # fmt: skip
    received_on = date_field(_("Date received"), required=True)
    categories = forms.MultipleChoiceField(
        label=_("What is it about?"),
        choices=ComplaintCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Select all that apply. An allegation of discrimination is recorded and answered in its own right."
        ),
        error_messages={"required": _("Select what the complaint is about")},
    )
    summary = forms.CharField(
        label=_("What is the resident unhappy about?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        error_messages={"required": _("Describe what the resident is unhappy about")},
    )
    repairs = forms.ModelMultipleChoiceField(
        label=_("Repairs it is about"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resident"].queryset = household.residents.all()
        self.fields["repairs"].queryset = RepairRequest.objects.filter(household=household).order_by("-reported_at")[
            :20
        ]
        self.fields["repairs"].label_from_instance = lambda repair: (
            f"{repair.reference}: {repair.get_category_display()}, {timezone.localdate(repair.reported_at):%d %B %Y}"
        )
        self.helper = helper(
            Field.radios("resident"),
            Field("received_on"),
            Field.checkboxes("categories"),
            Field.textarea("summary"),
            Field.checkboxes("repairs", small=True),
            submit=_("Log the complaint"),
        )

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("The date received must be today or in the past"))
        return received_on


class ComplaintStageForm(forms.ModelForm):
    acknowledged_on = date_field(_("Date acknowledged"))
    responded_on = date_field(_("Date the decision was sent"))

    class Meta:
        model = ComplaintStage
        fields = ["acknowledged_on", "extension_working_days", "extension_reason", "responded_on", "outcome", "remedy"]
        widgets = {
            "outcome": forms.RadioSelect,
            "extension_reason": forms.Textarea(attrs={"rows": 3}),
            "remedy": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"extension_working_days": _("Extension, in working days")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = EXTENSION_LIMIT_WORKING_DAYS[self.instance.number]
        self.fields["extension_working_days"].help_text = _(
            "Up to %(limit)s working days at stage %(number)s, under the Complaint Handling Code."
        ) % {"limit": limit, "number": self.instance.number}
        self.helper = helper(
            Field("acknowledged_on"),
            Field.text("extension_working_days", field_width=3),
            Field.textarea("extension_reason"),
            Field("responded_on"),
            Field.radios("outcome"),
            Field.textarea("remedy"),
            submit=_("Save the stage"),
        )

    def clean(self):
        data = super().clean()
        stage = self.instance
        acknowledged, responded = data.get("acknowledged_on"), data.get("responded_on")
        limit = EXTENSION_LIMIT_WORKING_DAYS[stage.number]
        if (data.get("extension_working_days") or 0) > limit:
            self.add_error(
                "extension_working_days",
                _("The extension at stage %(number)s can be at most %(limit)s working days")
                % {"number": stage.number, "limit": limit},
            )
        if data.get("extension_working_days") and not data.get("extension_reason", "").strip():
            self.add_error(
                "extension_reason", _("Give the reason for the extension, as you explained it to the resident")
            )
        if acknowledged and acknowledged < stage.received_on:
            self.add_error("acknowledged_on", _("The acknowledgement cannot be before the complaint was received"))
        if responded and not acknowledged:
            self.add_error("acknowledged_on", _("Enter the date acknowledged before the decision date"))
        if responded and acknowledged and responded < acknowledged:
            self.add_error("responded_on", _("The decision cannot be sent before the acknowledgement"))
        if responded and not data.get("outcome"):
            self.add_error("outcome", _("Select the outcome of the decision"))
        return data


class ComplaintEscalateForm(forms.Form):
    received_on = date_field(_("Date the resident asked to escalate"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field("received_on"), submit=_("Escalate to stage 2"))


class ComplaintCloseForm(forms.Form):
    closed_on = date_field(_("Date closed"), required=True)
    lesson_learnt = forms.CharField(
        label=_("What we have learnt"),
        help_text=_("What will change so this does not happen to someone else."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field("closed_on"), Field.textarea("lesson_learnt"), submit=_("Close the complaint"))


class AllegationForm(forms.ModelForm):
    acknowledged_on = date_field(_("Date the allegation was acknowledged"))
    investigated_on = date_field(_("Date the investigation finished"))

    class Meta:
        model = DiscriminationAllegation
        fields = ["acknowledged_on", "investigated_on", "finding", "finding_detail"]
        widgets = {"finding": forms.RadioSelect, "finding_detail": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["finding"].choices = Finding.choices
        self.fields["finding"].required = False
        self.helper = helper(
            Field("acknowledged_on"),
            Field("investigated_on"),
            Field.radios("finding"),
            Field.textarea("finding_detail"),
            submit=_("Save the allegation"),
        )

    def clean(self):
        data = super().clean()
        if data.get("finding") and not data.get("investigated_on"):
            self.add_error("investigated_on", _("Enter the date the investigation finished before recording a finding"))
        if data.get("finding") and not data.get("finding_detail", "").strip():
            self.add_error("finding_detail", _("Say what the investigation found"))
        return data


class ComplaintFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Open and closed")), ("open", _("Open")), ("closed", _("Closed"))],
        required=False,
    )
    category = forms.ChoiceField(
        label=_("About"), choices=[("", _("Anything")), *ComplaintCategory.choices], required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.select("status"), Field.select("category"), submit=_("Filter"), method="get")


class ComplaintCategoriesForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("What is it about?"),
        choices=ComplaintCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply. The categories it had before are kept with your reason."),
        error_messages={"required": _("Select what the complaint is about")},
    )
    reason = forms.CharField(
        label=_("Why are you changing them?"),
        max_length=300,
        error_messages={"required": _("Enter why you are changing what the complaint is about")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.checkboxes("categories"), Field.text("reason"), submit=_("Save the categories"))
