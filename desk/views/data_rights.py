"""A resident's data rights: everything held about them (page and JSON), and erasure on request."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.access import page
from desk import data_rights
from desk.forms.data_rights import ErasureForm
from engagement.audit import record_change
from engagement.models import AuditAction, AuditSubject, Resident


def _audit_export(request, resident, form):
    record_change(
        user=request.user,
        resident=resident,
        subject=AuditSubject.WHOLE_RECORD,
        action=AuditAction.EXPORTED,
        fields=[f"subject access, {form}"],
        path=request.path,
    )


@page("engagement.view_resident", "engagement.export_resident_data")
def resident_data(request, pk):
    resident = get_object_or_404(Resident, pk=pk)
    held = data_rights.subject_access(resident)
    _audit_export(request, resident, "page")
    return render(request, "engagement/resident/data.html", {"resident": resident, "held": held})


@page("engagement.view_resident", "engagement.export_resident_data", html=False)
def resident_data_json(request, pk):
    resident = get_object_or_404(Resident, pk=pk)
    body = data_rights.subject_access_json(resident)
    _audit_export(request, resident, "JSON")
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="resident-{resident.pk}-data.json"'
    return response


@page("engagement.view_resident", "engagement.erase_resident")
def resident_erase(request, pk):
    resident = get_object_or_404(Resident.objects.select_related("household__home"), pk=pk)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data_rights.erase_resident(
            resident=resident, by=request.user, reason=form.cleaned_data["reason"], path=request.path
        )
        messages.success(request, _("The resident's identifying and sensitive data has been erased."))
        return redirect("resident_detail", pk=resident.pk)
    return render(request, "engagement/resident/erase.html", {"resident": resident, "form": form})
