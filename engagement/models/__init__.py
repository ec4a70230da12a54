from .equality import EqualityProfile
from .people import Household, Resident
from .places import Home, Region, SchemeType

__all__ = ["EqualityProfile", "Home", "Household", "Region", "Resident", "SchemeType"]
