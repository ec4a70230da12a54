from .definitions import Question, SampleMethod, Survey, SurveyApproach, SurveyVersion
from .invitations import Invitation, InvitationChannel
from .responses import Answer, AnswerChange, Response

__all__ = [
    "Answer",
    "AnswerChange",
    "Invitation",
    "InvitationChannel",
    "Question",
    "Response",
    "SampleMethod",
    "Survey",
    "SurveyApproach",
    "SurveyVersion",
]
