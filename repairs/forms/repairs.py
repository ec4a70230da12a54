from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import within_own_households
from core.forms.govuk import clean_time, date_field, helper, local_parts, moment, time_field
from core.roles import REPAIRS_OPERATIVE
from engagement.models import Home, Region, Resident
from repairs.models import (
    Appointment,
    AppointmentOutcome,
    Category,
    Channel,
    Hazard,
    Priority,
    RepairRequest,
    Status,
)

# What a photo's first bytes look like, for the formats phones and cameras save.
PHOTO_SIGNATURES = {
    "jpg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
HEIC_BRANDS = (b"heic", b"heix", b"mif1", b"msf1")


def operatives():
    return get_user_model().objects.filter(groups__name=REPAIRS_OPERATIVE.name, is_active=True).order_by("username")


class HomeLookupForm(forms.Form):
    home = forms.CharField(
        label=_("Property reference"),
        max_length=30,
        help_text=_("For example, PR000123"),
        error_messages={"required": _("Enter the property reference")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(Field.text("home", field_width=10), submit=_("Continue"), method="get")

    def clean_home(self):
        reference = self.cleaned_data["home"].strip().upper()
        home = Home.objects.filter(property_reference=reference).first()
        if home is None:
            raise forms.ValidationError(_("There is no home with the property reference %(ref)s") % {"ref": reference})
        return home


class RepairRaiseForm(forms.Form):
    reported_by = forms.ModelChoiceField(
        label=_("Who reported it"),
        queryset=None,
        required=False,
        empty_label=_("No one in the household: a member of staff noticed it"),
    )
    channel = forms.ChoiceField(
        label=_("How was it reported?"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the repair was reported")},
    )
    category = forms.ChoiceField(
        label=_("What kind of repair is it?"),
        choices=[("", _("Choose a kind of repair")), *Category.choices],
        error_messages={"required": _("Select the kind of repair")},
    )
    description = forms.CharField(
        label=_("Describe the problem"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Describe the problem")},
    )
    priority = forms.ChoiceField(
        label=_("Priority"),
        choices=Priority.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a priority")},
    )
    hazard = forms.ChoiceField(
        label=_("Hazard under Awaab's Law"),
        choices=Hazard.choices,
        initial=Hazard.NONE,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "A hazard starts the legal clocks for investigation and safety work, once the law covers its kind."
        ),
    )

    def __init__(self, *args, home, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = home.current_household()
        residents = current.residents.all() if current else Resident.objects.none()
        # An operative names only the households of their own jobs (core.access): elsewhere, "No one
        # in the household" is the only choice, and no one living there is named.
        self.fields["reported_by"].queryset = residents if user is None else within_own_households(user, residents)
        self.helper = helper(
            Field.select("reported_by"),
            Field.radios("channel"),
            Field.select("category"),
            Field.textarea("description"),
            Field.radios("priority", inline=True),
            Field.radios("hazard"),
            submit=_("Raise the repair"),
        )


class RepairUpdateForm(forms.ModelForm):
    investigated_on = date_field(_("Date investigated"))
    investigated_time = time_field(_("Time investigated"))
    made_safe_on = date_field(_("Date the safety work was done"))
    made_safe_time = time_field(_("Time the safety work was done"))
    summary_sent_on = date_field(_("Date the written summary was sent"))
    preventative_work_started_on = date_field(_("Date further preventative work began"))
    completed_on = date_field(_("Date completed"))
    completed_time = time_field(_("Time completed"))

    class Meta:
        model = RepairRequest
        fields = ["status", "cancellation_reason", "operative", "hazard", "summary_sent_on",
                  "preventative_work_started_on", "preventative_work_delay_reason", "follow_on_work", "cost"]  # fmt: skip
        widgets = {
            "hazard": forms.RadioSelect,
            "cancellation_reason": forms.Textarea(attrs={"rows": 2}),
            "preventative_work_delay_reason": forms.Textarea(attrs={"rows": 2}),
            "follow_on_work": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        repair = self.instance
        self.fields["operative"].queryset = operatives()
        self.fields["operative"].label_from_instance = lambda user: user.get_full_name() or user.username
        self.fields["hazard"].required = False
        for prefix, value in (("investigated", repair.investigated_at), ("made_safe", repair.made_safe_at),
                              ("completed", repair.completed_at)):  # fmt: skip
            self.initial[f"{prefix}_on"], self.initial[f"{prefix}_time"] = local_parts(value)
        self.helper = helper(
            Fieldset(
                Field.select("status"),
                Field.textarea("cancellation_reason"),
                Field.select("operative"),
                Field.radios("hazard"),
                legend=_("The repair"),
            ),
            Fieldset(
                Field("investigated_on"),
                Field.text("investigated_time", field_width=5),
                Field("summary_sent_on"),
                Field("made_safe_on"),
                Field.text("made_safe_time", field_width=5),
                Field("preventative_work_started_on"),
                Field.textarea("preventative_work_delay_reason"),
                legend=_("Awaab's Law steps"),
            ),
            Fieldset(
                Field("completed_on"),
                Field.text("completed_time", field_width=5),
                Field.textarea("follow_on_work"),
                Field.text("cost", field_width=10),
                legend=_("Completion"),
            ),
            submit=_("Save the repair"),
        )

    def clean(self):
        data = super().clean()
        for prefix in ("investigated", "made_safe", "completed"):
            try:
                data[f"{prefix}_at"] = moment(
                    data.get(f"{prefix}_on"), clean_time(data.get(f"{prefix}_time"), _("time"))
                )
            except forms.ValidationError as error:
                self.add_error(f"{prefix}_time", error)
        status = data.get("status")
        if status == Status.CANCELLED and not data.get("cancellation_reason", "").strip():
            self.add_error("cancellation_reason", _("Give the reason for cancelling the repair"))
        if status == Status.COMPLETED and data.get("completed_on") is None:
            self.add_error("completed_on", _("Enter the date the repair was completed"))
        if status != Status.COMPLETED and data.get("completed_on") is not None:
            self.add_error("status", _("Set the status to completed, or remove the completion date"))
        completed_at = data.get("completed_at")
        if completed_at and completed_at < self.instance.reported_at:
            self.add_error("completed_on", _("The completion date must be on or after the day it was reported"))
        return data

    def save(self, commit=True):
        repair = super().save(commit=False)
        for prefix in ("investigated", "made_safe", "completed"):
            setattr(repair, f"{prefix}_at", self.cleaned_data.get(f"{prefix}_at"))
        if commit:
            repair.save()
        return repair


class AppointmentForm(forms.ModelForm):
    date = date_field(_("Date of the visit"), required=True)

    class Meta:
        model = Appointment
        fields = ["date", "slot", "operative"]
        widgets = {"slot": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["operative"].queryset = operatives()
        self.fields["slot"].error_messages["required"] = _("Select a time slot")
        self.helper = helper(Field("date"), Field.radios("slot"), Field.select("operative"), submit=_("Book the visit"))


class VisitOutcomeForm(forms.Form):
    appointment = forms.ModelChoiceField(
        label=_("Which visit"), queryset=None, widget=forms.RadioSelect, empty_label=None,
        error_messages={"required": _("Select the visit")},
    )  # fmt: skip
    outcome = forms.ChoiceField(
        label=_("What happened"),
        choices=[c for c in AppointmentOutcome.choices if c[0] != AppointmentOutcome.BOOKED],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what happened at the visit")},
    )
    finished = forms.BooleanField(label=_("The repair is finished"), required=False)
    finished_time = time_field(_("Time finished"))
    follow_on_work = forms.CharField(
        label=_("Follow-on work needed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, repair, **kwargs):
        super().__init__(*args, **kwargs)
        appointments = repair.appointments.filter(outcome=AppointmentOutcome.BOOKED).order_by("date", "slot")
        self.fields["appointment"].queryset = appointments
        if len(appointments) == 1:
            self.initial["appointment"] = appointments[0].pk
        self.helper = helper(
            Field.radios("appointment"),
            Field.radios("outcome"),
            Field.checkbox("finished"),
            Field.text("finished_time", field_width=5),
            Field.textarea("follow_on_work"),
            Field.textarea("notes"),
            submit=_("Record the visit"),
        )

    def clean(self):
        data = super().clean()
        try:
            at_time = clean_time(data.get("finished_time"), _("time finished"))
        except forms.ValidationError as error:
            self.add_error("finished_time", error)
            return data
        if data.get("finished") and data.get("outcome") != AppointmentOutcome.KEPT:
            self.add_error("finished", _("A repair can only be finished at a visit that went ahead"))
        appointment = data.get("appointment")
        if data.get("finished") and appointment is not None:
            if appointment.date > timezone.localdate():
                self.add_error("appointment", _("A visit in the future cannot have happened yet"))
            data["completed_at"] = moment(appointment.date, at_time)
        else:
            data["completed_at"] = None
        return data


class RepairFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Any status")), *Status.choices], required=False)
    category = forms.ChoiceField(
        label=_("Kind of repair"), choices=[("", _("Any kind")), *Category.choices], required=False
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False, empty_label=_("Any region")
    )
    overdue = forms.BooleanField(label=_("Only overdue repairs"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = helper(
            Field.select("status"), Field.select("category"), Field.select("region"), Field.checkbox("overdue", small=True),
            submit=_("Filter"), method="get",
        )  # fmt: skip


class ResidentRepairForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What needs repairing?"),
        choices=[("", _("Choose one")), *Category.choices],
        error_messages={"required": _("Select what needs repairing")},
    )
    description = forms.CharField(
        label=_("Tell us what is wrong"),
        help_text=_("Say where in your home it is, and when it started."),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        error_messages={"required": _("Tell us what is wrong")},
    )
    photo = forms.FileField(
        label=_("Add a photo (optional)"),
        help_text=_("A JPG, PNG or HEIC photo, smaller than %(size)sMB.")
        % {"size": settings.REPAIRS_PHOTO_MAX_MEGABYTES},
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.select("category"),
            Field.textarea("description"),
            Field("photo", accept="image/jpeg,image/png,image/heic"),
            Submit("submit", _("Report the repair"), data_prevent_double_click="true"),
        )

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo:
            return None
        limit = settings.REPAIRS_PHOTO_MAX_MEGABYTES
        if photo.size > limit * 1024 * 1024:
            raise forms.ValidationError(_("The photo must be smaller than %(size)sMB") % {"size": limit})
        kind = photo_kind(photo)
        if kind is None:
            raise forms.ValidationError(_("The photo must be a JPG, PNG or HEIC"))
        photo.name = f"repair.{kind}"  # never keep the name from the resident's device
        return photo


def photo_kind(upload):
    """The file's real type from its first bytes (its name and stated type can say anything)."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for kind, signatures in PHOTO_SIGNATURES.items():
        if any(head.startswith(signature) for signature in signatures):
            return kind
    if head[4:8] == b"ftyp" and head[8:12] in HEIC_BRANDS:
        return "heic"
    return None
