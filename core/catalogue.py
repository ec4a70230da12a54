"""Which pages residents read, and how much of a language's catalogue covers them.

The language switch (settings.LANGUAGES) may offer a language only when this share is 100%:
tests/config/test_catalogue_completeness.py extracts the catalogue afresh and checks it.

The same share decides which languages residents are offered for what we send them and their own
pages (`resident_languages`): a survey is offered in a language only when both catalogues are
complete in it, the survey's own text (surveys.translations) and this one, the interface around it
(buttons, errors, progress, emails, texts, letters, the interpreter line). Complete means every
resident-facing entry of the shipped catalogue translated and none fuzzy; the test above checks the
shipped file against a freshly extracted one, so a new English string makes a stale one incomplete.
"""

from functools import cache

import polib
from django.conf import settings

# Files whose text residents read: answering a survey, their own pages, sign-in, the layout and errors,
# and what we send them (invitation and reminder emails and texts, letters, the paper questionnaire,
# the interpreter line).
RESIDENT_FACING = (
    "templates/desk/home/resident.html",
    "core/navigation.py",
    "templates/surveys/messages/",
    "templates/surveys/print_pack/",
    "surveys/messages.py",
    "surveys/interpreter_lines.py",
    "surveys/views/answer.py",
    "templates/base.html",
    "templates/403.html",
    "templates/404.html",
    "templates/500.html",
    "templates/503.html",
    "templates/pages/",
    "templates/registration/",
    "templates/surveys/answer/",
    "templates/surveys/mine.html",
    "templates/surveys/print.html",
    "templates/engagement/my_preferences.html",
    "templates/surveys/tenant_satisfaction.html",
    "surveys/forms.py",
    "engagement/forms/preferences.py",
)


def is_resident_facing(path):
    return path.startswith(RESIDENT_FACING)


def resident_facing_share(po):
    """(translated, total) of the catalogue entries that appear on a resident-facing page.

    A fuzzy entry (a guess not yet reviewed) does not count: gettext does not show it."""
    entries = [
        entry
        for entry in po
        if not entry.obsolete and any(is_resident_facing(path) for path, _line in entry.occurrences)
    ]
    translated = [entry for entry in entries if entry.translated()]
    return len(translated), len(entries)


def catalogue_path(language):
    return settings.BASE_DIR / "locale" / language.replace("-", "_") / "LC_MESSAGES" / "django.po"


@cache
def shipped_share(language):
    """(translated, total) resident-facing entries of the shipped catalogue; (0, 0) when there is none."""
    if language == settings.LANGUAGE_CODE:
        return 1, 1
    path = catalogue_path(language)
    if not path.exists():
        return 0, 0
    return resident_facing_share(polib.pofile(str(path)))


def is_complete(language):
    """The interface is wholly translated in `language` (the site's own language always is)."""
    translated, total = shipped_share(language)
    return total > 0 and translated == total


def resident_languages():
    """[(code, name in itself)] a resident may choose for emails, texts, letters and their own pages:
    the site's language and every survey language whose interface catalogue is complete."""
    return [
        (settings.LANGUAGE_CODE, "English"),
        *((code, name) for code, name in settings.SURVEY_LANGUAGES if is_complete(code)),
    ]
