"""Real servers for the sending tests: an SMTP server (aiosmtpd) and a stand-in for GOV.UK Notify's
HTTP API, both on local ports, plus a fixture that runs background jobs in the test's own process."""

import email
import json
import socket
import threading
import time
import uuid
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from aiosmtpd.controller import Controller

from config.celery import app as celery_app


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """Keeps every message the SMTP server accepts. `refuse_next` answers that many DATA commands
    with 421 (try again later); an address starting "nobody" is refused with 550 (no such mailbox)."""

    def __init__(self):
        self.messages, self.refuse_next, self.lock = [], 0, threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd's name
        if address.startswith("nobody"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        with self.lock:
            if self.refuse_next:
                self.refuse_next -= 1
                return "421 4.3.2 Too busy, try again later"
            self.messages.append(email.message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


@pytest.fixture
def jobs_in_process(django_capture_on_commit_callbacks):
    """Background jobs run here and now (as with no broker), after the transaction that queued them."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield django_capture_on_commit_callbacks
    celery_app.conf.task_always_eager = before


# GOV.UK Notify ------------------------------------------------------------------------------------

SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"test_key-{SERVICE_ID}-{SECRET}"
TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"


class NotifyStandIn:
    """Answers POST /v2/notifications/sms and GET /v2/notifications/<id> as Notify's documentation
    says, after checking the request as Notify does: a JWT (HS256, iss = service id, iat within 30
    seconds) signed with the key's secret, in "Authorization: Bearer ...". Bad requests get Notify's
    error JSON."""

    def __init__(self):
        self.received, self.statuses = [], {}
        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def _handler(self):
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self):
                header = self.headers.get("Authorization", "")
                if not header.startswith("Bearer "):
                    return "Unauthorized: authentication token must be provided"
                try:
                    claims = jwt.decode(header[7:], SECRET, algorithms=["HS256"], options={"require": ["iss", "iat"]})
                except jwt.PyJWTError as error:
                    return f"Invalid token: {error}"
                if claims["iss"] != SERVICE_ID or abs(time.time() - claims["iat"]) > 30:
                    return "Invalid token: service id or time"
                return ""

            def do_POST(self):  # noqa: N802 - http.server's name
                problem = self._authorised()
                if problem:
                    return self._answer(
                        403, {"status_code": 403, "errors": [{"error": "AuthError", "message": problem}]}
                    )
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if self.path != "/v2/notifications/sms" or body.get("template_id") != TEMPLATE_ID:
                    error = {"error": "BadRequestError", "message": "Template not found"}
                    return self._answer(400, {"status_code": 400, "errors": [error]})
                notification_id = str(uuid.uuid4())
                stand_in.received.append(
                    {"id": notification_id, **body, "authorization": self.headers["Authorization"]}
                )
                stand_in.statuses[notification_id] = "sending"
                return self._answer(
                    201,
                    {
                        "id": notification_id,
                        "reference": body.get("reference"),
                        "content": {"body": "…", "from_number": "Northfield"},
                        "uri": f"{stand_in.url}/v2/notifications/{notification_id}",
                        "template": {"id": TEMPLATE_ID, "version": 1, "uri": "…"},
                    },
                )

            def do_GET(self):  # noqa: N802 - http.server's name
                problem = self._authorised()
                if problem:
                    return self._answer(
                        403, {"status_code": 403, "errors": [{"error": "AuthError", "message": problem}]}
                    )
                notification_id = self.path.rsplit("/", 1)[-1]
                if notification_id not in stand_in.statuses:
                    return self._answer(404, {"status_code": 404, "errors": [{"error": "NoResultFound"}]})
                return self._answer(
                    200, {"id": notification_id, "type": "sms", "status": stand_in.statuses[notification_id]}
                )

        return Handler

    def start(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def notify(settings):
    stand_in = NotifyStandIn()
    stand_in.start()
    settings.NOTIFY_API_KEY, settings.NOTIFY_BASE_URL, settings.NOTIFY_SMS_TEMPLATE_ID = (
        API_KEY,
        stand_in.url,
        TEMPLATE_ID,
    )
    yield stand_in
    stand_in.stop()
