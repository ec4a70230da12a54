"""Page fragments cached by what they show (issue 29).

A fragment's key is a digest of the values it shows, in order, and of the language it is written
in: change any shown value and the next page asks for a new key, so there is nothing to invalidate,
and a fragment is only ever served to a page that would have rendered exactly the same values. A
fragment whose markup depends on who is looking (a link shown only with a permission) must put
that in its values too. Never cache a fragment holding a form's CSRF token or anything else that
belongs to a session, or an id numbered per process (`{% scrolling_table %}` captions).

The cache is the default one (shared when CACHE_URL is set, otherwise each process's own);
FRAGMENT_CACHE_SECONDS bounds how long an unused fragment is kept. It saves the rendering, not
the queries: the values must be read to make the key.
"""

import hashlib

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
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered (and escaped) by the fragment's own template or code
