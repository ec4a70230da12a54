"""Sending invitations and reminders, one background job per message, each sent at most once.

A job first claims its delivery with one conditional UPDATE (queued -> sending). Only the job whose
UPDATE changed the row sends; a second copy of the job (a retry after a lost acknowledgement, the
button pressed twice, a worker killed and its job handed to another) finds nothing to claim. A
passing failure hands the claim back (sending -> queued) before the job retries. A worker killed
between the claim and the provider's answer leaves the delivery at "sending": it is never sent
again on its own, because we cannot know whether the provider took it; the invitations page shows
it so a person can check.
"""

from collections import Counter
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.dispatch import Signal
from django.utils import timezone

from surveys import reach
from surveys.channels import CHANNELS, TryAgain, channel_for
from surveys.messages import compose
from surveys.models import (
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    Invitation,
    InvitationChannel,
    PrintBatch,
    Response,
)

# Deliveries saved as queued, with `ids`: sent after the commit. surveys/tasks.py hands them to the broker, so
# this module, which the tasks call, never imports the tasks.
deliveries_queued = Signal()


def _answered(invitation="invitation__"):
    """Whether the invitation (reached through `invitation`, '' from an Invitation) has an answer."""
    return Exists(
        Response.objects.filter(
            survey=OuterRef(f"{invitation}survey"),
            resident=OuterRef(f"{invitation}resident"),
            repair_reference=OuterRef(f"{invitation}repair_reference"),
            submitted_at__isnull=False,
        )
    )


# Calls and visits are made by people from their lists: never "queued" for a job that never comes.
ON_A_LIST = {InvitationChannel.PHONE: DeliveryStatus.TO_CALL, InvitationChannel.IN_PERSON: DeliveryStatus.TO_VISIT}
OUTSTANDING = [DeliveryStatus.QUEUED, DeliveryStatus.WAITING, *ON_A_LIST.values()]


def _first_status(channel):
    if channel in ON_A_LIST:
        return ON_A_LIST[channel]
    return DeliveryStatus.WAITING if channel_for(channel).not_ready() else DeliveryStatus.QUEUED


def _queue_jobs(deliveries):
    """Once the deliveries are saved, announce them: surveys/tasks.py hands each one to the broker."""
    ids = [d.pk for d in deliveries if channel_for(d.channel).sends_itself and d.status == DeliveryStatus.QUEUED]
    transaction.on_commit(lambda: deliveries_queued.send(sender=Delivery, ids=ids))


def _due_invitations(survey, invitations=None, channels=None):
    due = (
        Invitation.objects.filter(survey=survey, expires_at__gt=timezone.now())
        .exclude(channel=InvitationChannel.SIGNED_IN)
        .exclude(Exists(Delivery.objects.filter(invitation=OuterRef("pk"), kind=DeliveryKind.INVITATION)))
        .exclude(_answered(""))
    )
    if channels is not None:
        due = due.filter(channel__in=channels)
    return due.filter(pk__in=[i.pk for i in invitations]) if invitations is not None else due


@transaction.atomic
def invitations_queue(*, survey, invitations=None, channels=None):
    """Queue a delivery for each invitation not yet sent (or just `invitations`, or just those by
    `channels`), by its channel.

    Email and text are sent by one background job each; letters wait for the print pack; calls and
    visits go on their lists. Texts wait while no provider is set up, and are queued by a later run
    once one is. Safe to run again: an invitation has one delivery, and a queued one whose job was
    lost is queued again. Returns Counter((channel, status) -> number) of what is now outstanding.
    """
    new = [
        Delivery(invitation_id=pk, channel=channel, status=_first_status(channel))
        for pk, channel in _due_invitations(survey, invitations, channels).values_list("pk", "channel")
    ]
    Delivery.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    outstanding = Delivery.objects.filter(invitation__survey=survey, status__in=OUTSTANDING)
    if invitations is not None:
        outstanding = outstanding.filter(invitation__in=invitations)
    if channels is not None:
        outstanding = outstanding.filter(channel__in=channels)
    for code, channel in CHANNELS.items():
        if channel.sends_itself and not channel.not_ready():  # a mail server or provider set up since
            outstanding.filter(channel=code, status=DeliveryStatus.WAITING).update(status=DeliveryStatus.QUEUED)
    outstanding = list(outstanding.only("pk", "channel", "status"))
    _queue_jobs(outstanding)
    return Counter((d.channel, d.status) for d in outstanding)


WHERE_IT_GOES = {
    "email": "to send",
    "text": "to send",
    "letter": "for the print pack",
    "phone": "on the call list",
    "in_person": "on the visit list",
}


def describe(counts):
    """Lines saying how many invitations went where, per channel, for the command and the page."""
    labels = dict(InvitationChannel.choices)
    lines = []
    for code in WHERE_IT_GOES:
        queued = counts.get((code, ON_A_LIST.get(code, DeliveryStatus.QUEUED)), 0)
        waiting = counts.get((code, DeliveryStatus.WAITING), 0)
        if queued:
            lines.append(f"{labels[code]}: {queued} {WHERE_IT_GOES[code]}")
        if waiting:
            lines.append(f"{labels[code]}: {waiting} waiting. {channel_for(code).not_ready()}")
    return lines or ["Nothing to send: every invitation has gone already."]


def _claim(delivery_id):
    return Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.QUEUED).update(
        status=DeliveryStatus.SENDING, attempts=F("attempts") + 1, status_at=timezone.now()
    )


def _finish(delivery, status, detail="", provider_reference=""):
    fields = {"status": status, "detail": detail[:300], "status_at": timezone.now()}
    if provider_reference:
        fields["provider_reference"] = provider_reference
    if status == DeliveryStatus.SENT:
        fields["sent_at"] = timezone.now()
    Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(**fields)
    return status


def delivery_send(*, delivery_id):
    """Send one queued email or text. Returns its new status, or None if another job has it.

    Raises TryAgain (with the claim handed back) when the provider is unavailable for now.
    """
    if not _claim(delivery_id):
        return None
    delivery = Delivery.objects.select_related(
        "invitation__survey", "invitation__resident__contact_details", "invitation__resident__household__home"
    ).get(pk=delivery_id)
    invitation, resident = delivery.invitation, delivery.invitation.resident
    channel = channel_for(delivery.channel)
    if Invitation.objects.filter(pk=invitation.pk).filter(_answered("")).exists():
        return _finish(delivery, DeliveryStatus.FAILED, "Not sent: they had answered already.")
    if reach.ruled_out(resident, delivery.channel):
        return _finish(delivery, DeliveryStatus.FAILED, "Not sent: a contact restriction rules this channel out.")
    if not channel.address(resident):
        return _finish(delivery, DeliveryStatus.FAILED, "Not sent: no address or number to send it to.")
    waiting = channel.not_ready()
    if waiting:
        Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.WAITING, detail=waiting)
        return DeliveryStatus.WAITING
    from surveys.services import invitation_link

    try:
        outcome = channel.send(compose(delivery, invitation_link(invitation)))
    except TryAgain as error:
        Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(
            status=DeliveryStatus.QUEUED, detail=str(error)[:300]
        )
        raise
    if outcome.status == DeliveryStatus.SENT and delivery.kind == DeliveryKind.INVITATION:
        Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(sent_at=timezone.now())
    return _finish(delivery, outcome.status, outcome.detail, outcome.provider_reference)


def delivery_give_up(*, delivery_id, detail):
    """After the last retry: failed, with the last reason (unless another job has finished it)."""
    Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.QUEUED).update(
        status=DeliveryStatus.FAILED, detail=f"Gave up after retries. {detail}"[:300], status_at=timezone.now()
    )


@transaction.atomic
def deliveries_mark_printed(*, survey, deliveries, by=None):
    """The letters in a print pack are printed, not sent: they are posted when staff say so
    (print_batch_mark_posted). Returns the batch."""
    ids = [d.pk for d in deliveries]
    batch = PrintBatch.objects.create(survey=survey, made_by=by, letters=len(ids))
    Delivery.objects.filter(pk__in=ids, status=DeliveryStatus.QUEUED).update(
        status=DeliveryStatus.PRINTED, print_batch=batch, status_at=timezone.now()
    )
    return batch


@transaction.atomic
def print_batch_mark_posted(*, batch, by=None):
    """Staff took the batch to the post: its letters are posted (and sent, for reminders' timing).
    Returns how many letters changed; marking it again changes nothing."""
    batch = PrintBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.posted_at is not None:
        return 0
    now = timezone.now()
    batch.posted_at, batch.posted_by = now, by
    batch.save(update_fields=["posted_at", "posted_by"])
    letters = Delivery.objects.filter(print_batch=batch, status=DeliveryStatus.PRINTED)
    Invitation.objects.filter(deliveries__in=letters.filter(kind=DeliveryKind.INVITATION), sent_at__isnull=True).update(
        sent_at=now
    )
    return letters.update(status=DeliveryStatus.POSTED, sent_at=now, status_at=now)


# Reminders ---------------------------------------------------------------------------------------


@transaction.atomic
def reminders_queue(*, days, now=None):
    """One reminder for each invitation sent at least `days` days ago and not answered, by the
    resident's next preferred channel (see surveys/reach.py). Safe to run daily and twice: an
    invitation has at most one reminder. Returns Counter(channel -> reminders queued)."""
    now = now or timezone.now()
    sent = (
        Delivery.objects.filter(
            kind=DeliveryKind.INVITATION,
            status__in=[DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.POSTED],
            sent_at__lte=now - timedelta(days=days),
            invitation__expires_at__gt=now,
            invitation__survey__closed_at__isnull=True,
        )
        .exclude(_answered())
        .exclude(Exists(Delivery.objects.filter(invitation=OuterRef("invitation"), kind=DeliveryKind.REMINDER)))
        .select_related("invitation")
    )
    first = {d.invitation.resident_id: d for d in sent}
    new = []
    for resident in reach.with_reach([d.invitation.resident for d in first.values()]):
        delivery = first[resident.pk]
        channel = reach.reminder_channel(resident, delivery.channel)
        if channel is not None:
            new.append(
                Delivery(
                    invitation=delivery.invitation,
                    kind=DeliveryKind.REMINDER,
                    channel=channel,
                    status=_first_status(channel),
                )
            )
    created = Delivery.objects.bulk_create(new, batch_size=1000)
    _queue_jobs(created)
    return Counter(d.channel for d in created)


# Delivery reports --------------------------------------------------------------------------------


def delivery_report(*, provider_reference, status):
    """A provider's word on a message (Notify's callback or our check): delivered, failed, bounced."""
    return Delivery.objects.filter(
        provider_reference=provider_reference,
        status__in=[DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.FAILED],
    ).update(status=status, status_at=timezone.now())


def deliveries_check(*, older_than_minutes=5, limit=500):
    """Ask each provider about sent messages it has not reported on yet. Returns how many changed."""
    changed = 0
    since = timezone.now() - timedelta(days=3)
    for code, channel in CHANNELS.items():
        if not channel.sends_itself or channel.not_ready():
            continue
        pending = Delivery.objects.filter(
            channel=code, status=DeliveryStatus.SENT, sent_at__gte=since, provider_reference__gt=""
        ).filter(sent_at__lte=timezone.now() - timedelta(minutes=older_than_minutes))[:limit]
        for delivery in pending:
            status = channel.check(delivery.provider_reference)
            if status and status != delivery.status:
                changed += delivery_report(provider_reference=delivery.provider_reference, status=status)
    return changed
