from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.imports import kinds_in_order

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What does the file contain?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the file contains")},
    )
    option = forms.TypedChoiceField(
        label=_("Which survey are the responses to?"),
        coerce=int,
        required=False,
        help_text=_("Only for survey responses."),
    )
    file = forms.FileField(
        label=_("Upload a CSV file"),
        help_text=_("UTF-8 CSV, first line naming the columns, as described in the data formats guide."),
        error_messages={"required": _("Choose a CSV file to upload")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = {info.kind: info for info in kinds_in_order()}
        self.fields["kind"].choices = [(info.kind, info.label) for info in self.kinds.values()]
        options = [info.option for info in self.kinds.values() if info.option is not None]
        if options:
            self.fields["option"].label = options[0].label
            self.fields["option"].choices = [("", _("Choose")), *options[0].choices()]
        else:
            del self.fields["option"]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.form_enctype = "multipart/form-data"
        self.helper.layout = Layout(
            Field.radios("kind", legend_size=Size.MEDIUM),
            *([Field.select("option")] if "option" in self.fields else []),
            Field("file"),
            Submit("check", _("Check the file"), data_prevent_double_click="true"),
        )
        self.helper.label_size = Size.MEDIUM

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("The file must be a CSV file"))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file must be smaller than %(megabytes)s MB") % {"megabytes": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        try:
            self.cleaned_data["text"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _("The file must be UTF-8 text: save it as “CSV UTF-8” and try again")
            ) from None
        return upload

    def clean(self):
        data = super().clean()
        info = self.kinds.get(data.get("kind"))
        if info is not None and info.option is not None and not data.get("option"):
            self.add_error("option", _("Choose which survey the responses are to"))
        return data
