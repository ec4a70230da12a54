"""The service navigation. An item shows only to people the linked page's own declaration allows."""

from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _

# (label, URL name). Later features add their main pages here.
ITEMS = [
    (_("Home"), "home"),
    (_("Find a resident"), "resident_search"),
    (_("Reviews due"), "reviews_due"),
    (_("Your patch"), "patch"),
    (_("Your contact preferences"), "my_preferences"),
    (_("Imports"), "import_start"),
    (_("Your surveys"), "surveys:mine"),
    (_("Surveys"), "surveys:index"),
    (_("Today's jobs"), "repairs:jobs"),
    (_("Repairs"), "repairs:list"),
    (_("Complaints"), "repairs:complaints"),
    (_("Your repairs"), "repairs:mine"),
    (_("Scrutiny panels"), "panel_list"),
    (_("Engagement"), "activity_list"),
    (_("Representation"), "representation"),
    (_("Dashboards"), "inequities:dashboards"),
    (_("Signals"), "inequities:signals"),
    (_("Figures"), "inequities:figures"),
]


def items_for(request):
    user = request.user
    if not user.is_authenticated:
        return []
    shown = []
    for label, url_name in ITEMS:
        url = reverse(url_name)
        if resolve(url).func.access.allows(user):
            shown.append({"label": label, "url": url, "current": False})
    # The current item is the one whose address is the longest start of this page's address.
    matching = [
        item
        for item in shown
        if request.path == item["url"] or (item["url"] != "/" and request.path.startswith(item["url"]))
    ]
    if matching:
        max(matching, key=lambda item: len(item["url"]))["current"] = True
    return shown
