from .definitions import Question, SampleMethod, Survey, SurveyApproach, SurveyVersion, WeightingCharacteristic
from .deliveries import Delivery, DeliveryKind, DeliveryStatus, PrintBatch
from .invitations import Invitation, InvitationChannel
from .published import LandlordType, PeerRegion, PublishedMeasure, SizeBand
from .responses import Answer, AnswerChange, Response, SetAsideDraft

__all__ = [
    "Answer",
    "AnswerChange",
    "Delivery",
    "DeliveryKind",
    "DeliveryStatus",
    "Invitation",
    "InvitationChannel",
    "LandlordType",
    "PeerRegion",
    "PrintBatch",
    "PublishedMeasure",
    "Question",
    "Response",
    "SampleMethod",
    "Survey",
    "SurveyApproach",
    "WeightingCharacteristic",
    "SetAsideDraft",
    "SizeBand",
    "SurveyVersion",
]
