"""A survey version laid out for paper, plain text and the phone: the questions with routing in words."""

from django.conf import settings
from django.utils.translation import gettext as _

from surveys import easy_read
from surveys.choices import DONT_KNOW, AskedOf, QuestionKind


def routing_note(question, questions_by_code):
    notes = []
    if question.asked_of == AskedOf.RENTED:
        notes.append(_("Only for tenants of rented homes."))
    if question.asked_of == AskedOf.COMMUNAL_AREAS:
        notes.append(_("Only for homes with communal areas we look after."))
    if question.asked_if_code:
        earlier = questions_by_code.get(question.asked_if_code)
        number = earlier.position if earlier else question.asked_if_code
        answer = (
            dict(earlier.choices).get(question.asked_if_answer, question.asked_if_answer)
            if earlier
            else question.asked_if_answer
        )
        notes.append(
            _("Only answer this if you answered “%(answer)s” to question %(number)s.")
            % {"answer": answer, "number": number}
        )
    return " ".join(notes)


class PrintedQuestion:
    def __init__(self, question, language, questions_by_code):
        self.question = question
        self.number = question.position
        self.code = question.code
        self.text = question.text_in(language)
        self.hint = question.hint_in(language)
        self.options = [label for _value, label in question.choices_in(language)]
        self.free = not question.has_choices
        self.multiple = question.kind == QuestionKind.MULTIPLE_CHOICE
        # How many boxes to tick, said on every question that has boxes (issue 27).
        self.tick = (_("Tick all that apply.") if self.multiple else _("Tick one.")) if question.has_choices else ""
        self.routing = routing_note(question, questions_by_code)
        self.easy_read = easy_read.lines(question)  # its easy-read sentences, one a line
        self.dont_know_offered = question.offer_dont_know
        self.unprompted_dont_know = question.has_choices and not question.offer_dont_know
        self.read_out = [label for value, label in question.choices_in(language) if value != DONT_KNOW]


class PrintedSurvey:
    def __init__(self, survey, version, language):
        questions = list(version.questions.all())
        by_code = {question.code: question for question in questions}
        self.title = survey.title_in(language)
        self.purpose = survey.purpose_in(language)
        self.version = version
        self.questions = [PrintedQuestion(question, language, by_code) for question in questions]


def plain_text(survey, version, language):
    """The survey as plain text: readable by a screen reader, and can be pasted into an email reply."""
    printed = PrintedSurvey(survey, version, language)
    lines = [printed.title, "=" * len(printed.title), "", printed.purpose, ""]
    lines.append(_("Write your answer under each question and post it back to us at:"))
    lines += [f"   {settings.LANDLORD_NAME}", f"   {settings.LANDLORD_ADDRESS}"]
    lines.append(
        _("Or call us on %(phone)s and we will take your answers by phone.") % {"phone": settings.LANDLORD_PHONE}
    )
    lines.append("")
    for question in printed.questions:
        lines.append(f"{question.number}. {question.text}")
        if question.hint:
            lines.append(f"   {question.hint}")
        if question.routing:
            lines.append(f"   ({question.routing})")
        if question.tick:
            lines.append(f"   {question.tick}")
        lines += [f"   - {option}" for option in question.options]
        lines += ["   " + _("Your answer:"), ""]
    return "\n".join(lines) + "\n"
