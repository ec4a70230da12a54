from django.shortcuts import render

from core.access import page, within_own_households
from engagement import selectors
from engagement.forms import ResidentSearchForm
from engagement.models import Resident


@page("engagement.view_resident")
def resident_search(request):
    form = ResidentSearchForm(request.GET or None)
    residents = None
    if form.is_valid() and form.cleaned_data["q"]:
        # Operatives find only the residents of their own jobs' households (core.access).
        within = within_own_households(request.user, Resident.objects.all())
        residents = list(selectors.residents_matching(form.cleaned_data["q"], within=within))
    # What the results show, the key of their cached rows (core/fragments.py).
    shown = [
        (r.pk, r.first_name, r.last_name, r.is_lead_tenant, bool(r.current_restrictions), r.household.home.address_line_1,
         r.household.home.town, r.household.home.postcode, r.household.home.property_reference)
        for r in residents or []
    ]  # fmt: skip
    return render(request, "engagement/resident_search.html", {"form": form, "residents": residents, "shown": shown})
