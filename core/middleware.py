"""Security middleware the libraries we use do not provide."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.cache import add_never_cache_headers

from core.roles import role_of

# Roles whose sessions end after STAFF_IDLE_MINUTES without a request: everyone who works for the
# landlord. Residents and panel members keep the ordinary session length.
NOT_STAFF = {"resident", "panel_member"}
IDLE_KEY = "staff_idle_seconds"
SIGNED_IN_KEY = "staff_signed_in_at"
PUSHED_KEY = "staff_idle_pushed_at"
IDLE_PUSH_SECONDS = 60


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class NoStoreWhenSignedInMiddleware:
    """Every page and download answered to a signed-in person says `Cache-Control: no-store` (and
    private, max-age=0), so a shared computer's browser cache or a proxy keeps no copy of a
    resident's details or a CSV. Public pages seen by visitors who are not signed in are unchanged.
    Test: the page sweep (tests/core/test_pages_by_role.py) and tests/security/test_no_store.py."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


def is_landlord_staff(user):
    role = role_of(user)
    return role is not None and role.slug not in NOT_STAFF or (role is None and user.is_staff)


@receiver(user_logged_in)
def remember_staff_idle_limit(sender, request, user, **kwargs):
    """Decided once at sign-in, so later requests need no query to know the limit."""
    if request is not None and hasattr(request, "session") and is_landlord_staff(user):
        request.session[IDLE_KEY] = settings.STAFF_IDLE_MINUTES * 60
        request.session[SIGNED_IN_KEY] = int(time.time())


class StaffIdleTimeoutMiddleware:
    """Each staff request pushes the session's end STAFF_IDLE_MINUTES ahead; a pause longer than
    that ends it (the session store refuses an expired session, so the next page asks to sign in).
    Pushing ahead never goes past SESSION_COOKIE_AGE after signing in: a busy day still ends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        idle = session.get(IDLE_KEY) if session is not None else None
        if idle:
            left = session.get(SIGNED_IN_KEY, 0) + settings.SESSION_COOKIE_AGE - int(time.time())
            if left <= 0:
                logout(request)
            elif left <= idle:
                # The day's end comes first: a fixed time, saved once.
                end = session.get(SIGNED_IN_KEY, 0) + settings.SESSION_COOKIE_AGE
                if session.get(PUSHED_KEY) != -end:
                    session.set_expiry(left)
                    session[PUSHED_KEY] = -end
            elif session.get(PUSHED_KEY, 0) <= int(time.time()) - IDLE_PUSH_SECONDS:
                # Pushing the end ahead saves the session (a database write): at most once a minute,
                # so the idle limit counts from the last push, up to a minute before the last request.
                session.set_expiry(idle)
                session[PUSHED_KEY] = int(time.time())
        return self.get_response(request)
