from repairs.choices import (
    OPEN_STATUSES,
    AppointmentOutcome,
    Category,
    Channel,
    ComplaintCategory,
    Finding,
    Hazard,
    Outcome,
    Priority,
    Slot,
    Status,
)

from .complaints import (
    EXTENSION_LIMIT_WORKING_DAYS,
    Complaint,
    ComplaintCategoryChange,
    ComplaintCategoryTag,
    ComplaintStage,
    DiscriminationAllegation,
)
from .repairs import Appointment, RepairRequest

__all__ = [
    "EXTENSION_LIMIT_WORKING_DAYS",
    "OPEN_STATUSES",
    "Appointment",
    "AppointmentOutcome",
    "Category",
    "Channel",
    "Complaint",
    "ComplaintCategory",
    "ComplaintCategoryChange",
    "ComplaintCategoryTag",
    "ComplaintStage",
    "DiscriminationAllegation",
    "Finding",
    "Hazard",
    "Outcome",
    "Priority",
    "RepairRequest",
    "Slot",
    "Status",
]
