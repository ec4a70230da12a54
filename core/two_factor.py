"""Two-factor sign-in with an authenticator app (django-otp TOTP).

Optional, except for the roles in TWO_FACTOR_REQUIRED_ROLES: someone in one of those with no
device is sent to set one up before any other page, and cannot turn it off. Once a person has a confirmed device, a password alone
signs them in only as far as the code page: every other page sends them there until the code is
right. django-otp throttles wrong codes on the device (a growing delay after each wrong one).
"""

import base64
import io
from base64 import b32encode
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from core.roles import role_of

# Pages a signed-in person may still reach before giving their code.
OPEN_BEFORE_CODE = ("two_factor_verify", "logout", "set_language")
# ... and before setting up the app, when their role must have it.
OPEN_BEFORE_SETUP = ("two_factor_setup", "logout", "set_language")
# Set at sign-in, so people without two-factor cost no query per request.
NEEDS_CODE_KEY = "two_factor_needed"
MUST_SET_UP_KEY = "two_factor_must_set_up"


def required_for(user):
    """Whether the person's role must sign in with two factors (TWO_FACTOR_REQUIRED_ROLES)."""
    role = role_of(user)
    return role is not None and role.slug in settings.TWO_FACTOR_REQUIRED_ROLES


@receiver(user_logged_in)
def note_whether_a_code_is_needed(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        has_device = user_has_device(user)
        request.session[NEEDS_CODE_KEY] = has_device
        request.session[MUST_SET_UP_KEY] = not has_device and required_for(user)


def set_up_done(request):
    request.session[MUST_SET_UP_KEY] = False


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if session is None or not user.is_authenticated or request.path.startswith(settings.STATIC_URL):
            return self.get_response(request)
        if session.get(MUST_SET_UP_KEY) and request.path not in {reverse(name) for name in OPEN_BEFORE_SETUP}:
            return redirect(f"{reverse('two_factor_setup')}?{urlencode({'next': request.get_full_path()})}")
        if (
            session.get(NEEDS_CODE_KEY)
            and not user.is_verified()
            and request.path not in {reverse(name) for name in OPEN_BEFORE_CODE}
        ):
            return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def pending_device(user):
    """The person's unconfirmed device (made once, kept until confirmed), for setting up the app."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def readable_key(device):
    """The secret in groups of four, for typing into an app by hand."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_data_uri(device):
    out = io.BytesIO()
    write_qrcode_image(device.config_url, out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()
