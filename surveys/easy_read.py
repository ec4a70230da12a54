"""Easy read (issue 27): each question of a survey version in short sentences, one a line, that the
survey builder writes beside the question (Question.easy_read).

A version has an easy-read format only when every question has its easy read, written for the
question as it now reads (`easy_read_of`: a question changed since shows its easy read as needing a
check, as a translation goes fuzzy). Until then nothing offers easy read. Once it has, a resident who
asked for easy read (the format copied onto their invitation from their communication preferences)
and reads the survey in English gets it:

- online, each question page shows the easy-read sentences in place of the question and its hint;
- in the print pack, the easy-read questionnaire: one question a page, in large type
  (templates/surveys/print_pack/easy_read.html);
- the letter and the invitation email then name easy read among the formats to ask for.

Easy read is English only: a resident reading the survey in another language gets that translation.
"""

import re

from django.utils.translation import gettext as _

from engagement.models import Format

# Easy-read guides (Mencap, the Department of Health's "Making written information easier to
# understand") ask for sentences of about 15 words at most, one idea each.
MOST_WORDS = 15
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def sentences(text):
    """The sentences of an easy-read wording: each line, split again after a full stop, ? or !."""
    return [part.strip() for line in text.splitlines() for part in _SENTENCE_END.split(line) if part.strip()]


def wording_problem(text):
    """Why this easy-read wording is not easy read (a sentence too long), or None."""
    for sentence in sentences(text):
        words = len(sentence.split())
        if words > MOST_WORDS:
            return _("Keep each sentence to %(most)s words or fewer. This one has %(words)s: “%(sentence)s”") % {
                "most": MOST_WORDS,
                "words": words,
                "sentence": sentence,
            }
    return None


def is_current(question):
    """Whether the question has an easy read written for its wording as it now is."""
    return bool(question.easy_read.strip()) and question.easy_read_of == question.text


def needs_check(question):
    """An easy read written for an earlier wording of the question."""
    return bool(question.easy_read.strip()) and question.easy_read_of != question.text


def lines(question):
    """The easy-read sentences shown for the question, one a line ({landlord} filled in)."""
    from surveys.models.definitions import _with_landlord

    return [_with_landlord(line.strip()) for line in question.easy_read.splitlines() if line.strip()]


def has_easy_read(version, questions=None):
    """Whether every question of the version has a current easy read."""
    if version is None:
        return False
    questions = list(version.questions.all()) if questions is None else questions
    return bool(questions) and all(is_current(question) for question in questions)


def is_english(language):
    return (language or "en").split("-")[0].lower() == "en"


def offered(survey, language):
    """Whether easy read may be offered to a reader of `language` for this survey's current version."""
    return is_english(language) and has_easy_read(survey.current_version)


def wanted(invitation, language, version):
    """Whether this resident gets the easy-read version: they asked for it, they read English, and
    the version has it."""
    return Format.EASY_READ in (invitation.formats or []) and is_english(language) and has_easy_read(version)
