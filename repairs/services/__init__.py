"""Writes that touch more than one model. Views, commands and tasks all call these."""

from .complaints import complaint_categories_correct, complaint_close, complaint_escalate, complaint_raise
from .complaints_report import complaints_report_record
from .imports import RepairsImport
from .repairs import find_recalled_repair, repair_fixed_at_visit, repair_raise, repair_record_visit

__all__ = [
    "RepairsImport",
    "complaint_categories_correct",
    "complaint_close",
    "complaint_escalate",
    "complaint_raise",
    "complaints_report_record",
    "find_recalled_repair",
    "repair_fixed_at_visit",
    "repair_raise",
    "repair_record_visit",
]
