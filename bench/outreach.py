"""Reaching residents at size: 10,000 email invitations sent to a local SMTP server, and a
2,000-letter print pack.

    python bench/outreach.py [--emails 10000] [--letters 2000]

Each part runs in its own child process (so each peak memory figure is that part's alone) inside a
transaction rolled back at the end: it adds residents with contact details, a survey and its
invitations, then sends. Emails go through the real path: invitations_queue, then the send job for
each delivery (claim, compose, Django's SMTP backend, record) to an aiosmtpd server in this process
that accepts every message. The floor for email is smtplib sending the same number of messages of
the same size over one connection each, with no database, so the ratio says what the claim, the
composing and the bookkeeping cost. The print pack has no floor: its figure is letters per second.
"""

import argparse
import logging
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_setup, peak_rss_mb  # noqa: E402


class Rollback(Exception):
    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=10_000)
    parser.add_argument("--letters", type=int, default=2_000)
    parser.add_argument("--part", choices=["emails", "letters"], help="(internal) run one part")
    args = parser.parse_args()
    if args.part:
        django_setup()
        for noisy in ("mail.log", "celery", "weasyprint", "fontTools"):  # a log line per message or page
            logging.getLogger(noisy).setLevel(logging.WARNING)
        return (_emails if args.part == "emails" else _letters)(args.emails if args.part == "emails" else args.letters)
    for part in ("emails", "letters"):
        output = subprocess.run(
            [sys.executable, __file__, "--part", part, "--emails", str(args.emails), "--letters", str(args.letters)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        print(output.strip())


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Accept:
    count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        _Accept.count += 1
        return "250 OK"


def _residents(count, channel):
    from django.utils import timezone

    from engagement.models import CommunicationPreference, ContactDetails, Home, Household, Region, Resident

    region = Region.objects.first()
    stamp = int(time.time())
    homes = Home.objects.bulk_create(
        [
            Home(
                property_reference=f"OUT{stamp}-{n}",
                address_line_1=f"{n} Bench Road",
                town="Leeds",
                postcode="LS9 8AB",
                region=region,
                local_authority="Leeds",
            )
            for n in range(count)
        ],
        batch_size=2000,
    )
    households = Household.objects.bulk_create(
        [
            Household(home=home, tenancy_reference=f"OUT{stamp}-{home.pk}", tenancy_start=timezone.localdate())
            for home in homes
        ],
        batch_size=2000,
    )
    residents = Resident.objects.bulk_create(
        [
            Resident(household=h, first_name="Bench", last_name=f"Resident{h.pk}", is_lead_tenant=True)
            for h in households
        ],
        batch_size=2000,
    )
    ContactDetails.objects.bulk_create(
        [ContactDetails(resident=r, email=f"bench{r.pk}@example.org", mobile_phone="+447700900001") for r in residents],
        batch_size=2000,
    )
    CommunicationPreference.objects.bulk_create(
        [
            CommunicationPreference(resident=r, channels=[channel], formats=["large_print"] if r.pk % 10 == 0 else [])
            for r in residents
        ],
        batch_size=2000,
    )
    return residents


def _survey_with_invitations(count, channel):
    from surveys import builtin, services

    survey = services.survey_create(definition=builtin.TSM_SURVEY, questions=builtin.TSM_QUESTIONS)
    services.invitations_create(survey=survey, residents=_residents(count, channel))
    return survey


def _smtp_floor(port, count, size):
    import smtplib

    body = (b"x" * 76 + b"\r\n") * (size // 78)
    began = time.perf_counter()
    for n in range(count):
        with smtplib.SMTP("127.0.0.1", port) as server:
            server.sendmail("floor@example.org", [f"floor{n}@example.org"], body)
    return time.perf_counter() - began


def _emails(count):
    from aiosmtpd.controller import Controller
    from django.conf import settings
    from django.db import transaction

    from config.celery import app as celery_app
    from surveys import sending
    from surveys.models import Delivery
    from surveys.tasks import send_delivery

    port = _free_port()
    controller = Controller(_Accept(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    celery_app.conf.task_always_eager = True
    try:
        with transaction.atomic():
            survey = _survey_with_invitations(count, "email")
            began = time.perf_counter()
            sending.invitations_queue(survey=survey)
            # The jobs invitations_queue hands to the queue when its transaction commits, run here in turn.
            for pk in Delivery.objects.filter(invitation__survey=survey).values_list("pk", flat=True):
                send_delivery.apply(args=[pk])
            seconds = time.perf_counter() - began
            sent = Delivery.objects.filter(invitation__survey=survey, status="sent").count()
            raise Rollback
    except Rollback:
        pass
    floor = _smtp_floor(port, count, 4000)
    controller.stop()
    print(
        f"emails: {sent} of {count} sent in {seconds:.1f} s, "
        f"{sent / seconds:.0f} emails/s; peak RSS {peak_rss_mb():.0f} MB; smtplib floor {floor:.1f} s"
    )
    print(f"emails_vs_smtplib_floor = {seconds / floor:.2f} (no target set)")


def _letters(count):
    import tempfile

    from django.db import transaction

    from surveys.print_pack import pack_write

    try:
        with transaction.atomic():
            survey = _survey_with_invitations(count, "letter")
            with tempfile.TemporaryFile() as target:
                began = time.perf_counter()
                letters = pack_write(survey=survey, target=target)
                seconds = time.perf_counter() - began
                size = target.tell()
            raise Rollback
    except Rollback:
        pass
    from pypdf import PdfReader  # noqa: F401 - only to say the pack can be read back (the tests do)

    print(
        f"print pack: {letters} letters in {seconds:.1f} s, {letters / seconds:.1f} letters/s, "
        f"{size / 1e6:.1f} MB; peak RSS {peak_rss_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
