"""Pages for staff who raise and follow up repairs (officers, contact-centre agents, operatives)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import page
from core.concurrency import StaleEdit, read_at, refuse_stale, save_form_unless_changed, with_revision
from core.views.form_page import form_page
from engagement.audit import record_views
from engagement.models import AuditSubject
from engagement.selectors.visits import household_visit
from repairs import selectors, services
from repairs.forms import (
    AppointmentForm,
    HomeLookupForm,
    RepairFilterForm,
    RepairRaiseForm,
    RepairUpdateForm,
    VisitOutcomeForm,
)
from repairs.models import Status
from repairs.presenters import awaabs_law_note, clock_rows

PAGE_SIZE = 50


@page("repairs.view_repairrequest")
def repair_list(request):
    form = RepairFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    repairs = selectors.repairs_filtered(
        request.user,
        status=filters.get("status", ""),
        category=filters.get("category", ""),
        region=filters.get("region"),
        overdue=filters.get("overdue", False),
    )
    paginator = Paginator(repairs, PAGE_SIZE)
    repairs_page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": repairs_page, "query": query.urlencode(), "now": timezone.now()}
    return render(request, "repairs/repair_list.html", context)


@page("repairs.add_repairrequest")
def repair_raise(request):
    """First find the home (by property reference), then describe the repair."""
    lookup = HomeLookupForm(request.GET or None)
    if not lookup.is_valid():
        return form_page(
            request,
            lookup,
            title=_("Raise a repair"),
            caption=_("Repairs"),
            intro=_("Which home is the repair for?"),
            get=True,
        )
    home = lookup.cleaned_data["home"]
    form = RepairRaiseForm(request.POST or None, home=home, user=request.user)
    if request.method == "POST" and form.is_valid():
        repair = services.repair_raise(home=home, raised_by=request.user, **form.cleaned_data)
        messages.success(request, _("Repair %(ref)s raised. It is due by %(due)s.") % {
            "ref": repair.reference, "due": timezone.localtime(repair.due_at).strftime("%d %B %Y, %H:%M")})  # fmt: skip
        if selectors.repairs_visible_to(request.user).filter(pk=repair.pk).exists():
            return redirect("repairs:detail", pk=repair.pk)
        return redirect("repairs:list")
    return form_page(request, form, title=_("Raise a repair"), caption=str(home), back_url=reverse("repairs:raise"))


@page("repairs.view_repairrequest")
def repair_detail(request, pk):
    repair = selectors.repair_for(request.user, pk)
    visit = household_visit(repair.household, request.user)
    _audit_needs_shown(request, [visit], "Repair page")
    context = {
        "repair": repair,
        "visit": visit,
        "contact_resident": _contact_resident(request.user, visit),
        "clocks": clock_rows(repair.clocks()),
        "awaabs_law_note": awaabs_law_note(repair),
        "appointments": repair.appointments.select_related("operative"),
        "recalls": repair.recalls.all(),
        "complaints": repair.complaints.all(),
        "can_update": request.user.has_perm("repairs.change_repairrequest"),
        "can_record": request.user.has_perm("repairs.record_repair_outcome") and repair.is_open,
    }
    return render(request, "repairs/repair_detail.html", context)


@page("repairs.change_repairrequest")
def repair_update(request, pk):
    repair = selectors.repair_for(request.user, pk)
    form = with_revision(RepairUpdateForm(request.POST or None, instance=repair), repair)
    if request.method == "POST" and form.is_valid():
        try:
            save_form_unless_changed(form, read_at(form, repair))
        except StaleEdit as error:
            refuse_stale(form, error)
        else:
            messages.success(request, _("Repair %(ref)s saved.") % {"ref": repair.reference})
            return redirect("repairs:detail", pk=repair.pk)
    return form_page(
        request,
        form,
        title=_("Update the repair"),
        caption=repair.reference,
        back_url=reverse("repairs:detail", args=[pk]),
    )


@page("repairs.change_repairrequest")
def appointment_book(request, pk):
    repair = selectors.repair_for(request.user, pk)
    form = AppointmentForm(request.POST or None, initial={"operative": repair.operative})
    if request.method == "POST" and form.is_valid():
        appointment = form.save(commit=False)
        appointment.repair = repair
        appointment.save()
        if repair.status in (Status.REPORTED, Status.INSPECTED):
            repair.status = Status.SCHEDULED
        if repair.operative_id is None:
            repair.operative = appointment.operative
        repair.save(update_fields=["status", "operative"])
        messages.success(request, _("Visit booked for %(day)s.") % {"day": appointment.date.strftime("%d %B %Y")})
        return redirect("repairs:detail", pk=repair.pk)
    return form_page(
        request, form, title=_("Book a visit"), caption=repair.reference, back_url=reverse("repairs:detail", args=[pk])
    )


@page("repairs.record_repair_outcome")
def visit_record(request, pk):
    repair = selectors.repair_for(request.user, pk)
    form = VisitOutcomeForm(request.POST or None, repair=repair)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.repair_record_visit(
            repair=repair, appointment=data["appointment"], outcome=data["outcome"], notes=data["notes"],
            completed_at=data["completed_at"], follow_on_work=data["follow_on_work"],
        )  # fmt: skip
        messages.success(request, _("Visit recorded for %(ref)s.") % {"ref": repair.reference})
        return redirect("repairs:detail", pk=repair.pk)
    intro = (
        "" if form.fields["appointment"].queryset.exists() else _("There is no booked visit to record. Book one first.")
    )
    return form_page(
        request,
        form,
        title=_("Record a visit"),
        caption=repair.reference,
        intro=intro,
        back_url=reverse("repairs:detail", args=[pk]),
    )


@page("repairs.view_repairrequest", html=False)
def repair_photo(request, pk):
    """The resident's photo, served only to staff who may see the repair (never a public URL)."""
    repair = selectors.repair_for(request.user, pk)
    if not repair.photo:
        raise Http404("No photo.")
    return FileResponse(repair.photo.open("rb"), filename=repair.photo.name.rsplit("/", 1)[-1])


@page("repairs.work_repair_jobs")
def operative_jobs(request):
    day = timezone.localdate()
    jobs = list(selectors.jobs_for_operative(request.user, day))
    for job in jobs:
        job.visit = household_visit(job.repair.household, request.user)
    _audit_needs_shown(request, [job.visit for job in jobs], "Today's jobs")
    return render(request, "repairs/operative_jobs.html", {"jobs": jobs, "day": day})


def _audit_needs_shown(request, visits, where):
    """Support needs are health information: each resident whose needs the page shows is a read."""
    residents = {resident for visit in visits if visit is not None for resident in visit.needs_shown}
    record_views(
        user=request.user,
        residents=sorted(residents, key=lambda resident: resident.pk),
        subject=AuditSubject.SUPPORT_NEEDS,
        detail=f"{where}: support needs of the household visited",
        path=request.path,
    )


def _contact_resident(user, visit):
    """Whom a contact logged from the job is with at first: the lead tenant (the form lets you change it)."""
    if visit is None or not visit.people or not user.has_perms(["desk.add_contact", "engagement.view_resident"]):
        return None
    return visit.people[0].resident
