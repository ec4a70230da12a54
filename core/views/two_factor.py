"""Turning two-factor sign-in on and off, and giving the code when signing in."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from core.access import page
from core.forms.two_factor import CodeForm
from core.two_factor import (
    confirmed_device,
    pending_device,
    qr_code_data_uri,
    readable_key,
    required_for,
    set_up_done,
)


def _safe_next(request):
    target = request.GET.get("next") or request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@page()
def two_factor_setup(request):
    device = confirmed_device(request.user)
    required = required_for(request.user)
    if device is not None:
        form = None if required else CodeForm(device=device, submit=_("Turn off"))
        return render(request, "registration/two_factor_on.html", {"form": form, "required": required})
    device = pending_device(request.user)
    form = CodeForm(request.POST or None, device=device, submit=_("Turn on two-factor sign-in"))
    target = _safe_next(request)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        set_up_done(request)
        messages.success(
            request, _("Two-factor sign-in is on. From now on you will be asked for a code when you sign in.")
        )
        return redirect(target or "two_factor_setup")
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "key": readable_key(device),
            "qr": qr_code_data_uri(device),
            "required": required,
            "next": target,
        },
    )


@page(post_only=True)
@require_POST
def two_factor_off(request):
    device = confirmed_device(request.user)
    if device is None or required_for(request.user):
        return redirect("two_factor_setup")
    form = CodeForm(request.POST, device=device, submit=_("Turn off"))
    if form.is_valid():
        device.delete()
        messages.success(request, _("Two-factor sign-in is off."))
        return redirect("two_factor_setup")
    return render(request, "registration/two_factor_on.html", {"form": form}, status=200)


@page()
def two_factor_verify(request):
    device = confirmed_device(request.user)
    target = request.GET.get("next") or request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    if device is None:
        return render(request, "registration/two_factor_verify.html", {"form": None, "next": target})
    if request.user.is_verified():
        return redirect(target)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(target)
    return render(request, "registration/two_factor_verify.html", {"form": form, "next": target})
