"""The print pack: one PDF with, for each resident due a letter, a cover letter (the address placed
for a window envelope, their personal link and its QR code, our phone number, a line in their main
language on getting an interpreter) and then the paper questionnaire, in large print where that is
their preference. Text stays text (searchable, read aloud by screen readers), and only the fonts
installed on this machine are used: WeasyPrint is given a URL fetcher that fetches nothing.

Large packs are laid out CHUNK letters at a time and joined with pypdf, so memory stays flat.
"""

import io
from dataclasses import dataclass

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.html import escape

from engagement.models import Format
from surveys import sending
from surveys.channels.base import postal_address
from surveys.interpreter_lines import interpreter_line
from surveys.messages import language_of
from surveys.models import Delivery, DeliveryKind, DeliveryStatus
from surveys.presenters import PrintedSurvey

CHUNK = 100


@dataclass(frozen=True)
class PackItem:
    name: str
    address: list
    language: str
    title: str
    purpose: str
    link: str
    qr: str
    expires: str
    date: str
    reminder: bool
    large: bool
    interpreter: tuple
    reference: str
    questionnaire: str


def letters_due(survey):
    """The letters (invitations and reminders) queued for this survey, in postcode order for the post room."""
    return (
        Delivery.objects.filter(invitation__survey=survey, channel="letter", status=DeliveryStatus.QUEUED)
        .select_related(
            "invitation__survey", "invitation__resident__household__home", "invitation__resident__contact_details"
        )
        .order_by("invitation__resident__household__home__postcode", "invitation__resident__last_name", "pk")
    )


def _no_fetching(url, *args, **kwargs):
    raise ValueError(f"The print pack fetches nothing ({url[:40]}): only local fonts and inline images.")


def _qr(link):
    return segno.make(link, error="m").svg_inline(scale=4, omitsize=True)


class _Questionnaires:
    """Each language and size laid out once, not once per resident."""

    def __init__(self, survey):
        self.survey, self.done = survey, {}

    def get(self, language, reference):
        if language not in self.done:
            with translation.override(language):
                printed = PrintedSurvey(self.survey, self.survey.current_version, language)
                self.done[language] = render_to_string("surveys/print_pack/questionnaire.html", {"printed": printed})
        return self.done[language].replace("{reference}", escape(reference))


def _item(delivery, questionnaires, today):
    from surveys.services import invitation_link

    invitation, resident = delivery.invitation, delivery.invitation.resident
    survey = invitation.survey
    language = language_of(resident)
    link = invitation_link(invitation)
    reference = f"S{survey.pk}-{invitation.pk}"
    with translation.override(language):
        return PackItem(
            name=resident.full_name,
            address=postal_address(resident).split("\n"),
            language=language,
            title=survey.title_in(language),
            purpose=survey.purpose_in(language),
            link=link,
            qr=_qr(link),
            expires=formats.date_format(invitation.expires_at.date(), "j F Y"),
            date=formats.date_format(today, "j F Y"),
            reminder=delivery.kind == DeliveryKind.REMINDER,
            large=Format.LARGE_PRINT in invitation.formats,
            interpreter=interpreter_line(invitation.interpreter_language, settings.LANDLORD_PHONE),
            reference=reference,
            questionnaire=questionnaires.get(language, reference),
        )


def _html(items, title):
    context = {
        "items": items,
        "title": title,
        "landlord": settings.LANDLORD_NAME,
        "landlord_address": settings.LANDLORD_ADDRESS,
        "phone": settings.LANDLORD_PHONE,
    }
    return render_to_string("surveys/print_pack/pack.html", context)


def _pdf(html):
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=_no_fetching).write_pdf(pdf_tags=True)


def pack_write(*, survey, target, mark_sent=True):
    """Write the print pack of every letter due for `survey` to `target` (a path or binary file).

    Returns how many letters it holds. The letters are then marked sent (they go to the post room).
    """
    from pypdf import PdfWriter

    sending.invitations_queue(survey=survey, channels=["letter"])
    deliveries = list(letters_due(survey))
    questionnaires = _Questionnaires(survey)
    today = timezone.localdate()
    title = f"{settings.LANDLORD_NAME}: {survey.title_in('en')}"
    writer = PdfWriter()
    for start in range(0, max(len(deliveries), 1), CHUNK):
        items = [_item(d, questionnaires, today) for d in deliveries[start : start + CHUNK]]
        writer.append(io.BytesIO(_pdf(_html(items, title))))
    writer.add_metadata({"/Title": title, "/Author": settings.LANDLORD_NAME})
    writer.write(target)
    if mark_sent:
        sending.deliveries_mark_sent(deliveries=deliveries)
    return len(deliveries)
