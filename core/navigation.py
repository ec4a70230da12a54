"""The service navigation. An item shows only to people the linked page's own declaration allows."""

from functools import cache

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
    (_("Complaints report"), "repairs:complaints_report"),
    (_("Your repairs"), "repairs:mine"),
    (_("Scrutiny panels"), "panel_list"),
    (_("Engagement"), "activity_list"),
    (_("Representation"), "representation"),
    (_("Dashboards"), "inequities:dashboards"),
    (_("Signals"), "inequities:signals"),
    (_("Figures"), "inequities:figures"),
]


@cache
def _pages():
    """[(label, address, the page's declaration)]: the addresses never change while the app runs,
    so they are reversed and resolved once (on every page, that was a tenth of its time)."""
    return [(label, reverse(name), resolve(reverse(name)).func.access) for label, name in ITEMS]


def items_for(request):
    user = request.user
    if not user.is_authenticated:
        return []
    shown = [{"label": label, "url": url, "current": False} for label, url, access in _pages() if access.allows(user)]
    # The current item is the one whose address is the longest start of this page's address.
    matching = [
        item
        for item in shown
        if request.path == item["url"] or (item["url"] != "/" and request.path.startswith(item["url"]))
    ]
    if matching:
        max(matching, key=lambda item: len(item["url"]))["current"] = True
    return shown
