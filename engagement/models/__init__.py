from .adjustments import AdjustmentStatus, ReasonableAdjustment
from .audit import AppendOnly, AuditAction, AuditEntry, AuditSubject
from .communication import DIGITAL_CHANNELS, Channel, CommunicationPreference, Format
from .equality import EqualityProfile
from .imports import ImportBatch, ImportKind
from .needs import NeedCategory, SupportNeed
from .people import Household, Resident
from .places import Home, Region, SchemeType
from .restrictions import ContactRestriction, RestrictionKind

__all__ = [
    "DIGITAL_CHANNELS",
    "AdjustmentStatus",
    "AppendOnly",
    "AuditAction",
    "AuditEntry",
    "AuditSubject",
    "Channel",
    "CommunicationPreference",
    "ContactRestriction",
    "EqualityProfile",
    "Format",
    "Home",
    "Household",
    "ImportBatch",
    "ImportKind",
    "NeedCategory",
    "ReasonableAdjustment",
    "Region",
    "Resident",
    "RestrictionKind",
    "SchemeType",
    "SupportNeed",
]
