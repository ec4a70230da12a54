"""Which questions a resident is asked, given their home and their answers so far.

The TSM filters work like this: TP02/TP03 follow a "repair in the last 12 months?" question, TP09 a
"complained in the last 12 months?" question, TP10 only homes with landlord-maintained communal
areas (or where we do not know), and TP02-TP04 only rented homes (LCRA).
"""

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
