"""The home pages: each role has one made for what that person comes here to do."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Count
from django.shortcuts import render
from django.utils import translation

from core import catalogue
from core.access import page
from core.roles import role_of
from desk.selectors.worklist import worklist_for
from engagement.audit import record_views
from engagement.forms import ResidentSearchForm
from engagement.models import AuditSubject
from inequities.caching import per_snapshot
from inequities.population import residents_by_region


@page()
def home(request):
    """Each role has a home page made for what that person comes here to do."""
    role = role_of(request.user)
    slug = role.slug if role else "no_role"
    if slug in _OVERVIEW:
        return _overview_page(request, slug=slug)
    context = {"role": role, **_HOME_CONTEXT.get(slug, lambda request: {})(request)}
    language = context.get("language")
    if language and language != settings.LANGUAGE_CODE and catalogue.is_complete(language):
        with translation.override(language):  # the resident's home in their own language
            return render(request, f"desk/home/{slug}.html", context)
    return render(request, f"desk/home/{slug}.html", context)


def _staff_home(request):
    return {"search_form": ResidentSearchForm()}


def _officer_home(request):
    """The officer's home page is their worklist."""
    worklist = worklist_for(request.user)
    if worklist.needs:
        record_views(
            user=request.user,
            residents={need.resident for need in worklist.needs},
            subject=AuditSubject.SUPPORT_NEEDS,
            detail="Worklist: support needs past their review date",
            path=request.path,
        )
    return {**_staff_home(request), "worklist": worklist}


_OVERVIEW = ("panel_member", "insight_analyst")


@per_snapshot
def _overview_page(request, slug):
    """The panel member's and the analyst's home: what they show comes from the latest snapshot, so
    it is made once per snapshot and person, then answered from the cache (inequities/caching.py)."""
    context = {"role": role_of(request.user), "population": residents_by_region()}
    return render(request, f"desk/home/{slug}.html", context)


def _resident_home(request):
    resident = getattr(request.user, "resident", None)
    home = resident.household.home if resident else None
    details = getattr(resident, "contact_details", None) if resident else None
    return {"resident": resident, "resident_home": home, "language": details.language if details else ""}


def _administrator_home(request):
    groups = Group.objects.annotate(people=Count("user")).order_by("name")
    return {"groups": groups}


_HOME_CONTEXT = {
    "housing_officer": _officer_home,
    "repairs_operative": _staff_home,
    "contact_centre_agent": _staff_home,
    "resident": _resident_home,
    "administrator": _administrator_home,
}
