from celery import shared_task
from django.conf import settings
from django.dispatch import receiver

from core.jobs import RELIABLE, send
from surveys import sending, transactional
from surveys.channels import TryAgain


@shared_task(**RELIABLE)
def invite_after_repairs():
    """Daily: invite residents whose repair has just been completed.

    Safe twice: a resident is invited once per repair (invitations_create skips those already invited).
    """
    return transactional.invite_after_repairs()


@shared_task(bind=True, **RELIABLE, rate_limit=settings.SURVEY_SEND_RATE_LIMIT)
def send_delivery(self, delivery_id):
    """Send one invitation or reminder by email or text.

    Safe twice: the delivery is claimed with a conditional UPDATE before sending (surveys/sending.py),
    so a second copy finds nothing to send. When the mail server or Notify is unavailable, tried
    again later (about 2, 4, 8... seconds apart), then marked failed with the last reason.
    """
    try:
        return sending.delivery_send(delivery_id=delivery_id)
    except TryAgain as error:
        if self.request.retries >= settings.SURVEY_SEND_RETRIES:
            sending.delivery_give_up(delivery_id=delivery_id, detail=str(error))
            return "failed"
        # In-process (no broker), Celery runs the retry at once only if it is returned, not raised.
        eager = bool(self.request.is_eager)
        retry = self.retry(exc=error, countdown=min(300, 2 ** (self.request.retries + 1)), throw=not eager)
        return retry


@shared_task(**RELIABLE)
def send_reminders():
    """Daily: one reminder to each resident invited SURVEY_REMINDER_DAYS ago who has not answered.

    Safe twice: an invitation has at most one reminder (a unique constraint).
    """
    return dict(sending.reminders_queue(days=settings.SURVEY_REMINDER_DAYS))


@shared_task(**RELIABLE)
def check_text_deliveries():
    """Every 15 minutes: ask the text provider whether sent texts arrived. Safe twice: it only reads
    the provider's status and writes it down."""
    return sending.deliveries_check()


@receiver(sending.deliveries_queued, dispatch_uid="surveys.send_queued_deliveries")
def send_queued_deliveries(sender, ids, **kwargs):
    """Hand each queued delivery to the broker. If it does not answer, stop: the deliveries stay
    queued, and the next send_invitations (or press of the button) queues them again."""
    for pk in ids:
        if not send(send_delivery, pk):
            return
