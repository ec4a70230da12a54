"""The page django-axes shows when sign-in to an account is paused after too many wrong passwords."""

from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "lockout_minutes": settings.AXES_COOLOFF_MINUTES}
    return render(request, "registration/locked_out.html", context, status=429)
