"""Sign out everywhere (issue 29): a person, or an administrator for them, ends every session they
have, on every device, at once.

Each session remembers when it began (at sign-in). Signing out everywhere records the moment
(SignOutEverywhere) and replaces the person's cache version (core/user_cache.py), so the next
request of any session reads the person afresh, with that moment (read in the same query as the
user row), and a session that began before it is signed out. Nothing is read per request besides
what the signed-in user already costs.
"""

from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ObjectDoesNotExist
from django.dispatch import receiver
from django.utils import timezone

from core.models import SignOutEverywhere
from core.user_cache import revoke

SIGNED_IN_AT = "signed_in_at"


@receiver(user_logged_in)
def remember_when_signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = timezone.now().timestamp()


def sign_out_everywhere(user):
    """End every session of `user` (the one asking included) from their next request."""
    SignOutEverywhere.objects.update_or_create(user=user, defaults={"at": timezone.now()})
    revoke(user)


def signed_out_since(user, session):
    """Whether `user` signed out everywhere after this session began."""
    try:
        at = user.signed_out_everywhere.at
    except ObjectDoesNotExist:
        return False
    return session.get(SIGNED_IN_AT, 0) < at.timestamp()


class SignedOutEverywhereMiddleware:
    """Signs out a session that began before its person last signed out everywhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and signed_out_since(user, request.session):
            logout(request)
        return self.get_response(request)
