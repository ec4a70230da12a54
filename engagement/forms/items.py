"""Forms for support needs, reasonable adjustments and contact restrictions."""

from crispy_forms_gds.layout import Field
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms.dates import DateField, date_choices_not_in_future
from core.forms.govuk import helper
from engagement.models import AdjustmentStatus, NeedCategory, RestrictionKind
from engagement.models.adjustments import NEXT_STATUSES


class SupportNeedForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Kind of need"),
        choices=NeedCategory.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of need")},
    )
    description = forms.CharField(
        label=_("What the person needs"),
        help_text=_("In their words where you can: what we should do differently, not their diagnosis."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Enter what the person needs")},
    )
    is_temporary = forms.BooleanField(label=_("This need is temporary"), required=False)
    started_on = DateField(label=_("Start date"), validators=[date_choices_not_in_future])
    review_by = DateField(label=_("Review by"), required=False, help_text=_("When to check it is still right."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(*self.layout_fields(), submit=_("Save support need"))

    def layout_fields(self):
        return [
            Field.radios("category"),
            Field.textarea("description"),
            Field.checkbox("is_temporary"),
            Field("started_on"),
            Field("review_by"),
        ]

    def clean(self):
        data = super().clean()
        start, review = data.get("started_on"), data.get("review_by")
        if start and review and review < start:
            self.add_error("review_by", _("The review date must be on or after the start date"))
        return data


class SupportNeedChangeForm(SupportNeedForm):
    ended_on = DateField(
        label=_("Ended on"),
        required=False,
        validators=[date_choices_not_in_future],
        help_text=_("Only when the person no longer has this need. It stays in their history."),
    )
    end_reason = forms.CharField(label=_("Why it ended"), required=False, max_length=200)

    def layout_fields(self):
        return [*super().layout_fields(), Field("ended_on"), Field.text("end_reason")]

    def clean(self):
        data = super().clean()
        start, ended = data.get("started_on"), data.get("ended_on")
        if start and ended and ended < start:
            self.add_error("ended_on", _("The end date must be on or after the start date"))
        if ended and not data.get("end_reason"):
            self.add_error("end_reason", _("Enter why the need ended"))
        return data


class AdjustmentRequestForm(forms.Form):
    request = forms.CharField(
        label=_("What was requested"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Enter what was requested")},
    )
    requested_by = forms.CharField(
        label=_("Who asked for it"),
        max_length=120,
        help_text=_("For example, the resident, their daughter, or their GP."),
        error_messages={"required": _("Enter who asked for it")},
    )
    requested_on = DateField(label=_("Date requested"), validators=[date_choices_not_in_future])
    review_by = DateField(label=_("Review by"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.textarea("request"),
            Field.text("requested_by", field_width=20),
            Field("requested_on"),
            Field("review_by"),
            submit=_("Save request"),
        )


class AdjustmentProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Where is it now?"), widget=forms.RadioSelect)
    step_on = DateField(
        label=_("Date of this step"),
        required=False,
        validators=[date_choices_not_in_future],
        help_text=_("Leave blank for today."),
    )
    decline_reason = forms.CharField(
        label=_("Reason given to the resident"),
        help_text=_("Only if it was declined. The resident must be told why."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    review_by = DateField(label=_("Review by"), required=False)

    def __init__(self, *args, adjustment, **kwargs):
        super().__init__(*args, **kwargs)
        current = AdjustmentStatus(adjustment.status)
        allowed = [current, *sorted(NEXT_STATUSES[current], key=list(AdjustmentStatus).index)]
        self.fields["status"].choices = [(status.value, status.label) for status in allowed]
        self.fields["status"].initial = current.value
        self.fields["decline_reason"].initial = adjustment.decline_reason
        self.fields["review_by"].initial = adjustment.review_by
        self.helper = helper(
            Field.radios("status"),
            Field("step_on"),
            Field.textarea("decline_reason"),
            Field("review_by"),
            submit=_("Save"),
        )

    def clean(self):
        data = super().clean()
        if data.get("status") == AdjustmentStatus.DECLINED and not data.get("decline_reason", "").strip():
            self.add_error("decline_reason", _("Enter the reason given to the resident for declining it"))
        return data


class ContactRestrictionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of restriction"),
        choices=RestrictionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of restriction")},
    )
    details = forms.CharField(
        label=_("What is restricted"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Enter what is restricted")},
    )
    reason = forms.CharField(
        label=_("Why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Enter why the restriction is needed")},
    )
    decided_by = forms.CharField(
        label=_("Who decided"),
        max_length=120,
        help_text=_("Name and job title of the manager who decided."),
        error_messages={"required": _("Enter who decided")},
    )
    started_on = DateField(label=_("Start date"))
    review_by = DateField(label=_("Review by"), help_text=_("Every restriction must be reviewed by a date."))
    resident_told_on = DateField(
        label=_("Date the resident was told"),
        required=False,
        validators=[date_choices_not_in_future],
        help_text=_("Leave blank if they have not been told yet."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(*self.layout_fields(), submit=_("Save restriction"))

    def layout_fields(self):
        return [
            Field.radios("kind"),
            Field.textarea("details"),
            Field.textarea("reason"),
            Field.text("decided_by", field_width=20),
            Field("started_on"),
            Field("review_by"),
            Field("resident_told_on"),
        ]

    def clean(self):
        data = super().clean()
        start, review = data.get("started_on"), data.get("review_by")
        if start and review and review <= start:
            self.add_error("review_by", _("The review date must be after the start date"))
        return data


class ContactRestrictionChangeForm(ContactRestrictionForm):
    ended_on = DateField(
        label=_("Ended on"),
        required=False,
        help_text=_("When the restriction was lifted. It stays in the resident's history."),
    )

    def layout_fields(self):
        return [*super().layout_fields(), Field("ended_on")]
