from .definitions import Question, SampleMethod, Survey, SurveyApproach, SurveyVersion, WeightingCharacteristic
from .deliveries import Delivery, DeliveryKind, DeliveryStatus, PrintBatch
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
    "PrintBatch",
    "Question",
    "Response",
    "SampleMethod",
    "Survey",
    "SurveyApproach",
    "WeightingCharacteristic",
    "SetAsideDraft",
    "SurveyVersion",
]
