"""Which pages residents read, and how much of a language's catalogue covers them.

The language switch (settings.LANGUAGES) may offer a language only when this share is 100%:
tests/config/test_catalogue_completeness.py extracts the catalogue afresh and checks it."""

# Files whose text residents read: answering a survey, their own pages, sign-in, the layout and errors,
# and what we send them (invitation and reminder emails and texts, letters, the paper questionnaire,
# the interpreter line).
RESIDENT_FACING = (
    "templates/desk/home/resident.html",
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
