"""Forms for scrutiny panels: the panel, its members, meetings, reviews and recommendations."""

from crispy_forms_gds.layout import Field
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms.dates import DateField
from core.forms.govuk import helper
from engagement.models import (
    AccessArrangement,
    ActionStatus,
    MeetingFormat,
    MemberRole,
    PanelMeeting,
    PanelMembership,
    PanelWriting,
    PanelWritingKind,
    Recommendation,
    Response,
    ReviewEvidence,
    ScrutinyPanel,
    ScrutinyReview,
)


def required(message):
    return {"required": message}


class ArrangementsField(forms.MultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Access arrangements"),
            choices=AccessArrangement.choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            **kwargs,
        )


class ScrutinyPanelForm(forms.ModelForm):
    set_up_on = DateField(label=_("Date the panel was set up"))

    class Meta:
        model = ScrutinyPanel
        fields = ["name", "purpose", "set_up_on"]
        error_messages = {"name": required(_("Enter the panel's name"))}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.text("name"), Field.textarea("purpose"), Field("set_up_on"), submit=_("Save panel"))


class MembershipForm(forms.ModelForm):
    started_on = DateField(label=_("Joined on"))
    ended_on = DateField(label=_("Left on"), required=False, help_text=_("Only when they have left the panel."))
    role = forms.ChoiceField(label=_("Role on the panel"), choices=MemberRole.choices, widget=forms.RadioSelect)

    class Meta:
        model = PanelMembership
        fields = ["role", "started_on", "ended_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.radios("role"), Field("started_on"), Field("ended_on"), submit=_("Save member"))


class MeetingForm(forms.ModelForm):
    held_on = DateField(label=_("Date of the meeting"))
    format = forms.ChoiceField(
        label=_("Format"),
        choices=MeetingFormat.choices,
        widget=forms.RadioSelect,
        error_messages=required(_("Choose the format of the meeting")),
    )
    access_arrangements = ArrangementsField()
    attendees = forms.ModelMultipleChoiceField(
        label=_("Who attended"),
        queryset=PanelMembership.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = PanelMeeting
        fields = ["held_on", "format", "place", "access_arrangements", "access_notes", "summary", "attendees"]

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        members = panel.memberships.select_related("resident").order_by("resident__last_name", "resident__first_name")
        self.fields["attendees"].queryset = members
        self.fields["attendees"].label_from_instance = lambda m: f"{m.resident.full_name} ({m.get_role_display()})"
        self.helper = helper(
            Field("held_on"),
            Field.radios("format"),
            Field.text("place"),
            Field.checkboxes("access_arrangements"),
            Field.textarea("access_notes", rows=2),
            Field.textarea("summary"),
            Field.checkboxes("attendees"),
            submit=_("Save meeting"),
        )

    def clean(self):
        data = super().clean()
        day = data.get("held_on")
        if day:
            away = [m for m in data.get("attendees", []) if not m.is_current_on(day)]
            if away:
                self.add_error("attendees", _("Only people on the panel on the day of the meeting can attend it"))
        return data


class ReviewForm(forms.ModelForm):
    started_on = DateField(label=_("Started on"))
    completed_on = DateField(label=_("Completed on"), required=False)

    class Meta:
        model = ScrutinyReview
        fields = ["topic", "scope", "started_on", "completed_on", "findings"]
        error_messages = {
            "topic": required(_("Enter the topic of the review")),
            "scope": required(_("Enter what the review looks at")),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.text("topic"),
            Field.textarea("scope", rows=3),
            Field("started_on"),
            Field("completed_on"),
            Field.textarea("findings", rows=6),
            submit=_("Save review"),
        )

    def clean(self):
        data = super().clean()
        start, done = data.get("started_on"), data.get("completed_on")
        if start and done and done < start:
            self.add_error("completed_on", _("The review cannot be completed before it started"))
        return data


class EvidenceForm(forms.ModelForm):
    class Meta:
        model = ReviewEvidence
        fields = ["label", "path", "note"]
        labels = {"label": _("What the page is called")}
        error_messages = {
            "label": required(_("Enter what the page is called")),
            "path": required(_("Enter the address of the page")),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.text("label"),
            Field.text("path", spellcheck="false"),
            Field.textarea("note", rows=3),
            submit=_("Add evidence"),
        )


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["text"]
        error_messages = {"text": required(_("Enter the recommendation"))}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.textarea("text", rows=4), submit=_("Add recommendation"))


class ResponseForm(forms.ModelForm):
    response = forms.ChoiceField(
        label=_("Our response"),
        choices=Response.choices,
        widget=forms.RadioSelect,
        error_messages=required(_("Choose our response")),
    )
    responded_on = DateField(label=_("Date of the response"))
    due_on = DateField(label=_("Due by"), required=False)
    action_status = forms.ChoiceField(label=_("Progress"), choices=ActionStatus.choices, widget=forms.RadioSelect)

    class Meta:
        model = Recommendation
        fields = ["response", "response_reason", "responded_on", "action", "action_owner", "due_on", "action_status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.radios("response"),
            Field.textarea("response_reason", rows=3),
            Field("responded_on"),
            Field.textarea("action", rows=3),
            Field.text("action_owner", field_width=20),
            Field("due_on"),
            Field.radios("action_status"),
            submit=_("Save response"),
        )


class PanelWritingForm(forms.ModelForm):
    """A panel member's own draft finding or recommendation, or a comment on our response."""

    class Meta:
        model = PanelWriting
        fields = ["kind", "recommendation", "text"]
        widgets = {"kind": forms.RadioSelect}
        labels = {"recommendation": _("Which recommendation is the comment about?"), "text": _("What you want to say")}
        error_messages = {
            "kind": required(_("Choose what you are writing")),
            "text": required(_("Enter what you want to say")),
        }

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        answered = review.recommendations.answered()
        self.fields["recommendation"].queryset = answered
        self.fields["recommendation"].label_from_instance = lambda r: r.text[:80]
        self.fields["recommendation"].empty_label = _("Choose a recommendation")
        self.fields["recommendation"].help_text = _("Only for a comment on our response.")
        if not answered.exists():
            self.fields["kind"].choices = [c for c in PanelWritingKind.choices if c[0] != PanelWritingKind.COMMENT]
            del self.fields["recommendation"]
        fields = [Field.radios("kind"), Field.textarea("text", rows=6)]
        if "recommendation" in self.fields:
            fields.insert(1, Field.select("recommendation"))
        self.helper = helper(*fields, submit=_("Save for the panel and staff"))

    def clean(self):
        data = super().clean()
        if data.get("kind") == PanelWritingKind.COMMENT and not data.get("recommendation"):
            self.add_error("recommendation", _("Choose the recommendation your comment is about"))
        if data.get("kind") != PanelWritingKind.COMMENT:
            data["recommendation"] = None
        return data
