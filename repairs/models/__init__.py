from repairs.choices import (
    OPEN_STATUSES,
    AppointmentOutcome,
    AsbChannel,
    Category,
    Channel,
    CheckType,
    ComplaintCategory,
    Finding,
    Hazard,
    Outcome,
    Priority,
    Slot,
    Status,
)
from repairs.clocks import EXTENSION_LIMIT_WORKING_DAYS

from .complaints import (
    Complaint,
    ComplaintCategoryChange,
    ComplaintCategoryTag,
    ComplaintStage,
    DiscriminationAllegation,
)
from .complaints_report import CODE_SECTIONS, ComplaintsAnnualReport
from .landlord import AsbCase, ComplianceCheck, DecencyRecord
from .repairs import Appointment, RepairRequest

__all__ = [
    "CODE_SECTIONS",
    "EXTENSION_LIMIT_WORKING_DAYS",
    "OPEN_STATUSES",
    "Appointment",
    "AppointmentOutcome",
    "AsbCase",
    "AsbChannel",
    "Category",
    "CheckType",
    "Channel",
    "Complaint",
    "ComplaintCategory",
    "ComplaintCategoryChange",
    "ComplaintCategoryTag",
    "ComplaintStage",
    "ComplaintsAnnualReport",
    "ComplianceCheck",
    "DecencyRecord",
    "DiscriminationAllegation",
    "Finding",
    "Hazard",
    "Outcome",
    "Priority",
    "RepairRequest",
    "Slot",
    "Status",
]
