"""The print pack: one PDF with, for each resident due a letter, a cover letter (the address placed
for a window envelope, their personal link and its QR code, our phone number, a line in their main
language on getting an interpreter) and then the paper questionnaire, in large print where that is
their preference. Text stays text (searchable, read aloud by screen readers), and only the fonts
installed on this machine are used (core/pdf.py: WeasyPrint fetches nothing).

Laying out pages is the slow part, so each questionnaire (per language and print size) is laid out
once and its pages reused for every resident; each resident's reference is stamped on its first
page. Cover letters are laid out CHUNK at a time, so memory stays flat, and everything is joined
with pypdf. Text stays text; the joined file is not tagged (pypdf does not join structure trees).
"""

import io
from dataclasses import dataclass

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, RectangleObject

from core.pdf import document
from engagement.models import Format
from surveys import sending
from surveys.channels.base import postal_address
from surveys.interpreter_lines import interpreter_line
from surveys.messages import language_of
from surveys.models import Delivery, DeliveryKind, DeliveryStatus
from surveys.presenters import PrintedSurvey
from surveys.references import questionnaire_reference

CHUNK = 25


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


def letters_due(survey):
    """The letters (invitations and reminders) queued for this survey, in postcode order for the post room."""
    return (
        Delivery.objects.filter(invitation__survey=survey, channel="letter", status=DeliveryStatus.QUEUED)
        .select_related(
            "invitation__survey", "invitation__resident__household__home", "invitation__resident__contact_details"
        )
        .order_by("invitation__resident__household__home__postcode", "invitation__resident__last_name", "pk")
    )


def _qr(link):
    return segno.make(link, error="m").svg_inline(scale=4, omitsize=True)


class _Questionnaires:
    """The paper questionnaire's pages, laid out once per language and print size."""

    def __init__(self, survey):
        self.survey, self.done = survey, {}

    def pages(self, language, large):
        if (language, large) not in self.done:
            with translation.override(language):
                printed = PrintedSurvey(self.survey, self.survey.current_version, language)
                context = {"printed": printed, "large": large, "language": language}
                html = render_to_string("surveys/print_pack/questionnaire.html", context)
            self.done[(language, large)] = PdfReader(io.BytesIO(document(html).write_pdf())).pages
        return self.done[(language, large)]


def _item(delivery, today):
    from surveys.services import invitation_link

    invitation, resident = delivery.invitation, delivery.invitation.resident
    survey = invitation.survey
    language = language_of(resident, survey)
    link = invitation_link(invitation)
    reference = questionnaire_reference(invitation)
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
        )


def _chunk(items, title):
    """(letters PDF pages per item, stamp page per item) for a chunk of residents."""
    context = {
        "items": items,
        "title": title,
        "landlord": settings.LANDLORD_NAME,
        "landlord_address": settings.LANDLORD_ADDRESS,
        "phone": settings.LANDLORD_PHONE,
    }
    # Each letter in its resident's language: the letter's own words through the catalogue too.
    letters_html = []  # render_to_string gives safe (escaped) HTML, kept so in letters.html
    for number, item in enumerate(items):
        with translation.override(item.language):
            letter_context = {**context, "item": item, "number": number}
            letters_html.append(render_to_string("surveys/print_pack/_letter.html", letter_context))
    letters = document(render_to_string("surveys/print_pack/letters.html", {**context, "letters": letters_html}))
    first_page = {}  # a letter running onto a second page has its anchor on both
    for number, page in enumerate(letters.pages):
        for anchor in page.anchors:
            first_page.setdefault(anchor, number)
    starts = [first_page[f"letter-{n}"] for n in range(len(items))]
    ends = [*starts[1:], len(letters.pages)]
    letter_pages = PdfReader(io.BytesIO(letters.write_pdf())).pages
    stamps = PdfReader(io.BytesIO(document(render_to_string("surveys/print_pack/stamps.html", context)).write_pdf()))
    return [letter_pages[a:b] for a, b in zip(starts, ends, strict=True)], stamps.pages


def _add_stamped(writer, page, stamp):
    """Add `page` with the `stamp` page drawn on it, without parsing or copying the page's own
    content (merge_page would, costing memory, time and file size for every resident): the stamp
    becomes a form XObject drawn before the shared content, through a resources dictionary of its own."""
    added = writer.add_page(page)
    form = DecodedStreamObject()
    form.set_data(stamp.get_contents().get_data())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): RectangleObject(stamp.mediabox),
            NameObject("/Resources"): stamp["/Resources"].get_object().clone(writer),
        }
    )
    resources = DictionaryObject(added["/Resources"].get_object())
    xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
    xobjects[NameObject("/ReferenceStamp")] = writer._add_object(form)
    resources[NameObject("/XObject")] = xobjects
    added[NameObject("/Resources")] = resources
    draw = DecodedStreamObject()
    draw.set_data(b"q /ReferenceStamp Do Q\n")
    contents = added["/Contents"]
    shared = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
    added[NameObject("/Contents")] = ArrayObject([writer._add_object(draw), *shared])


def pack_write(*, survey, target, mark_printed=True, limit=None, by=None):
    """Write the print pack of the letters due for `survey` (every one, or the first `limit` in
    postcode order) to `target` (a path or binary file).

    Returns how many letters it holds. The letters are then marked printed, in one batch: they are
    posted when staff mark the batch posted (the invitations page), not before.
    """
    sending.invitations_queue(survey=survey, channels=["letter"])
    deliveries = list(letters_due(survey)[:limit])
    questionnaires = _Questionnaires(survey)
    today = timezone.localdate()
    title = f"{settings.LANDLORD_NAME}: {survey.title_in('en')}"
    writer = PdfWriter()
    for start in range(0, len(deliveries), CHUNK):
        items = [_item(d, today) for d in deliveries[start : start + CHUNK]]
        letters, stamps = _chunk(items, title)
        for item, letter, stamp in zip(items, letters, stamps, strict=True):
            for page in letter:
                writer.add_page(page)
            first, *rest = questionnaires.pages(item.language, item.large)
            _add_stamped(writer, first, stamp)
            for page in rest:
                writer.add_page(page)
    writer.add_metadata({"/Title": title, "/Author": settings.LANDLORD_NAME})
    writer.write(target)
    if mark_printed and deliveries:
        sending.deliveries_mark_printed(survey=survey, deliveries=deliveries, by=by)
    return len(deliveries)
