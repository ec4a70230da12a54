from .definitions import Question, Survey, SurveyVersion
from .deliveries import Delivery, DeliveryKind, DeliveryStatus
from .invitations import Invitation, InvitationChannel
from .responses import Answer, Response

__all__ = [
    "Delivery",
    "DeliveryKind",
    "DeliveryStatus",
    "Answer",
    "Invitation",
    "InvitationChannel",
    "Question",
    "Response",
    "Survey",
    "SurveyVersion",
]
