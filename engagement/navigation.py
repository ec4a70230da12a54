"""The service navigation. An item shows only to people the linked page's own declaration allows."""

from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _

# (label, URL name). Later features add their main pages here.
ITEMS = [
    (_("Home"), "home"),
    (_("Your surveys"), "surveys:mine"),
    (_("Surveys"), "surveys:index"),
]


def items_for(request):
    user = request.user
    if not user.is_authenticated:
        return []
    shown = []
    for label, url_name in ITEMS:
        url = reverse(url_name)
        if resolve(url).func.access.allows(user):
            current = request.path == url or (url != "/" and request.path.startswith(url))
            shown.append({"label": label, "url": url, "current": current})
    return shown
