from django.utils.translation import gettext_lazy as _

from inequities import families
from inequities.dashboards.base import Dashboard

DASHBOARD = Dashboard(
    families.DISSATISFACTION,
    _("Dissatisfaction by group"),
    _("How many residents in each group told us they were dissatisfied, compared with everyone else."),
)
