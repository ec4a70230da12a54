"""Email through Django's email backend: SMTP from EMAIL_HOST etc., or any backend (anymail) named
by EMAIL_BACKEND. One connection per message keeps a failure to the one message it hit."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from surveys.channels.base import Channel, Outcome, TryAgain, details_of
from surveys.models import DeliveryStatus

# Backends that accept a message and deliver it to nobody: a delivery through one is never "sent".
NOT_DELIVERING = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


def _permanent(code):
    return 500 <= code < 600


class EmailChannel(Channel):
    code = "email"
    sends_itself = True

    def address(self, resident):
        details = details_of(resident)
        return details.email if details else ""

    def not_ready(self):
        if settings.EMAIL_BACKEND in NOT_DELIVERING:
            return "No mail server is set up (EMAIL_HOST), so an email would only be written to the server's log."
        return ""

    def send(self, message):
        email = EmailMultiAlternatives(
            subject=message.subject,
            body=message.text,
            to=[message.to],
            headers={"Content-Language": message.language, "X-Delivery-Reference": message.reference},
        )
        email.attach_alternative(message.html, "text/html")
        try:
            email.send()
        except ValueError as error:
            # BadHeaderError (a line break in the subject) and an address Django cannot use are
            # ValueErrors: trying again sends the same message, so the delivery fails with the reason.
            return Outcome(DeliveryStatus.FAILED, f"Not sent: the message could not be made ({error})."[:300])
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _text in error.recipients.values()]
            if codes and all(_permanent(code) for code in codes):
                return Outcome(DeliveryStatus.BOUNCED, _describe(error.recipients[message.to]))
            raise TryAgain(f"The mail server refused the address for now: {error.recipients}") from error
        except smtplib.SMTPResponseException as error:
            if _permanent(error.smtp_code):
                return Outcome(DeliveryStatus.FAILED, _describe((error.smtp_code, error.smtp_error)))
            raise TryAgain(f"The mail server said {error.smtp_code}: try again later") from error
        except (smtplib.SMTPException, OSError) as error:
            raise TryAgain(f"The mail server could not be reached: {error}") from error
        return Outcome(DeliveryStatus.SENT)


def _describe(code_and_text):
    code, text = code_and_text
    text = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"The mail server said {code}: {text}"[:300]
