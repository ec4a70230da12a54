"""Writes the survey builder makes: a new survey, and the questions of its draft version.

Only a draft is ever changed. A published version stays as residents answered it; editing makes a
new draft (services.survey_version_new) and earlier answers stay with the version they answered.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from core.concurrency import save_unless_changed
from surveys import builtin, translations
from surveys.choices import QuestionKind
from surveys.models import Question, Survey, SurveyVersion
from surveys.routing import order_problem


class Refused(Exception):
    """A change the builder will not make, with the reason in words."""


def _check_draft(version):
    if version.is_published:
        raise Refused(_("This version is published, so it cannot change. Make a new version to edit."))


def _check_unlocked(question):
    if builtin.is_locked(question):
        raise Refused(
            _("%(code)s uses the Regulator's wording, so it cannot be changed or removed.") % {"code": question.code}
        )


@transaction.atomic
def survey_start(*, title, purpose, kind, minutes_to_complete):
    """A new survey of any kind with a draft version 1 (holding the built-in questions for a TSM or
    after-repair survey, to add to)."""
    survey = Survey.objects.create(title=title, purpose=purpose, kind=kind, minutes_to_complete=minutes_to_complete)
    version = SurveyVersion.objects.create(survey=survey, number=1)
    for position, fields in enumerate(builtin.STARTING_QUESTIONS.get(kind, []), start=1):
        Question.objects.create(version=version, position=position, **fields)
    return survey


@transaction.atomic
def question_add(*, version, fields):
    """A new question at the end of the draft. `fields` are Question fields, already validated."""
    _check_draft(version)
    last = version.questions.order_by("-position").values_list("position", flat=True).first() or 0
    question = Question(version=version, position=last + 1, **fields)
    question.easy_read_of = question.text if question.easy_read else ""
    question.save()
    return question


@transaction.atomic
def question_update(*, question, fields, read_at=None, easy_read_checked=False):
    """`read_at`: the revision the page was read at; StaleEdit if someone saved it since.

    The easy read is taken as written for the question's new wording when it was changed in the same
    edit, or `easy_read_checked` (the builder ticked that it still fits); else a changed question
    leaves it needing a check (surveys/easy_read.py)."""
    _check_draft(question.version)
    _check_unlocked(question)
    english = translations.english_before_change(question)
    easy_read_before = question.easy_read
    for name, value in fields.items():
        setattr(question, name, value)
    if question.kind not in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        question.choices = []  # refilled from the fixed scale on save, or none for text and numbers
    if not question.easy_read:
        question.easy_read_of = ""
    elif question.easy_read != easy_read_before or easy_read_checked:
        question.easy_read_of = question.text
    save_unless_changed(question, read_at, list(fields))
    if translations.mark_fuzzy(question, english):
        question.save(update_fields=["translations"])  # its translations now translate older English
    return question


def _renumber(questions):
    """Positions 1..n in the given order."""
    for position, question in enumerate(questions, start=1):
        if question.position != position:
            question.position = position
            question.save(update_fields=["position"])


@transaction.atomic
def question_move(*, question, up):
    """Move one place up or down; refused when it would put a question before the one it depends on."""
    version = question.version
    _check_draft(version)
    questions = list(version.questions.order_by("position", "pk"))
    at = next(index for index, each in enumerate(questions) if each.pk == question.pk)
    other = at - 1 if up else at + 1
    if not 0 <= other < len(questions):
        return question
    questions[at], questions[other] = questions[other], questions[at]
    problem = order_problem(questions)
    if problem:
        raise Refused(_("That move would break the routing. %(problem)s") % {"problem": problem})
    _renumber(questions)
    return question


@transaction.atomic
def question_remove(*, question):
    """Remove a question; refused while another question is asked only after an answer to it."""
    version = question.version
    _check_draft(version)
    _check_unlocked(question)
    dependants = list(version.questions.filter(asked_if_code=question.code).values_list("code", flat=True))
    if dependants:
        raise Refused(
            _(
                "%(code)s cannot be removed while other questions are asked only after an answer to it "
                "(%(others)s). Change their routing first."
            )
            % {"code": question.code, "others": ", ".join(dependants)}
        )
    question.delete()
    _renumber(list(version.questions.order_by("position", "pk")))
