from .definitions import Question, Survey, SurveyVersion
from .invitations import Invitation, InvitationChannel
from .responses import Answer, AnswerChange, Response

__all__ = [
    "Answer",
    "AnswerChange",
    "Invitation",
    "InvitationChannel",
    "Question",
    "Response",
    "Survey",
    "SurveyVersion",
]
