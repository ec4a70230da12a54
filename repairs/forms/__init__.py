from .complaints import (
    AllegationForm,
    ComplaintCategoriesForm,
    ComplaintCloseForm,
    ComplaintEscalateForm,
    ComplaintFilterForm,
    ComplaintRaiseForm,
    ComplaintStageForm,
)
from .complaints_report import ComplaintsReportForm
from .repairs import (
    AppointmentForm,
    HomeLookupForm,
    RepairFilterForm,
    RepairRaiseForm,
    RepairUpdateForm,
    ResidentRepairForm,
    VisitOutcomeForm,
)

__all__ = [
    "AllegationForm",
    "AppointmentForm",
    "ComplaintCategoriesForm",
    "ComplaintCloseForm",
    "ComplaintEscalateForm",
    "ComplaintFilterForm",
    "ComplaintRaiseForm",
    "ComplaintStageForm",
    "ComplaintsReportForm",
    "HomeLookupForm",
    "RepairFilterForm",
    "RepairRaiseForm",
    "RepairUpdateForm",
    "ResidentRepairForm",
    "VisitOutcomeForm",
]
