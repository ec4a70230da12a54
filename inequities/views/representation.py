"""The representation review: who the panel and our engagement reach, beside who lives in our homes."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from core.access import page
from engagement.selectors import panels as panel_selectors
from inequities import labels
from inequities.caching import SUGGESTIONS, per_snapshot, shared
from inequities.dashboards import snapshots
from inequities.metrics import ALL
from inequities.representation import UNDER_REPRESENTED_RATIO, representation_tables
from inequities.representation_figures import representation as representation_figures


class ReviewForm(forms.Form):
    """Which snapshot (the newest of each period, as the dashboards offer them) and which region."""

    period = forms.ChoiceField(label=gettext_lazy("Period"), required=False)
    region = forms.ChoiceField(label=gettext_lazy("Region"), required=False)

    def __init__(self, data, *, periods, regions):
        super().__init__(data)
        self.fields["period"].choices = [(value, label) for value, label, _snapshot in periods]
        self.fields["region"].choices = [(ALL, labels.region(ALL))] + [(r, labels.region(r)) for r in regions]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.form_method = "get"  # so crispy writes no CSRF token into the address
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.select("period"),
            Field.select("region"),
            Submit("show", gettext_lazy("Show"), css_class="govuk-button--secondary"),
        )

    def value(self, name, default):
        """The chosen value, or `default` when nothing (or something not on offer) was chosen."""
        if not self.is_valid() and name in self.errors:
            return default
        return self.cleaned_data.get(name) or default


def _suggestions_shown():
    """What the review shows beside an under-represented group, kept outside the snapshot (in the
    shared cache until a suggestion is saved or deleted: inequities/apps.py)."""

    def read():
        return sorted(
            (key, suggestion.activity_kinds, suggestion.note)
            for key, suggestion in panel_selectors.outreach_suggestions().items()
        )

    return shared(SUGGESTIONS, read)


@page("engagement.view_representation")
@per_snapshot(also=_suggestions_shown)
def representation(request):
    found = snapshots.periods()
    snapshot = snapshots.chosen_snapshot(request.GET.get("period"), found)
    if snapshot is None:
        return render(request, "inequities/representation.html", {"snapshot": None})
    regions = snapshots.regions_in(snapshot)
    form = ReviewForm(
        {"period": snapshots.period_value(snapshot), "region": ALL, **request.GET.dict()},
        periods=found,
        regions=regions,
    )
    region = form.value("region", ALL)
    tables = representation_tables(
        representation_figures(snapshot, region),
        suggestions=panel_selectors.outreach_suggestions(),
        min_judged=snapshot.min_denominator,
    )
    context = {
        "snapshot": snapshot,
        "form": form,
        "tables": tables,
        "region": None if region == ALL else labels.region(region),
        "ratio_percent": round(UNDER_REPRESENTED_RATIO * 100),
        "max_small": snapshot.max_small,
        "min_judged": snapshot.min_denominator,
        "under": [(table, row) for table in tables for row in table.under_represented],
        "cannot_judge": [(table, row) for table in tables for row in table.cannot_judge],
        "judged": sum(len(table.judged) for table in tables),
    }
    return render(request, "inequities/representation.html", context)
