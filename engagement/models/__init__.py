from .communication import DIGITAL_CHANNELS, Channel, CommunicationPreference, Format
from .equality import EqualityProfile
from .people import Household, Resident
from .places import Home, Region, SchemeType

__all__ = [
    "DIGITAL_CHANNELS",
    "Channel",
    "CommunicationPreference",
    "Format",
    "EqualityProfile",
    "Home",
    "Household",
    "Region",
    "Resident",
    "SchemeType",
]
