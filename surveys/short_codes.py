"""The short code on a letter: typed from paper at the short address, it opens the resident's own
survey link.

"0023T-K7Q4M": the invitation's number (at least four characters) and six characters of an HMAC
of it and the invitation's random nonce under SECRET_KEY (30 bits), in Crockford's base 32: digits
and capital letters without I, L, O and U, so nothing is mistaken for something else. Reading it
back ignores case, spaces and dashes, and reads I and L as 1, O as 0 and U as V. A code typed wrong
matches nobody; wrong codes count against the address that tried them, with unknown links
(surveys/links.py), so guessing one is hopeless. Nothing is stored: like the link, the code is made
again from the nonce and the key, and someone holding the database but not the key cannot make one.
"""

import hmac
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import salted_hmac

from surveys.models import Invitation

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
MISREAD = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})
KEY_SALT = "surveys.short-code"
NUMBER_LENGTH = 4
TAG_LENGTH = 6
GROUP = 5


def _encode(number, width):
    characters = ""
    while number:
        number, digit = divmod(number, 32)
        characters = ALPHABET[digit] + characters
    return characters.rjust(width, ALPHABET[0])


def _decode(characters):
    number = 0
    for character in characters:
        number = number * 32 + ALPHABET.index(character)
    return number


def _tag(invitation, secret=None):
    digest = salted_hmac(KEY_SALT, f"{invitation.pk}:{invitation.token_nonce}", secret=secret, algorithm="sha256")
    return _encode(int.from_bytes(digest.digest()[:4], "big") >> 2, TAG_LENGTH)


def short_code(invitation):
    """The code printed on this invitation's letter, in groups of five."""
    characters = _encode(invitation.pk, NUMBER_LENGTH) + _tag(invitation)
    return "-".join(characters[start : start + GROUP] for start in range(0, len(characters), GROUP))


def short_address():
    """Where to type the code, as printed: the site's address without https:// (northfield.example/code)."""
    site = urlsplit(settings.SURVEY_LINK_BASE_URL)
    return f"{site.netloc}{site.path.rstrip('/')}{reverse('survey_code')}".rstrip("/")


def invitation_for(text):
    """The invitation whose code this is, as typed, or None."""
    characters = re.sub(r"[\s\-‐‑–—_.]+", "", text.upper()).translate(MISREAD)
    if len(characters) < NUMBER_LENGTH + TAG_LENGTH or any(c not in ALPHABET for c in characters):
        return None
    number, tag = _decode(characters[:-TAG_LENGTH]), characters[-TAG_LENGTH:]
    invitation = Invitation.objects.filter(pk=number).first()
    if invitation is None:
        return None
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        if hmac.compare_digest(_tag(invitation, secret), tag):
            return invitation
    return None
