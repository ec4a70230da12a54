from django.utils.translation import gettext_lazy as _

from inequities import families
from inequities.dashboards.base import Dashboard

DASHBOARD = Dashboard(
    families.REPRESENTATION,
    _("Representation"),
    _(
        "Each group's share of scrutiny panel members and of the people who took part in engagement, against "
        "its share of residents."
    ),
)
