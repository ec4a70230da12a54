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
from .equality import EqualityProfile
from .needs import NeedCategory, SupportNeed
from .panels import (
    AccessArrangement,
    ActionStatus,
    MeetingFormat,
    MemberRole,
    PanelMeeting,
    PanelMembership,
    PanelWriting,
    PanelWritingKind,
    Recommendation,
    Response,
    ReviewEvidence,
    ScrutinyPanel,
    ScrutinyReview,
)
from .people import Household, Resident, current_tenancy
from .places import Home, Region, SchemeType
from .restrictions import ContactRestriction, RestrictionKind
from .shortlists import PanelShortlist, ShortlistInvitee

__all__ = [
    "ContactDetails",
    "DetailSource",
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
    "MeetingFormat",
    "MemberRole",
    "NeedCategory",
    "OutreachSuggestion",
    "PanelMeeting",
    "PanelMembership",
    "PanelShortlist",
    "PanelWriting",
    "PanelWritingKind",
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
    "current_tenancy",
]
