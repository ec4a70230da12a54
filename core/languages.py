"""Languages as codes: a breakdown by language must not split one language into several spellings.

The stored code is the site's own code where it has one (en-gb, cy: what online answers record),
otherwise the language's code as Django knows it (pl, ur, ar). Files and forms may give the code or
the English name, in any case.
"""

from functools import cache

from django.conf import settings
from django.conf.locale import LANG_INFO

# Languages spoken in UK social housing that Django's list does not have.
MORE = {"so": "Somali", "ti": "Tigrinya", "gu": "Gujarati", "ku": "Kurdish", "ps": "Pashto", "am": "Amharic",
        "bfi": "British Sign Language", "tw": "Twi", "yo": "Yoruba", "sd": "Sindhi", "rom": "Romani",
        "syl": "Sylheti", "yue": "Cantonese", "cmn": "Mandarin", "prs": "Dari"}  # fmt: skip
SITE = {"en": "en-gb", "english": "en-gb", "british english": "en-gb", "welsh": "cy", "farsi": "fa"}


@cache
def _names():
    """lower-case code or English name -> stored code."""
    found = {}
    for code, info in LANG_INFO.items():
        if "name" in info:
            found[code] = code
            found[info["name"].lower()] = code
    for code, name in MORE.items():
        found[code] = code
        found[name.lower()] = code
    for code, _name in settings.LANGUAGES:
        found[code] = code
    found.update(SITE)
    return found


def code_of(text):
    """The stored code for a language code or English name; None when it is not a language we know."""
    return _names().get(text.strip().lower())


def name_of(code):
    """The English name of a stored code (the text itself when it is not a code we know)."""
    if code == "en-gb":
        return "English"
    if code == "cy":
        return "Welsh"
    return (LANG_INFO.get(code) or {}).get("name") or MORE.get(code) or code
