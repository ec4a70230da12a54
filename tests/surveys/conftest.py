# The sending tests' real servers (an SMTP server, a stand-in for GOV.UK Notify) as fixtures.
from tests.surveys.delivery_helpers import jobs_in_process, notify, smtp_server

__all__ = ["jobs_in_process", "notify", "smtp_server"]
