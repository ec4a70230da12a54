"""Languages as codes: a breakdown by language must not split one language into several spellings.

Every stored language is a code (BCP 47): the interpreter language of a preference and an
invitation, a response's language, a main language, the keys of a survey's translations. The code
is the site's own where it has one (en-gb, cy: what online answers record), otherwise the language's
code as Django knows it (pl, ur, ar). Files and forms may give the code, the English name or the
language's own name (Polski), in any case; pages show the name in the reader's language.
"""

from functools import cache

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext, gettext_noop

# Languages spoken in UK social housing that Django's list does not have (names in our catalogue).
MORE = {"so": gettext_noop("Somali"), "ti": gettext_noop("Tigrinya"), "gu": gettext_noop("Gujarati"),
        "ku": gettext_noop("Kurdish"), "ps": gettext_noop("Pashto"), "am": gettext_noop("Amharic"),
        "bfi": gettext_noop("British Sign Language"), "tw": gettext_noop("Twi"), "yo": gettext_noop("Yoruba"),
        "sd": gettext_noop("Sindhi"), "rom": gettext_noop("Romani"), "syl": gettext_noop("Sylheti"),
        "yue": gettext_noop("Cantonese"), "cmn": gettext_noop("Mandarin"), "prs": gettext_noop("Dari")}  # fmt: skip
SITE = {"en": "en-gb", "english": "en-gb", "british english": "en-gb", "welsh": "cy", "farsi": "fa"}
# The English name of a site code (Django's catalogues translate these names).
SITE_NAMES = {"en-gb": gettext_noop("English"), "cy": gettext_noop("Welsh")}


@cache
def _names():
    """lower-case code, English name or own name -> stored code."""
    found = {}
    for code, info in LANG_INFO.items():
        if "name" in info:
            found[code] = code
            found.setdefault(info["name_local"].lower(), code)
            found[info["name"].lower()] = code
    for code, name in MORE.items():
        found[code] = code
        found[name.lower()] = code
    for code, _name in settings.LANGUAGES:
        found[code] = code
    found.update(SITE)
    return found


def code_of(text):
    """The stored code for a language code or name; None when it is not a language we know."""
    return _names().get((text or "").strip().lower())


def english_name_of(code):
    """The English name of a stored code (the text itself when it is not a code we know)."""
    return SITE_NAMES.get(code) or (LANG_INFO.get(code) or {}).get("name") or MORE.get(code) or code


def name_of(code):
    """The name of a stored code in the reader's language: "pl" -> "Polish" (in Polish, "polski").

    A stored name from before languages were codes ("Polish") is read as its code first."""
    code = code_of(code) or code
    name = english_name_of(code)
    return gettext(name) if name != code else code
