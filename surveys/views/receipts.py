"""Delivery receipts from text-message providers: GOV.UK Notify's callbacks."""

import hmac
import json

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.access import public_page
from surveys import sending
from surveys.channels.text import NOTIFY_STATUSES


def _bearer_matches(request, token):
    given = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


@public_page(post_only=True, html=False)
@csrf_exempt
@require_POST
def notify_receipt(request):
    """Notify posts {"id": ..., "status": "delivered", ...} with the bearer token we gave it
    (NOTIFY_CALLBACK_TOKEN). Anything without that token is refused and changes nothing."""
    if not _bearer_matches(request, settings.NOTIFY_CALLBACK_TOKEN):
        return HttpResponseForbidden("Wrong or missing token.")
    try:
        receipt = json.loads(request.body)
        reference, status = str(receipt["id"]), receipt["status"]
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("Expected Notify's JSON with an id and a status.")
    if status in NOTIFY_STATUSES:
        sending.delivery_report(provider_reference=reference, status=NOTIFY_STATUSES[status])
    return HttpResponse(status=204)
