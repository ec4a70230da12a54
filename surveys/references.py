"""The questionnaire reference printed on a paper form, and reading it back when the form returns.

"S3-2170-4": the survey (3), the invitation (2170) and a check digit (Damm's algorithm, which catches
every single wrong digit and every swap of two neighbouring digits), so a reference typed wrong is
refused rather than matched to someone else. Only digits besides the leading S, so nothing on the
form can be misread: reading it back ignores case and spaces, takes any dash, and reads O as 0, I
and L as 1, and a leading 5 as the S it may have been taken for.
"""

import re

from surveys.models import Invitation

DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)
MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1", "–": "-", "—": "-", "‐": "-", "‑": "-", "_": "-"})
SHAPE = re.compile(r"(\d+)-(\d+)-(\d)")


def check_digit(digits):
    interim = 0
    for digit in digits:
        interim = DAMM[interim][int(digit)]
    return interim


def questionnaire_reference(invitation):
    """The reference printed on this invitation's paper form."""
    number = f"{invitation.survey_id}{invitation.pk}"
    return f"S{invitation.survey_id}-{invitation.pk}-{check_digit(number)}"


def read(text):
    """(survey id, invitation id) from a reference as typed, or None when it is not a valid one."""
    text = re.sub(r"\s+", "", text.upper()).translate(MISREAD)
    candidates = [text[1:]] if text.startswith("S") else [text, text[1:]] if text.startswith("5") else [text]
    for candidate in candidates:
        match = SHAPE.fullmatch(candidate.lstrip("-"))
        if match and check_digit(match[1] + match[2]) == int(match[3]):
            return int(match[1]), int(match[2])
    return None


def invitations_by_reference(survey, references):
    """{reference as given: invitation to `survey`} for the references that name one."""
    read_back = {text: read(text) for text in references}
    wanted = {found[1] for found in read_back.values() if found and found[0] == survey.pk}
    invitations = {
        invitation.pk: invitation
        for invitation in Invitation.objects.filter(survey=survey, pk__in=wanted).select_related(
            "resident__household__home"
        )
    }
    return {
        text: invitations[found[1]]
        for text, found in read_back.items()
        if found and found[0] == survey.pk and found[1] in invitations
    }
