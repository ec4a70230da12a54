from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms.cached import cached


class ResidentSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, address, postcode, property reference or UPRN"),
        max_length=100,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False  # the templates own the <form role="search">
        self.helper.form_method = "get"  # so crispy writes no CSRF token into the address
        self.helper.layout = Layout(
            cached(Field.text("q", field_width=20)),  # its markup kept by what it shows (core/forms/cached.py)
            Submit("search", _("Search"), css_class="govuk-button--secondary"),
        )
        self.helper.label_size = Size.MEDIUM
