from .choices import (
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
from .complaints import Complaint, ComplaintCategoryTag, ComplaintStage, DiscriminationAllegation
from .repairs import Appointment, RepairRequest

__all__ = [
    "OPEN_STATUSES",
    "Appointment",
    "AppointmentOutcome",
    "Category",
    "Channel",
    "Complaint",
    "ComplaintCategory",
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
