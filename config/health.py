"""/healthz: does the database answer, and does the task broker answer?"""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse

from config.celery import app as celery_app
from core.access import public_page

BROKER_TIMEOUT_SECONDS = 2


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def broker_state():
    """'eager' when tasks run in-process (no broker to need), else 'ok' or 'unreachable'."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    try:
        with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=0, timeout=BROKER_TIMEOUT_SECONDS)
        return "ok"
    except Exception:
        return "unreachable"


@public_page(html=False)
def healthz(request):
    database = "ok" if database_ok() else "unreachable"
    broker = broker_state()
    healthy = database == "ok" and broker in ("ok", "eager")
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", "database": database, "broker": broker},
        status=200 if healthy else 503,
    )
