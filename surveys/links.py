"""Personal survey links: what is stored, how a link is made again, and how many wrong ones one
address may try.

The database keeps only a SHA-256 hash of each link's token, so a copy of the database (a leaked
backup, a read-only SQL injection) opens nobody's survey. The token itself is an HMAC of the
invitation's random nonce under the server's SECRET_KEY: the app can make the same link again for
send lists, reminder emails and a signed-in resident's "your surveys" page, while someone holding
the database but not the key cannot. Rotating SECRET_KEY with the old key in SECRET_KEY_FALLBACKS
keeps old links reproducible; dropping the old key leaves existing links working (the hash is
unchanged) but they can no longer be printed again.
"""

import base64
import hashlib
import secrets
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.utils.crypto import salted_hmac

KEY_SALT = "surveys.invitation-link"


def new_nonce():
    return secrets.token_urlsafe(24)


def token_for(nonce, secret=None):
    digest = salted_hmac(KEY_SALT, nonce, secret=secret, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def token_matching(nonce, token_hash):
    """The link token for this nonce under the current key or a fallback, or None if no key made it."""
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        token = token_for(nonce, secret)
        if hash_token(token) == token_hash:
            return token
    return None


class UnknownLink(Http404):
    """No invitation has this token: counted against the address that tried it."""


def _client_address(request):
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR", "unknown")


def _misses_key(request):
    return f"survey-link-misses:{_client_address(request)}"


def limit_link_attempts(view):
    """Wrap a personal-link page: after SURVEY_LINK_ATTEMPTS unknown tokens from one address in the
    window, every link page answers 429 to that address until the window passes. Guessing a
    256-bit token is hopeless anyway; this stops a scan from costing database lookups and shows up
    in the logs."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        if attempts_used_up(request):
            return too_many_tries(request)
        try:
            return view(request, *args, **kwargs)
        except UnknownLink:
            count_miss(request)
            raise

    return limited


def attempts_used_up(request):
    """Whether this address has tried SURVEY_LINK_ATTEMPTS unknown links or codes in the window."""
    return cache.get(_misses_key(request), 0) >= settings.SURVEY_LINK_ATTEMPTS


def count_miss(request):
    """One more unknown link or short code (surveys/short_codes.py) tried from this address."""
    key = _misses_key(request)
    window = settings.SURVEY_LINK_ATTEMPT_WINDOW_MINUTES * 60
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)


def too_many_tries(request):
    context = {"minutes": settings.SURVEY_LINK_ATTEMPT_WINDOW_MINUTES}
    return render(request, "surveys/answer/too_many_tries.html", context, status=429)
