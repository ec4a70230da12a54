"""The resident page: who they are, what they need, their household's repairs and recent contacts."""

from django.shortcuts import render
from django.utils import timezone

from core.access import page
from desk.selectors.contacts import contacts_shown, recent_contacts
from engagement.audit import record_view
from engagement.models import AuditSubject
from engagement.selectors import profiles
from engagement.views.residents import resident_or_404
from repairs.selectors import household_summary


@page("engagement.view_resident")
def resident_detail(request, pk):
    resident = resident_or_404(pk, request.user)
    overview = profiles.resident_overview(resident, request.user, timezone.localdate())
    if overview.needs is not None:
        record_view(
            user=request.user,
            resident=resident,
            subject=AuditSubject.SUPPORT_NEEDS,
            detail=f"Resident page: {len(overview.needs)} support needs shown",
            path=request.path,
        )
    repairs = household_summary(resident.household) if request.user.has_perm("repairs.view_repairrequest") else None
    contacts = recent_contacts(resident.household) if request.user.has_perm("desk.view_contact") else None
    return render(
        request,
        "engagement/resident/detail.html",
        {
            "overview": overview,
            "resident": resident,
            "repairs_summary": repairs,
            "contacts": contacts,
            "contacts_shown": contacts_shown(contacts or []),
        },
    )
