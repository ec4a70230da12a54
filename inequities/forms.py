"""The dashboards' filters: a GET form, so it works without JavaScript and every view has an address."""

from crispy_forms_gds.layout import Field
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms.govuk import helper
from inequities import labels
from inequities.metrics import ALL

EVERY = "every"


class DashboardFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    measure = forms.ChoiceField(label=_("Measure"), required=False)
    characteristic = forms.ChoiceField(label=_("Characteristic"), required=False)

    def __init__(self, data, *, dashboard, periods, regions, metrics, dimensions):
        super().__init__(data)
        self.fields["period"].choices = [(value, label) for value, label, _snapshot in periods]
        shown = ["period"]
        if not dashboard.by_region:
            self.fields["region"].choices = [(ALL, labels.region(ALL))] + [(r, labels.region(r)) for r in regions]
            shown.append("region")
        else:
            del self.fields["region"]
        measures = [(code, labels.metric(code).label) for code in metrics]
        if dashboard.by_region:
            measures = [(EVERY, _("Every measure")), *measures]
        if len(measures) > 1:
            self.fields["measure"].choices = measures
            self.fields["measure"].label = (
                _("Survey measure") if dashboard.metrics[0].startswith("tp") else _("Measure")
            )
            shown.append("measure")
        else:
            del self.fields["measure"]
        if not dashboard.by_region:
            self.fields["characteristic"].choices = [(EVERY, _("Every characteristic"))] + [
                (d, labels.dimension(d)) for d in dimensions
            ]
            shown.append("characteristic")
        else:
            del self.fields["characteristic"]
        self.helper = helper(*(Field.select(name) for name in shown), submit=_("Show these figures"), method="get")

    def value(self, name, default):
        """The chosen value, or `default` when nothing (or something not on offer) was chosen."""
        if name not in self.fields or not self.is_bound:
            return default
        self.is_valid()
        if name in self.errors:
            return default
        return self.cleaned_data.get(name) or default


class TrendFilterForm(forms.Form):
    """The trends page's filters: which measure, and which characteristic's groups."""

    measure = forms.ChoiceField(label=_("Measure"), required=False)
    characteristic = forms.ChoiceField(label=_("Characteristic"), required=False)

    def __init__(self, data, *, metrics, dimensions):
        super().__init__(data)
        self.fields["measure"].choices = [(code, labels.metric(code).label) for code in metrics]
        self.fields["characteristic"].choices = [(d, labels.dimension(d)) for d in dimensions]
        self.helper = helper(
            Field.select("measure"), Field.select("characteristic"), submit=_("Show these trends"), method="get"
        )

    def value(self, name, default):
        if not self.is_bound or not self.is_valid() and name in self.errors:
            return default
        return self.cleaned_data.get(name) or default
