"""Text messages through one small provider interface; GOV.UK Notify is the one built in.

A housing association that cannot use Notify writes a class with the same three methods and names it
in SURVEY_TEXT_PROVIDER. With no provider configured, texts wait (status "waiting"): nothing
pretends to have been sent.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from surveys.channels.base import Channel, Outcome, TryAgain, details_of
from surveys.models import DeliveryStatus

# Notify's statuses (docs.notifications.service.gov.uk, "Get message status") in our words.
NOTIFY_STATUSES = {
    "delivered": DeliveryStatus.DELIVERED,
    "permanent-failure": DeliveryStatus.BOUNCED,
    "temporary-failure": DeliveryStatus.FAILED,
    "technical-failure": DeliveryStatus.FAILED,
    "validation-failed": DeliveryStatus.FAILED,
}


class NotifyProvider:
    """GOV.UK Notify, through its own client (notifications-python-client)."""

    def not_ready(self):
        if not settings.NOTIFY_API_KEY:
            return "No text-message provider is set up: NOTIFY_API_KEY is not set."
        if not settings.NOTIFY_SMS_TEMPLATE_ID:
            return "NOTIFY_SMS_TEMPLATE_ID is not set."
        return ""

    def _client(self):
        from notifications_python_client.notifications import NotificationsAPIClient

        return NotificationsAPIClient(settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL, timeout=20)

    def send_text(self, *, number, personalisation, reference):
        from notifications_python_client.errors import APIError

        try:
            sent = self._client().send_sms_notification(
                phone_number=number,
                template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
                personalisation=personalisation,
                reference=reference,
            )
        except APIError as error:
            # 400 and 403 will not get better by trying again (a bad number, key or template).
            if error.status_code in (400, 403):
                return Outcome(DeliveryStatus.FAILED, f"GOV.UK Notify refused it: {error}"[:300])
            raise TryAgain(f"GOV.UK Notify did not take it: {error}") from error
        return Outcome(DeliveryStatus.SENT, provider_reference=sent["id"])

    def check(self, provider_reference):
        from notifications_python_client.errors import APIError

        try:
            found = self._client().get_notification_by_id(provider_reference)
        except APIError:
            return None
        return NOTIFY_STATUSES.get(found.get("status"))


def provider():
    return import_string(settings.SURVEY_TEXT_PROVIDER)()


class TextChannel(Channel):
    code = "text"
    sends_itself = True

    def address(self, resident):
        details = details_of(resident)
        return details.mobile_phone if details else ""

    def not_ready(self):
        return provider().not_ready()

    def send(self, message):
        personalisation = {
            "name": message.name,
            "survey": message.survey_title,
            "link": message.link,
            "phone": settings.LANDLORD_PHONE,
            # The whole text in the resident's language, for a template of just ((message)).
            "message": message.short_text,
        }
        return provider().send_text(number=message.to, personalisation=personalisation, reference=message.reference)

    def check(self, provider_reference):
        return provider().check(provider_reference)
