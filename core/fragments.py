"""Page fragments cached by what they show (issue 29).

A fragment's key is a digest of the values it shows, in order, and of the language it is written
in: change any shown value and the next page asks for a new key, so there is nothing to invalidate,
and a fragment is only ever served to a page that would have rendered exactly the same values. A
fragment whose markup depends on who is looking (a link shown only with a permission) must put
that in its values too. Never cache a fragment holding a form's CSRF token or anything else that
belongs to a session, or an id numbered per process (`{% scrolling_table %}` captions).

The cache is the default one (shared when CACHE_URL is set, otherwise each process's own);
FRAGMENT_CACHE_SECONDS bounds how long an unused fragment is kept there. In front of it each
process keeps the FRAGMENT_CACHE_LOCAL_ENTRIES it used last: a fragment's key names its content,
so a copy can never be out of date, and a page of thirty fields then makes no round trips to the
shared cache. It saves the rendering, not the queries: the values must be read to make the key.
"""

import hashlib
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.safestring import mark_safe


def fragment_key(name, shown):
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    return f"fragment:{name}:{translation.get_language()}:{timezone.get_current_timezone_name()}:{digest}"


def cached_fragment(name, shown, render):
    """The HTML `render()` makes for `shown`: from the cache when it is there, else rendered and kept."""
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return render()
    key = fragment_key(name, shown)
    html = _recent.get(key)
    if html is None:
        html = cache.get(key)
        if html is None:
            html = str(render())
            cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
        _recent.put(key, html)
    return mark_safe(html)  # noqa: S308 - rendered (and escaped) by the fragment's own template or code


class Recent:
    """The fragments this process used last, at most FRAGMENT_CACHE_LOCAL_ENTRIES of them."""

    def __init__(self):
        self.entries, self.lock = OrderedDict(), threading.Lock()

    def get(self, key):
        with self.lock:
            html = self.entries.get(key)
            if html is not None:
                self.entries.move_to_end(key)
            return html

    def put(self, key, html):
        with self.lock:
            self.entries[key] = html
            while len(self.entries) > settings.FRAGMENT_CACHE_LOCAL_ENTRIES:
                self.entries.popitem(last=False)


_recent = Recent()
