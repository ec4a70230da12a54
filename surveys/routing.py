"""Which questions a resident is asked, given their home and their answers so far.

The TSM filters work like this: TP02/TP03 follow a "repair in the last 12 months?" question, TP09 a
"complained in the last 12 months?" question, TP10 only homes with landlord-maintained communal
areas, and TP02-TP04 only rented homes (LCRA).
"""

from surveys.choices import AskedOf


def is_asked(question, answers, home):
    """`answers` maps question code to the stored value."""
    if question.asked_of == AskedOf.RENTED and home.is_low_cost_home_ownership:
        return False
    if question.asked_of == AskedOf.COMMUNAL_AREAS and not home.has_communal_areas:
        return False
    if question.asked_if_code:
        given = answers.get(question.asked_if_code, "")
        return question.asked_if_answer in given.split(";")
    return True


def questions_asked(questions, answers, home):
    return [question for question in questions if is_asked(question, answers, home)]
