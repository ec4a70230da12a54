"""Signing out everywhere: every session a person has, on every device (core/sign_out.py)."""

from django.contrib.auth import logout
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from core.access import page
from core.sign_out import sign_out_everywhere


@page(post_only=True)
@require_POST
def sign_out_everywhere_view(request):
    sign_out_everywhere(request.user)
    logout(request)
    return redirect("login")
