from django.utils.translation import gettext_lazy as _

from inequities import families
from inequities.dashboards.base import Dashboard

DASHBOARD = Dashboard(
    families.ADJUSTMENTS,
    _("Reasonable adjustments"),
    _("Of the reasonable adjustments residents asked for, how many are now in place, for each group."),
)
