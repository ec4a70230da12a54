"""Core's models keep the tables they had in engagement (db_table)."""

from .imports import ImportBatch
from .language import LanguageRule, LanguageSource
from .sessions import SignOutEverywhere

__all__ = ["ImportBatch", "LanguageRule", "LanguageSource", "SignOutEverywhere"]
