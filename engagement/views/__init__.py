from django.shortcuts import render

from core.access import page
from engagement import selectors
from engagement.forms import ResidentSearchForm


@page("engagement.view_resident")
def resident_search(request):
    form = ResidentSearchForm(request.GET or None)
    residents = None
    if form.is_valid() and form.cleaned_data["q"]:
        residents = list(selectors.residents_matching(form.cleaned_data["q"]))
    return render(request, "engagement/resident_search.html", {"form": form, "residents": residents})
