"""A signed-in resident reports a repair and follows their own household's repairs."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import page
from core.views.form_page import form_page
from repairs import selectors, services
from repairs.forms import ResidentRepairForm
from repairs.models import Channel, Priority


@page("repairs.report_own_repair")
def my_repairs(request):
    household = selectors.resident_household(request.user)
    repairs = selectors.repairs_for_resident(request.user)
    return render(request, "repairs/my_repairs.html", {"household": household, "repairs": repairs})


@page("repairs.report_own_repair")
def report_repair(request):
    resident = getattr(request.user, "resident", None)
    if resident is None:
        return redirect("repairs:mine")
    form = ResidentRepairForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        repair = services.repair_raise(
            home=resident.household.home, reported_by=resident, raised_by=request.user, channel=Channel.ONLINE,
            category=data["category"], description=data["description"], priority=Priority.ROUTINE, photo=data["photo"],
        )  # fmt: skip
        messages.success(request, _("Thank you. Your repair number is %(ref)s.") % {"ref": repair.reference})
        return redirect("repairs:my_repair", pk=repair.pk)
    return form_page(
        request,
        form,
        title=_("Report a repair"),
        intro=_(
            "If there is a gas smell, flooding, no heating or hot water in winter, or anything else that is dangerous, phone us now instead."
        ),
        multipart=True,
    )


@page("repairs.report_own_repair")
def my_repair(request, pk):
    repair = selectors.resident_repair_for(request.user, pk)
    return render(request, "repairs/my_repair.html", {"repair": repair, "appointments": repair.appointments.all()})
