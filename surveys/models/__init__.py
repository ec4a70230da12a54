from .definitions import Question, SampleMethod, Survey, SurveyApproach, SurveyVersion
from .deliveries import Delivery, DeliveryKind, DeliveryStatus
from .invitations import Invitation, InvitationChannel
from .responses import Answer, AnswerChange, Response, SetAsideDraft

__all__ = [
    "Answer",
    "AnswerChange",
    "Delivery",
    "DeliveryKind",
    "DeliveryStatus",
    "Invitation",
    "InvitationChannel",
    "Question",
    "Response",
    "SampleMethod",
    "Survey",
    "SurveyApproach",
    "SetAsideDraft",
    "SurveyVersion",
]
