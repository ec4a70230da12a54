from .activities import (
    DIMENSION_LABELS,
    DIMENSIONS,
    ActivityKind,
    AnonymousCount,
    EngagementActivity,
    EqualityImpactAssessment,
    OutreachSuggestion,
)
from .adjustments import AdjustmentStatus, ReasonableAdjustment
from .audit import AppendOnly, AuditAction, AuditEntry, AuditSubject
from .communication import DIGITAL_CHANNELS, Channel, CommunicationPreference, Format
from .contact_details import ContactDetails, DetailSource
from .contacts import (
    IN_THE_HOME,
    Contact,
    ContactChannel,
    ContactPrompt,
    ContactRole,
    EqualityOutcome,
    FollowUp,
    Happiness,
    HeatingAnswer,
    Prompt,
    YesNo,
)
from .equality import EqualityProfile
from .imports import ImportBatch, ImportKind
from .language import LanguageFlag, LanguageRule, LanguageSource
from .needs import NeedCategory, SupportNeed
from .panels import (
    AccessArrangement,
    ActionStatus,
    MeetingFormat,
    MemberRole,
    PanelMeeting,
    PanelMembership,
    Recommendation,
    Response,
    ReviewEvidence,
    ScrutinyPanel,
    ScrutinyReview,
)
from .people import Household, Resident
from .places import Home, Region, SchemeType
from .restrictions import ContactRestriction, RestrictionKind
from .shortlists import PanelShortlist, ShortlistInvitee

__all__ = [
    "ContactDetails",
    "DetailSource",
    "IN_THE_HOME",
    "Contact",
    "ContactChannel",
    "ContactPrompt",
    "ContactRole",
    "EqualityOutcome",
    "FollowUp",
    "Happiness",
    "HeatingAnswer",
    "Prompt",
    "YesNo",
    "LanguageFlag",
    "LanguageRule",
    "LanguageSource",
    "DIGITAL_CHANNELS",
    "DIMENSIONS",
    "DIMENSION_LABELS",
    "AccessArrangement",
    "ActionStatus",
    "ActivityKind",
    "AdjustmentStatus",
    "AnonymousCount",
    "AppendOnly",
    "AuditAction",
    "AuditEntry",
    "AuditSubject",
    "Channel",
    "CommunicationPreference",
    "ContactRestriction",
    "EngagementActivity",
    "EqualityImpactAssessment",
    "EqualityProfile",
    "Format",
    "Home",
    "Household",
    "ImportBatch",
    "ImportKind",
    "MeetingFormat",
    "MemberRole",
    "NeedCategory",
    "OutreachSuggestion",
    "PanelMeeting",
    "PanelMembership",
    "PanelShortlist",
    "ReasonableAdjustment",
    "Recommendation",
    "Region",
    "Resident",
    "Response",
    "RestrictionKind",
    "ReviewEvidence",
    "SchemeType",
    "ScrutinyPanel",
    "ScrutinyReview",
    "ShortlistInvitee",
    "SupportNeed",
]
