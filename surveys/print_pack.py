"""The print pack: one PDF with, for each resident due a letter, a cover letter (the address placed
for a window envelope, their personal link as a QR code and as a short address and code to type
(surveys/short_codes.py), our phone number, a line in their main language on getting an interpreter) and then the paper questionnaire, in large print where that is
their preference, or in easy read (one question a page, large type: surveys/easy_read.py) where they
asked for it and the survey has it. Text stays text (searchable, read aloud by screen readers), and only the fonts
installed on this machine are used (core/pdf.py: WeasyPrint fetches nothing but the QR code's inline image).

The PDF is tagged (PDF/UA-1): structure in reading order (each letter, then its questionnaire), the
document's language and each resident's own on their pages, alternative text for the QR code, and
the title shown in the viewer's title bar.

Laying out pages is the slow part, so each questionnaire (per language and print size) is laid out
once and its pages reused for every resident; each resident's reference is stamped on its first
page. Cover letters are laid out CHUNK at a time, so memory stays flat, and everything is joined
with its structure by surveys/tagged_pdf.py.
"""

import base64
import io
from dataclasses import dataclass

import pikepdf
import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from core.pdf import document, pdf_of
from engagement.models import Format
from surveys import easy_read, sending
from surveys.channels.base import postal_address
from surveys.interpreter_lines import differs, interpreter_line
from surveys.messages import language_of
from surveys.models import Delivery, DeliveryKind, DeliveryStatus
from surveys.presenters import PrintedSurvey
from surveys.references import questionnaire_reference
from surveys.short_codes import short_address, short_code
from surveys.tagged_pdf import Part, TaggedPdf

CHUNK = 25


@dataclass(frozen=True)
class PackItem:
    name: str
    address: list
    language: str
    title: str
    purpose: str
    short_address: str
    short_code: str
    qr: str
    expires: str
    date: str
    reminder: bool
    large: bool
    interpreter: tuple
    reference: str
    easy_read: bool = False  # the easy-read questionnaire follows (surveys/easy_read.py)
    offers_easy_read: bool = False  # the letter names easy read among the formats to ask for

    @property
    def interpreter_lang(self):
        """The interpreter line's own language when it is not the letter's (its `lang`), else ""."""
        code = self.interpreter[0]
        return code if differs(code, self.language) else ""


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
    """The QR code as an inline image (a data: address), so it carries alternative text as any image does."""
    svg = segno.make(link, error="m").svg_inline(scale=4, omitsize=True)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _pdf(html, tagged=True):
    """The laid-out document and PDF of `html`: tagged PDF/UA-1, or untagged for a stamp drawn inside a tagged page."""
    laid_out = document(html)
    return laid_out, pdf_of(laid_out, tagged=tagged)


class _Questionnaires:
    """The paper questionnaire's pages, laid out once per language and print size."""

    def __init__(self, survey):
        self.survey, self.done = survey, {}

    def part(self, language, large, easy=False):
        if (language, large, easy) not in self.done:
            with translation.override(language):
                html = questionnaire_html(self.survey, self.survey.current_version, language, large, easy)
            self.done[(language, large, easy)] = Part(_pdf(html)[1])
        return self.done[(language, large, easy)]


def questionnaire_html(survey, version, language, large=False, easy=False):
    """The paper questionnaire as HTML for WeasyPrint: the standard one, or the easy-read one (one
    question a page, large type, each question in its easy-read sentences)."""
    printed = PrintedSurvey(survey, version, language)
    context = {"printed": printed, "large": large, "language": language}
    template = "surveys/print_pack/easy_read.html" if easy else "surveys/print_pack/questionnaire.html"
    return render_to_string(template, context)


def _item(delivery, today, easy_read_ready=None):
    """`easy_read_ready`: whether the survey's version has its easy read (worked out here if not given)."""
    from surveys.services import invitation_link

    invitation, resident = delivery.invitation, delivery.invitation.resident
    survey = invitation.survey
    language = language_of(resident, survey)
    if easy_read_ready is None:
        easy_read_ready = easy_read.has_easy_read(survey.current_version)
    in_english = easy_read.is_english(language)
    link = invitation_link(invitation)
    reference = questionnaire_reference(invitation)
    with translation.override(language):
        return PackItem(
            name=resident.full_name,
            address=postal_address(resident).split("\n"),
            language=language,
            title=survey.title_in(language),
            purpose=survey.purpose_in(language),
            short_address=short_address(),
            short_code=short_code(invitation),
            qr=_qr(link),
            expires=formats.date_format(invitation.expires_at.date(), "j F Y"),
            date=formats.date_format(today, "j F Y"),
            reminder=delivery.kind == DeliveryKind.REMINDER,
            large=Format.LARGE_PRINT in invitation.formats,
            interpreter=interpreter_line(invitation.interpreter_language, settings.LANDLORD_PHONE),
            reference=reference,
            easy_read=easy_read_ready and in_english and Format.EASY_READ in invitation.formats,
            offers_easy_read=easy_read_ready and in_english,
        )


def _chunk(items, title):
    """(the letters' tagged PDF, each item's letter's (first, end) pages, the stamps' pages) for a chunk of residents."""
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
    document, letters = _pdf(render_to_string("surveys/print_pack/letters.html", {**context, "letters": letters_html}))
    first_page = {}  # a letter running onto a second page has its anchor on both
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            first_page.setdefault(anchor, number)
    starts = [first_page[f"letter-{n}"] for n in range(len(items))]
    ends = [*starts[1:], len(document.pages)][: len(starts)]
    stamps = _pdf(render_to_string("surveys/print_pack/stamps.html", context), tagged=False)[1]
    return Part(letters), list(zip(starts, ends, strict=True)), pikepdf.open(io.BytesIO(stamps)).pages


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
    easy_read_ready = easy_read.has_easy_read(survey.current_version)
    pack = None
    for start in range(0, len(deliveries), CHUNK):
        items = [_item(d, today, easy_read_ready) for d in deliveries[start : start + CHUNK]]
        letters, ranges, stamps = _chunk(items, title)
        pack = pack or TaggedPdf(letters)
        for item, (first, end), stamp in zip(items, ranges, stamps, strict=True):
            language = None if item.language.startswith("en") else item.language
            for number in range(first, end):
                pack.add(letters, number, language)
            questionnaire = questionnaires.part(item.language, item.large or item.easy_read, item.easy_read)
            for number in range(len(questionnaire)):
                pack.add(questionnaire, number, language, stamp=stamp if number == 0 else None)
    if pack is None:  # nothing due: a page that says so
        letters, _ranges, _stamps = _chunk([], title)
        pack = TaggedPdf(letters)
        pack.add(letters, 0)
    pack.save(target)
    if mark_printed and deliveries:
        sending.deliveries_mark_printed(survey=survey, deliveries=deliveries, by=by)
    return len(deliveries)
