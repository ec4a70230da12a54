"""A survey's own text, translated by a translator through a PO file per language.

Each piece of text a resident reads (the title, why we ask, each question, hint and answer) is one
PO entry: msgctxt says where it belongs, msgid is the English, msgstr the translation, and a
translator's note says what it is. The same entries give the completeness figure the builder
shows, and a survey is offered in a language only when it is 100% complete in it.

Translations track their source, as gettext does: when a question's English changes, each of its
translations is marked fuzzy (kept, with the English it translated, under "fuzzy" in the
question's translations) and no longer counts, so the language is not offered until a translator
has reviewed it. The builder shows what changed; the PO file carries the fuzzy flag and the
previous English (#| msgid); uploading a reviewed translation clears the mark.
"""

import re
from dataclasses import dataclass

import polib
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from core import catalogue
from core.validators import has_line_break
from surveys.choices import DONT_KNOW, DONT_KNOW_LABEL


class BadTranslationFile(Exception):
    pass


@dataclass
class Entry:
    context: str
    english: str
    note: str
    owner: object  # the Survey or Question the text belongs to
    field: str  # "title", "purpose", "text", "hint" or a choice value
    is_choice: bool = False
    place: str = ""  # where it is, in words, for the builder

    @property
    def key(self):
        """Where a fuzzy mark for this entry is kept: "text", "hint", "choice.<value>"."""
        return f"choice.{self.field}" if self.is_choice else self.field

    def translation(self, language):
        stored = self.owner.translations.get(language) or {}
        value = (stored.get("choices") or {}).get(self.field) if self.is_choice else stored.get(self.field)
        return (value or "").strip()

    def previous_english(self, language):
        """The English the translation was made for, when the English has changed since; else None."""
        return ((self.owner.translations.get(language) or {}).get("fuzzy") or {}).get(self.key)

    def is_done(self, language):
        """Translated, and for the English as it is now (not fuzzy)."""
        return bool(self.translation(language)) and self.previous_english(language) is None


def entries(survey, version):
    """Every piece of the survey's text a resident reads, in the order they read it."""
    found = [
        Entry("survey.title", survey.title, _("The survey's title."), survey, "title", place=_("The title")),
        Entry(
            "survey.purpose",
            survey.purpose,
            _("Why we ask and what we do with the answers."),
            survey,
            "purpose",
            place=_("Why we ask"),
        ),  # fmt: skip
    ]
    for question in version.questions.all():
        where = f"question {question.position} ({question.code})"
        place = _("Question %(number)s (%(code)s)") % {"number": question.position, "code": question.code}
        found.append(
            Entry(f"{question.code}.text", question.text, f"The text of {where}.", question, "text", place=place)
        )
        if question.hint:
            found.append(
                Entry(
                    f"{question.code}.hint",
                    question.hint,
                    f"The hint under {where}.",
                    question,
                    "hint",
                    place=_("%(question)s, its hint") % {"question": place},
                )  # fmt: skip
            )
        choices = list(question.choices) if question.has_choices else []
        if question.has_choices and question.offer_dont_know:
            choices.append([DONT_KNOW, DONT_KNOW_LABEL])
        for value, label in choices:
            note = f"An answer to {where}. Keep it short: it sits beside a radio button or checkbox."
            answer = _("%(question)s, an answer") % {"question": place}
            found.append(
                Entry(f"{question.code}.choice.{value}", label, note, question, value, is_choice=True, place=answer)
            )
    return found


def completeness(survey, version, language):
    """(translated, total) pieces of text: the figure the builder shows for each language."""
    found = entries(survey, version)
    return sum(1 for entry in found if entry.is_done(language)), len(found)


def changed_since_translated(survey, version):
    """[(entry, previous English, [language codes])] of the pieces whose English changed after they
    were translated: what the builder shows, so a translator knows what to review."""
    changed = []
    for entry in entries(survey, version):
        by_previous = {}
        for code, _name in settings.SURVEY_LANGUAGES:
            previous = entry.previous_english(code)
            if previous is not None:
                by_previous.setdefault(previous, []).append(code)
        changed.extend((entry, previous, codes) for previous, codes in by_previous.items())
    return changed


def _english_by_key(question):
    english = {"text": question.text, "hint": question.hint}
    english.update({f"choice.{value}": label for value, label in question.choices})
    return english


def english_before_change(question):
    """The question's English as it is, to compare after an edit (mark_fuzzy)."""
    return _english_by_key(question)


def mark_fuzzy(question, before):
    """After an edit, mark fuzzy each translation whose English changed, keeping the English it was
    made for (the first, as gettext's previous msgid does); a change back to that English clears the
    mark. Returns whether the question's translations changed (to save them)."""
    after = _english_by_key(question)
    changed = False
    for stored in question.translations.values():
        fuzzy = stored.get("fuzzy") or {}
        for key, english in before.items():
            translated = (stored.get("choices") or {}).get(key[7:]) if key.startswith("choice.") else stored.get(key)
            if not (translated or "").strip():
                continue
            made_for = fuzzy.get(key, english)
            if after.get(key) == made_for:
                changed |= fuzzy.pop(key, None) is not None
            elif after.get(key) != english or key in fuzzy:
                changed |= fuzzy.get(key) != made_for
                fuzzy[key] = made_for
        if fuzzy:
            stored["fuzzy"] = fuzzy
        else:
            stored.pop("fuzzy", None)
    return changed


def complete_languages(survey, version):
    """The languages residents are offered this version in: both catalogues complete, the survey's
    own text (every entry translated, none fuzzy) and the interface around it (core.catalogue)."""
    if version is None:
        return []
    candidates = [
        (code, name)
        for code, name in settings.SURVEY_LANGUAGES
        if catalogue.is_complete(code) and (survey.translations.get(code) or {}).get("title")
    ]
    if not candidates:
        return []  # no question read: most surveys are in English only
    found = entries(survey, version)
    return [(code, name) for code, name in candidates if all(entry.is_done(code) for entry in found)]


def is_right_to_left(language):
    try:
        return get_language_info(language)["bidi"]
    except KeyError:
        return False


def po_export(survey, version, language):
    """The PO file a translator fills in: English source, a note for each entry, what is done so far."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": f"{survey.title} (version {version.number})",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "PO-Revision-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
    }
    po.header = (
        f"{survey.title}: the survey's text to translate into {language}.\n"
        "Translate each msgid into its msgstr. Leave {landlord} as it is: it becomes our name."
    )
    for entry in entries(survey, version):
        previous = entry.previous_english(language)
        item = polib.POEntry(
            msgctxt=entry.context, msgid=entry.english, msgstr=entry.translation(language), comment=entry.note
        )
        if previous is not None:
            item.flags.append("fuzzy")
            item.previous_msgctxt, item.previous_msgid = entry.context, previous
        po.append(item)
    return po


# polib.pofile reads its argument as a path whenever a file of that name exists (issue 24, item 5).
# No path can hold a NUL character (os.path.isfile answers False), and "# " makes this first line a
# comment, so the uploaded text is always parsed as text and never names a file to open.
NOT_A_PATH = "# \x00\n"


def po_parse(content):
    """The uploaded PO text, parsed as text only: never read as a path, whatever it says."""
    if "\x00" in content or not re.search(r"^msgid ", content, flags=re.MULTILINE):
        raise BadTranslationFile(
            _("This is not a PO file: it has no msgid lines. Upload the file you downloaded here, translated.")
        )
    try:
        return polib.pofile(NOT_A_PATH + content)
    except (OSError, ValueError) as error:
        # Line numbers as the translator counts them (without the first line added above).
        message = re.sub(r" ?\(line (\d+)\)", lambda m: f" (line {int(m.group(1)) - 1})", str(error))
        raise BadTranslationFile(_("This is not a PO file: %(error)s") % {"error": message}) from error


@transaction.atomic
def po_import(*, survey, version, language, content):
    """Keep the translations in a PO file for this draft version. Returns how many entries were filled.

    An entry whose English no longer matches (the question was edited after export) is refused with
    the others, so a translation never sits beside text it does not translate."""
    if version.is_published:
        raise BadTranslationFile(_("This version is published, so it cannot change. Make a new version to translate."))
    po = po_parse(content)
    known = {entry.context: entry for entry in entries(survey, version)}
    problems = []
    for item in po:
        entry = known.get(item.msgctxt)
        if entry is None:
            problems.append(_("%(context)s is not part of this survey.") % {"context": item.msgctxt})
        elif item.msgid != entry.english:
            problems.append(
                _("The English of %(context)s has changed since this file was made.") % {"context": item.msgctxt}
            )
        elif entry.field == "title" and not entry.is_choice and has_line_break(item.msgstr.strip()):
            problems.append(
                _("The translation of %(context)s must be on one line: it is used as the subject of emails.")
                % {"context": item.msgctxt}
            )
    if problems:
        raise BadTranslationFile(" ".join(problems))
    filled = 0
    owners = {}
    for item in po:
        if item.obsolete or "fuzzy" in item.flags or not item.msgstr.strip():
            continue
        entry = known[item.msgctxt]
        stored = entry.owner.translations.setdefault(language, {})
        fuzzy = stored.get("fuzzy") or {}
        fuzzy.pop(entry.key, None)  # reviewed for today's English
        if not fuzzy:
            stored.pop("fuzzy", None)
        if entry.is_choice:
            stored.setdefault("choices", {})[entry.field] = item.msgstr.strip()
        else:
            stored[entry.field] = item.msgstr.strip()
        owners[id(entry.owner)] = entry.owner
        filled += 1
    for owner in owners.values():
        owner.save(update_fields=["translations"])
    return filled
