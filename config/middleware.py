"""Answers for when a service the app depends on is away for a moment."""

import logging
import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger("django.request")
RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    """The database cannot be reached (PostgreSQL restarting or failing over, a lock timeout):
    answer 503 with Retry-After and a page saying to try again, not a 500 "problem with the service".

    The error is still logged. The page is drawn without the database (no request context), and the
    next request reconnects by itself (CONN_HEALTH_CHECKS). Tests: tests/reliability/test_database_faults.py.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=exception)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


def server_error(request):
    """The 500 handler (config/urls.py). A database error raised outside a view (the session saved
    after it, say, while PostgreSQL restarts) reaches Django's own error handling rather than
    DatabaseUnavailableMiddleware: it, too, is the "try again" page with 503, not a 500."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)
