from django.utils.translation import gettext_lazy as _

from inequities import families
from inequities.dashboards.base import Dashboard

DASHBOARD = Dashboard(
    families.REPAIRS,
    _("Repairs outcomes by group"),
    _(
        "Whether repairs are done on time, done right first time and kept to their appointments, and whether "
        "homes have their safety checks done and meet the Decent Homes Standard, for each group."
    ),
)
