"""Which questions a resident is asked, given their home and their answers so far.

The TSM filters work like this: TP02/TP03 follow a "repair in the last 12 months?" question, TP09 a
"complained in the last 12 months?" question, TP10 only homes with landlord-maintained communal
areas (or where we do not know), and TP02-TP04 only rented homes (LCRA).
"""

from django.utils.translation import gettext as _

from surveys.choices import AskedOf


def is_asked(question, answers, home):
    """`answers` maps question code to the stored value."""
    return _asked_of_home(question, home) and _asked_after(question, answers)


def is_kept(question, answers, home):
    """Whether an answer to `question` is kept. An answer to a question that feeds no measure (a
    filter question like REPAIR_12M) is kept even from a home the routing would not ask: an agency
    may ask it of everyone, and it is what the resident said. Measures leave such answers out."""
    if is_asked(question, answers, home):
        return True
    return not question.tsm_measure and _asked_after(question, answers)


def _asked_of_home(question, home):
    if question.asked_of == AskedOf.RENTED and home.is_low_cost_home_ownership:
        return False
    return not (question.asked_of == AskedOf.COMMUNAL_AREAS and home.has_communal_areas is False)


def _asked_after(question, answers):
    if question.asked_if_code:
        given = answers.get(question.asked_if_code, "")
        return question.asked_if_answer in given.split(";")
    return True


def questions_asked(questions, answers, home):
    return [question for question in questions if is_asked(question, answers, home)]


def routing_problem(*, code, asked_if_code, asked_if_answer, questions):
    """Why "ask only if `asked_if_code` was answered `asked_if_answer`" cannot work for question
    `code`, in words, or "" when it can. `questions` are the version's questions in the order asked,
    with `code` already in its place (or not yet there: a new question goes last).

    A question may depend only on a question asked before it: anything else would never be asked."""
    if not asked_if_code:
        return ""
    if asked_if_code == code:
        return _("A question cannot depend on its own answer.")
    codes = [question.code for question in questions]
    if asked_if_code not in codes:
        return _("There is no question %(code)s in this survey.") % {"code": asked_if_code}
    own = codes.index(code) if code in codes else len(codes)
    if codes.index(asked_if_code) > own:
        return _("Question %(code)s comes after this one: a question can only depend on an earlier question.") % {
            "code": asked_if_code
        }
    earlier = questions[codes.index(asked_if_code)]
    values = [value for value, _label in earlier.choices_in("en")] if earlier.has_choices else []
    if not asked_if_answer:
        return _("Say which answer to %(code)s means this question is asked.") % {"code": asked_if_code}
    if earlier.has_choices and asked_if_answer not in values:
        return _("%(code)s has no answer “%(answer)s”. Its answers are: %(values)s.") % {
            "code": asked_if_code,
            "answer": asked_if_answer,
            "values": ", ".join(values),
        }
    return ""


def order_problem(questions):
    """The first routing the order `questions` would break, in words, or "" when there is none."""
    for question in questions:
        problem = routing_problem(
            code=question.code,
            asked_if_code=question.asked_if_code,
            asked_if_answer=question.asked_if_answer,
            questions=questions,
        )
        if problem:
            return f"{question.code}: {problem}"
    return ""
