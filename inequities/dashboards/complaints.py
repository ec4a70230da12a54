from django.utils.translation import gettext_lazy as _

from inequities import families
from inequities.dashboards.base import Dashboard

DASHBOARD = Dashboard(
    families.COMPLAINTS,
    _("Complaints"),
    _(
        "How many complaints each group makes per 1,000 households and how many are answered in time, and how "
        "many anti-social behaviour cases are opened per 1,000 homes, compared with everyone else."
    ),
)
