"""The resident-facing interface (Django's catalogue in locale/) in a resident's language.

A language is offered to residents only when both catalogues are complete in it: the survey's own
text (surveys.translations) and this one, the words around it (buttons, errors, progress, emails,
texts, letters, the interpreter line). This is the interface's half: every resident-facing entry of
the shipped catalogue translated, none fuzzy (core.catalogue says which entries are
resident-facing; tests/config/test_catalogue_completeness.py checks the shipped file against a
freshly extracted one, so a new English string makes a stale catalogue incomplete).
"""

from functools import cache

import polib
from django.conf import settings

from core.catalogue import resident_facing_share


def catalogue_path(language):
    return settings.BASE_DIR / "locale" / language.replace("-", "_") / "LC_MESSAGES" / "django.po"


@cache
def share(language):
    """(translated, total) resident-facing entries of the shipped catalogue; (0, 0) when there is none."""
    if language == settings.LANGUAGE_CODE:
        return 1, 1
    path = catalogue_path(language)
    if not path.exists():
        return 0, 0
    return resident_facing_share(polib.pofile(str(path)))


def is_complete(language):
    translated, total = share(language)
    return total > 0 and translated == total
