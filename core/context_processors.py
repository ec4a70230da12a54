from django.conf import settings

from core.navigation import items_for
from core.roles import role_of


def layout(request):
    return {
        "landlord_name": settings.LANDLORD_NAME,
        "service_name": settings.SERVICE_NAME,
        # The service's name is written in the site's language: marked so on a page in another.
        "service_name_language": settings.LANGUAGE_CODE,
        "navigation": items_for(request),
        "role": role_of(request.user) if hasattr(request, "user") else None,
    }
