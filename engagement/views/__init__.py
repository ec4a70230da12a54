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
    return render(request, "engagement/resident_search.html", {"form": form, "residents": residents})
