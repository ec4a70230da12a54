from .complaints import (
    AllegationForm,
    ComplaintCategoriesForm,
    ComplaintCloseForm,
    ComplaintEscalateForm,
    ComplaintFilterForm,
    ComplaintRaiseForm,
    ComplaintStageForm,
)
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
    "HomeLookupForm",
    "RepairFilterForm",
    "RepairRaiseForm",
    "RepairUpdateForm",
    "ResidentRepairForm",
    "VisitOutcomeForm",
]
