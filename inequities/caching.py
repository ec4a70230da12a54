"""Dashboards answered at the speed of a static file: one rendering per snapshot, then the cache.

A snapshot never changes once written, so a dashboard page, its CSV and its chart data depend only
on the snapshot, the filters (the query string), the language and who is asking (the page's
menu, and the form tokens in it, are theirs). The first answer is kept in the cache under all of
those, with the id of the snapshot it was made from; a repeat made from the same snapshot is
answered from the cache, and a browser that already has it is told 304 Not Modified (ETag and
Last-Modified). A new snapshot makes every kept page out of date, so nothing is ever cleared by
hand. Apply `per_snapshot` inside the access declaration, so who may see the page is checked first.

The key also holds the user's permission version (core.user_cache), so a permission granted or
removed shows on their next page, and whatever `also()` returns for a page that shows something
kept outside the snapshot (the representation review's outreach suggestions, which an
administrator edits).

Which snapshot is the latest is itself kept in the shared cache (`latest`), for
LATEST_SNAPSHOT_CACHE_SECONDS, so a dashboard answered from the cache reads no database at all (the
representation review's outreach suggestions likewise, through `shared`). Any snapshot saved or
deleted through the models forgets it at once and again on commit; the lifetime
bounds how long a snapshot written some other way (raw SQL), or read by a request just before a
new one committed, can be passed over. Without a shared cache (CACHE_URL) the setting is 0 and the
database is asked every time, since a worker's new snapshot could not reach another process's copy.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from core.user_cache import version_of
from inequities.services import latest_snapshot

KEEP_SECONDS = 24 * 60 * 60
KEPT_HEADERS = ("Content-Type", "Content-Disposition")
LATEST = "inequities:latest-snapshot"
SUGGESTIONS = "engagement:outreach-suggestions-shown"  # what the representation review shows beside a group


def shared(key, read):
    """read(), kept in the shared cache under `key` for LATEST_SNAPSHOT_CACHE_SECONDS (read every
    time without a shared cache). `forget(key)` is the signal receiver that drops it."""
    seconds = settings.LATEST_SNAPSHOT_CACHE_SECONDS
    value = cache.get(key) if seconds else None
    if value is None:
        value = read()
        if seconds:
            cache.set(key, value, seconds)
    return value


def forget(key):
    """A receiver for post_save and post_delete: the next request reads `key`'s value afresh (at
    once, and again on commit, so a read made before the commit is not kept)."""

    def receiver(**kwargs):
        cache.delete(key)
        transaction.on_commit(lambda: cache.delete(key))

    return receiver


def latest(found=None):
    """(pk, computed_at as a timestamp) of the latest snapshot, or None when there is none.
    `found`: what the shared cache already gave for LATEST in a read of several keys."""

    def read():
        snapshot = latest_snapshot()
        return (snapshot.pk, snapshot.computed_at.timestamp()) if snapshot else ()

    if found is not None:
        return found or None
    return shared(LATEST, read) or None


forget_latest = forget(LATEST)


def per_snapshot(view=None, *, also=None):
    if view is None:
        return lambda view: per_snapshot(view, also=also)

    @wraps(view)
    def answer(request, *args, **kwargs):
        csrf_secret = request.META.get("CSRF_COOKIE")
        if (
            request.method not in ("GET", "HEAD")
            or csrf_secret is None  # the page will set a new one: it is this visitor's first page
            or len(messages.get_messages(request))  # a message to show once (len does not use them up)
        ):
            return view(request, *args, **kwargs)
        place = "dashboards:" + _key(view, request, kwargs, csrf_secret, also() if also else None)
        # The kept page and which snapshot is the latest, in one round trip to the shared cache.
        found = cache.get_many([place, LATEST] if settings.LATEST_SNAPSHOT_CACHE_SECONDS else [place])
        snapshot = latest(found.get(LATEST))
        if snapshot is None:
            return view(request, *args, **kwargs)
        etag = '"' + hashlib.sha256(f"{place}|{snapshot[0]}".encode()).hexdigest()[:40] + '"'
        response = get_conditional_response(request, etag=etag, last_modified=snapshot[1])
        if response is None:
            kept = found.get(place)
            if kept and kept[0] == snapshot[0]:  # kept for this snapshot, not an earlier one
                response = HttpResponse(kept[1], headers=kept[2])
            else:
                response = _render_and_keep(place, snapshot[0], view, request, args, kwargs)
        if response.status_code in (200, 304):
            response["ETag"] = etag
            response["Last-Modified"] = http_date(snapshot[1])
            patch_cache_control(response, private=True, no_cache=True)  # the browser asks again: we answer 304
        return response

    return answer


def _key(view, request, kwargs, csrf_secret, also):
    """Everything but the snapshot that the page depends on; the kept page holds its snapshot's id."""
    parts = (
        view.__module__,
        view.__qualname__,
        sorted(kwargs.items()),
        sorted(request.GET.lists()),
        get_language(),
        request.user.pk,
        version_of(request.user),
        csrf_secret,
        also,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


def _render_and_keep(place, snapshot, view, request, args, kwargs):
    response = view(request, *args, **kwargs)
    if response.status_code == 200 and not response.streaming:
        headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        cache.set(place, (snapshot, response.content, headers), KEEP_SECONDS)
    return response
