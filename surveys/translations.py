"""A survey's own text, translated by a translator through a PO file per language.

Each piece of text a resident reads (the title, why we ask, each question, hint and answer) is one
PO entry: msgctxt says where it belongs, msgid is the English, msgstr the translation, and a
translator's note says what it is. The same entries give the completeness figure the builder
shows, and a survey is offered in a language only when it is 100% complete in it.
"""

import re
from dataclasses import dataclass

import polib
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

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

    def translation(self, language):
        stored = self.owner.translations.get(language) or {}
        value = (stored.get("choices") or {}).get(self.field) if self.is_choice else stored.get(self.field)
        return (value or "").strip()


def entries(survey, version):
    """Every piece of the survey's text a resident reads, in the order they read it."""
    found = [
        Entry("survey.title", survey.title, _("The survey's title."), survey, "title"),
        Entry("survey.purpose", survey.purpose, _("Why we ask and what we do with the answers."), survey, "purpose"),
    ]
    for question in version.questions.all():
        where = f"question {question.position} ({question.code})"
        found.append(Entry(f"{question.code}.text", question.text, f"The text of {where}.", question, "text"))
        if question.hint:
            found.append(Entry(f"{question.code}.hint", question.hint, f"The hint under {where}.", question, "hint"))
        choices = list(question.choices) if question.has_choices else []
        if question.has_choices and question.offer_dont_know:
            choices.append([DONT_KNOW, DONT_KNOW_LABEL])
        for value, label in choices:
            note = f"An answer to {where}. Keep it short: it sits beside a radio button or checkbox."
            found.append(Entry(f"{question.code}.choice.{value}", label, note, question, value, is_choice=True))
    return found


def completeness(survey, version, language):
    """(translated, total) pieces of text: the figure the builder shows for each language."""
    found = entries(survey, version)
    return sum(1 for entry in found if entry.translation(language)), len(found)


def complete_languages(survey, version):
    """The survey languages this version's text is fully translated into: the ones residents are offered."""
    if version is None:
        return []
    complete = []
    for code, name in settings.SURVEY_LANGUAGES:
        done, total = completeness(survey, version, code)
        if done == total:
            complete.append((code, name))
    return complete


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
        po.append(
            polib.POEntry(
                msgctxt=entry.context, msgid=entry.english, msgstr=entry.translation(language), comment=entry.note
            )
        )
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
        if entry.is_choice:
            stored.setdefault("choices", {})[entry.field] = item.msgstr.strip()
        else:
            stored[entry.field] = item.msgstr.strip()
        owners[id(entry.owner)] = entry.owner
        filled += 1
    for owner in owners.values():
        owner.save(update_fields=["translations"])
    return filled
