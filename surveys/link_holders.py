"""Who may read sent answers through a personal link, and the code that proves it.

A personal link lets whoever holds it answer, so it reaches a resident through a letter, an email or
a helper on the phone. Once the answers are sent, the link shows only that they were sent, unless
the holder proves to be the resident: the browser that sent them, the resident signed in to their
own account, or someone who types the code we send to the resident's own recorded email address.
Anyone else signed in (staff, another resident) never reads sent answers through a link, code or
not: the link is the resident's, not a way round the rule that staff do not see who said what.

Codes and their counters live in the cache (shared between web processes when CACHE_URL is set).
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.utils.translation import gettext as _

SESSION_KEY = "survey-answers-proven"
CODE_MINUTES = 15
CODE_TRIES = 5
# At most this many codes, and this many copies of the answers, per link and per address per day.
SENDS_PER_DAY = 3
DAY = 24 * 60 * 60


def _is_own(user, response):
    return user.is_authenticated and response.resident.user_id == user.pk


def may_read(request, response):
    """Whether this request may see the response's answers through the link."""
    if not response.is_submitted:
        return True  # answering: the holder of the link is answering it
    if request.user.is_authenticated:
        return _is_own(request.user, response)
    return response.pk in request.session.get(SESSION_KEY, [])


def prove(request, response):
    """This browser sent the answers, or typed the right code: it may read them for the session."""
    proven = request.session.get(SESSION_KEY, [])
    if response.pk not in proven:
        request.session[SESSION_KEY] = [*proven, response.pk]


def staff_signed_in(request, response):
    """Someone signed in who is not this resident: sent answers are never shown to them."""
    return request.user.is_authenticated and not _is_own(request.user, response)


def own_email(response):
    details = getattr(response.resident, "contact_details", None)
    return details.email if details else ""


def masked(email):
    """r•••@example.org: enough for the resident to know the address, not enough to learn it."""
    name, _at, domain = email.partition("@")
    return f"{name[:1]}•••@{domain}"


def _within_limit(key):
    """Count one more send under `key`; False (and nothing counted) once the day's limit is reached."""
    if cache.get(key, 0) >= SENDS_PER_DAY:
        return False
    if not cache.add(key, 1, timeout=DAY):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=DAY)
    return True


def send_allowed(kind, response, email):
    """One more `kind` ("code" or "copy") for this link and this address today?"""
    address = hashlib.sha256(email.lower().encode()).hexdigest()
    link_key, address_key = f"survey-{kind}:link:{response.pk}", f"survey-{kind}:address:{address}"
    if cache.get(link_key, 0) >= SENDS_PER_DAY or cache.get(address_key, 0) >= SENDS_PER_DAY:
        return False
    return _within_limit(link_key) and _within_limit(address_key)


def _code_key(response):
    return f"survey-answers-code:{response.pk}"


def _digest(code):
    return hashlib.sha256(code.encode()).hexdigest()


def code_send(response, language):
    """Email a six-digit code to the resident's own address. False when none is held or the day's
    sends are used up."""
    email = own_email(response)
    if not email or not send_allowed("code", response, email):
        return False
    code = f"{secrets.randbelow(10**6):06d}"
    cache.set(_code_key(response), {"digest": _digest(code), "tries": 0}, timeout=CODE_MINUTES * 60)
    title = response.survey.title_in(language)
    send_mail(
        subject=_("Your code to see your answers"),
        message=_(
            "Your code to see or change your answers to %(survey)s is %(code)s.\n\n"
            "It works for %(minutes)s minutes. If you did not ask for it, you can ignore this email: "
            "nobody can see your answers without it. Questions: call %(phone)s."
        )
        % {"survey": title, "code": code, "minutes": CODE_MINUTES, "phone": settings.LANDLORD_PHONE},
        from_email=None,
        recipient_list=[email],
    )
    return True


def code_check(response, typed):
    """ "right", "wrong", or "none" (no code waiting: never sent, expired, or too many wrong tries)."""
    waiting = cache.get(_code_key(response))
    if waiting is None or waiting["tries"] >= CODE_TRIES:
        return "none"
    if secrets.compare_digest(waiting["digest"], _digest("".join(typed.split()))):
        cache.delete(_code_key(response))
        return "right"
    waiting["tries"] += 1
    cache.set(_code_key(response), waiting, timeout=CODE_MINUTES * 60)
    return "wrong"
