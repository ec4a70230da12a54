"""The print pack is one PDF of real text: each resident's letter and questionnaire on their own pages."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from pypdf import PdfReader

from surveys import sending, services
from surveys.models import Delivery, DeliveryStatus, Invitation, PrintBatch
from surveys.print_pack import pack_write
from surveys.references import questionnaire_reference
from surveys.short_codes import short_code
from tests.engagement.factories import reachable_resident
from tests.surveys.factories import translate_survey, tsm_survey

pytestmark = pytest.mark.django_db


def pages_of(data):
    """Each page's text, with line breaks and runs of spaces as single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def letter_pages(pages):
    """Page indexes where a cover letter starts (in English, or in Polish for a Polish speaker)."""
    return [i for i, text in enumerate(pages) if "Dear " in text or "Dzień dobry, " in text]


def test_each_resident_gets_a_letter_with_their_address_link_and_questionnaire():
    survey = tsm_survey()
    first = reachable_resident(channels=["letter"], details={"email": ""})
    first.first_name, first.last_name = "Ada", "Lovelace"
    first.save()
    second = reachable_resident(channels=["letter"], interpreter_language="Polish")
    emailed = reachable_resident(channels=["email"])
    services.invitations_create(survey=survey, residents=[first, second, emailed])
    target = io.BytesIO()

    assert pack_write(survey=survey, target=target) == 2

    pages = pages_of(target.getvalue())
    starts = letter_pages(pages)
    assert len(starts) == 2
    per_letter = starts[1] - starts[0]
    assert len(pages) == 2 * per_letter  # the same questionnaire after each letter
    for start, resident in zip(
        starts, sorted([first, second], key=lambda r: (r.household.home.postcode, r.last_name)), strict=True
    ):
        letter = pages[start]
        invitation = Invitation.objects.get(survey=survey, resident=resident)
        home = resident.household.home
        assert f"Dear {resident.full_name}" in letter
        assert home.address_line_1 in letter and home.postcode in letter
        # The long link is only in the QR code; the letter gives what a person can type.
        assert services.invitation_link(invitation) not in letter.replace(" ", "")
        assert "localhost:8000/code" in letter and short_code(invitation) in letter
        assert "0113 496 0000" in letter
        assert "easy read" not in letter.lower()  # this survey has no easy read (test_easy_read.py)
        assert "Tenant Satisfaction" in pages[start + 1] or "satisf" in pages[start + 1].lower()
        assert all(resident.full_name not in pages[other] for other in starts if other != start)
        # The reference that matches a returned paper form to them: on their letter and their form only.
        reference = f"Reference: {questionnaire_reference(invitation)}"
        assert reference in pages[start + 1]
        assert [n for n, text in enumerate(pages) if reference in text] == [start, start + 1]
    by_name = {
        resident.full_name: pages[start]
        for start in starts
        for resident in (first, second)
        if resident.full_name in pages[start]
    }
    assert "Jeśli potrzebujesz tłumacza" in by_name[second.full_name]
    assert "tell us your language" in by_name[first.full_name]  # the English line: no language given
    # Made, not posted: printed in one batch, and nobody's invitation counts as sent yet.
    assert Delivery.objects.filter(channel="letter", status=DeliveryStatus.PRINTED).count() == 2
    assert not Invitation.objects.filter(sent_at__isnull=False).exists()
    batch = PrintBatch.objects.get()
    assert (batch.letters, batch.posted_at) == (2, None)
    assert sending.print_batch_mark_posted(batch=batch) == 2
    assert sending.print_batch_mark_posted(batch=batch) == 0  # marking it again changes nothing
    assert Delivery.objects.filter(channel="letter", status=DeliveryStatus.POSTED, sent_at__isnull=False).count() == 2
    assert Invitation.objects.filter(sent_at__isnull=False).count() == 2


def test_large_print_letters_are_set_larger_and_run_to_more_pages():
    survey = tsm_survey()
    standard = reachable_resident(channels=["letter"])
    large = reachable_resident(channels=["letter"], formats=["large_print"])
    standard.household.home.postcode = "AA1 1AA"
    standard.household.home.save()
    large.household.home.postcode = "ZZ1 1ZZ"
    large.household.home.save()
    services.invitations_create(survey=survey, residents=[standard, large])
    target = io.BytesIO()
    pack_write(survey=survey, target=target)

    reader = PdfReader(io.BytesIO(target.getvalue()))
    pages = pages_of(target.getvalue())
    starts = letter_pages(pages)
    standard_pages, large_pages = starts[1] - starts[0], len(pages) - starts[1]
    assert large_pages > standard_pages

    def body_font(index):
        """The size most of the page's text is set in."""
        sizes = []

        def visit(text, cm, tm, font_dict, font_size):
            if text.strip():
                sizes.append(round(font_size * tm[0] * cm[0], 1))

        reader.pages[index].extract_text(visitor_text=visit)
        return max(set(sizes), key=sizes.count)

    assert body_font(starts[1] + 1) >= body_font(starts[0] + 1) * 1.3


def test_the_command_writes_the_pack_and_a_second_run_holds_no_letter_twice(tmp_path, capsys):
    survey = tsm_survey()
    services.invitations_create(survey=survey, residents=[reachable_resident(channels=["letter"])])
    call_command("print_pack", str(survey.pk), str(tmp_path / "pack.pdf"))
    assert "Wrote 1 letters" in capsys.readouterr().out
    assert len(letter_pages(pages_of((tmp_path / "pack.pdf").read_bytes()))) == 1
    call_command("print_pack", str(survey.pk), str(tmp_path / "again.pdf"))
    assert "Wrote 0 letters" in capsys.readouterr().out


def test_a_polish_speakers_letter_is_in_polish_when_the_survey_is_offered_in_polish():
    """Issue 27: the letter's own words come from the interface catalogue, in the resident's language,
    beside an English speaker's English letter in the same pack."""
    survey = translate_survey(tsm_survey(), "pl")
    polish = reachable_resident(channels=["letter"], details={"language": "pl"}, interpreter_language="pl")
    english = reachable_resident(channels=["letter"])
    services.invitations_create(survey=survey, residents=[polish, english])
    target = io.BytesIO()
    assert pack_write(survey=survey, target=target) == 2
    pages = pages_of(target.getvalue())
    letters = {
        resident: next(text for text in pages if resident.full_name in text and "0113 496 0000" in text)
        for resident in (polish, english)
    }
    assert f"Dzień dobry, {polish.full_name}," in letters[polish]
    assert "Aby odpowiedzieć przez internet" in letters[polish]
    assert "Jeśli potrzebujesz tłumacza, zadzwoń do nas pod numer 0113 496 0000" in letters[polish]
    assert "Answer online" not in letters[polish] and "Dear " not in letters[polish]
    assert f"Dear {english.full_name}," in letters[english]
    assert "To answer online, scan the square code" in letters[english]
    assert any(survey.title_in("pl") in text for text in pages)  # the Polish questionnaire follows


def test_the_pack_is_tagged_pdf_ua_1_and_reads_in_order(tmp_path, monkeypatch):
    """A machine check of PDF/UA-1 (pdfua, on pikepdf) over a pack joined from several chunks, then
    what it checks spelled out, and the text read back in the order the structure gives."""
    import pdfua
    import pikepdf

    monkeypatch.setattr("surveys.print_pack.CHUNK", 2)  # three residents: two chunks to join
    survey = translate_survey(tsm_survey(), "pl")  # a Polish speaker's pages are in Polish only then
    english = reachable_resident(channels=["letter"])
    polish = reachable_resident(channels=["letter"], interpreter_language="pl", details={"language": "pl"})
    large = reachable_resident(channels=["letter"], formats=["large_print"])
    for resident, postcode in ((english, "AA1 1AA"), (polish, "BB1 1BB"), (large, "CC1 1CC")):
        resident.household.home.postcode = postcode
        resident.household.home.save()
    services.invitations_create(survey=survey, residents=[english, polish, large])
    path = tmp_path / "pack.pdf"
    assert pack_write(survey=survey, target=str(path)) == 3

    report = pdfua.validate(str(path))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    assert report.exit_code == 0

    pdf = pikepdf.open(path)
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "en-GB"
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert str(pdf.docinfo["/Title"]) == f"{settings.LANDLORD_NAME}: {survey.title_in('en')}"
    with pdf.open_metadata() as xmp:
        assert xmp["pdfuaid:part"] == "1"
    kids = pdf.Root.StructTreeRoot.K
    (document,) = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    assert document.S == "/Document"
    page_number = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    assert len({int(page.obj.StructParents) for page in pdf.pages}) == len(pdf.pages)  # one parent-tree entry each

    figures, pages_in_order, languages = [], [], {}

    def walk(element):
        if "/Pg" in element:
            assert element.Pg.objgen in page_number  # every element points at a page of the pack
        if element.S == "/Figure":
            figures.append(str(element.Alt))
        for kid in element.K if isinstance(element.K, pikepdf.Array) else [element.K]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid)

    for element in document.K:
        walk(element)
        pages_in_order.append(page_number[element.Pg.objgen])
        languages[page_number[element.Pg.objgen]] = str(element.get("/Lang", "en-GB"))
    # Each letter's alternative text is in its resident's language: the second letter is the Polish one.
    assert figures == [
        "QR code of your personal link",
        "Kod QR Twojego osobistego linku",
        "QR code of your personal link",
    ]
    assert pages_in_order == sorted(pages_in_order)  # reading order is page order: a letter, then its form

    pages = pages_of(path.read_bytes())
    starts = letter_pages(pages)
    assert len(starts) == 3
    polish_pages = range(starts[1], starts[2])
    assert {languages[n] for n in polish_pages if n in languages} == {"pl"}
    assert {languages[n] for n in range(starts[1]) if n in languages} == {"en-GB"}
    letter = pages[starts[0]]
    assert letter.index("Dear") < letter.index("To answer online") < letter.index("Reference:")
    form = " ".join(pages[starts[0] + 1 : starts[1]])
    numbers = [form.index(f"{n}. ") for n in range(1, 6)]
    assert numbers == sorted(numbers)


def test_the_short_address_and_code_are_each_on_one_line_of_every_letter():
    """Each letter's short address and short code are whole on a line of their own, in standard and
    large print (the 43-character links they replace broke at a hyphen in 3 letters of 17)."""
    survey = tsm_survey()
    residents = [reachable_resident(channels=["letter"], formats=["large_print"] if n % 2 else []) for n in range(4)]
    services.invitations_create(survey=survey, residents=residents)
    target = io.BytesIO()
    pack_write(survey=survey, target=target)
    reader = PdfReader(io.BytesIO(target.getvalue()))
    lines_of = [[" ".join(line.split()) for line in page.extract_text().splitlines()] for page in reader.pages]
    letters = [lines for lines in lines_of if any(line.startswith("Dear ") for line in lines)]
    codes = {short_code(invitation) for invitation in Invitation.objects.filter(survey=survey)}
    assert len(letters) == 4
    for lines in letters:
        assert "localhost:8000/code" in lines
        assert len(codes & set(lines)) == 1


def test_the_interpreter_line_carries_its_own_lang_only_where_it_is_not_the_letters_language():
    """Issue 27 (WCAG 3.1.2): the line on getting an interpreter, in the resident's main language, is
    marked with that language inside a letter in another; a line in the letter's own language is not
    marked again; a language with no line of its own gets the English line, marked English, even in
    a Polish letter."""
    import re

    from django.template.loader import render_to_string
    from django.utils import timezone, translation

    from surveys.print_pack import _item, letters_due

    survey = translate_survey(tsm_survey(), "pl")
    people = {
        "english letter, Polish interpreter": reachable_resident(channels=["letter"], interpreter_language="pl"),
        "Polish letter, Polish interpreter": reachable_resident(
            channels=["letter"], interpreter_language="pl", details={"language": "pl"}
        ),
        "Polish letter, Tigrinya interpreter": reachable_resident(
            channels=["letter"], interpreter_language="ti", details={"language": "pl"}
        ),
        "English letter, no interpreter": reachable_resident(channels=["letter"]),
    }
    services.invitations_create(survey=survey, residents=list(people.values()))
    sending.invitations_queue(survey=survey, channels=["letter"])
    whose = {resident.pk: what for what, resident in people.items()}
    lines = {}
    for delivery in letters_due(survey):
        item = _item(delivery, timezone.localdate())
        with translation.override(item.language):
            html = render_to_string("surveys/print_pack/_letter.html", {"item": item, "number": 0, "phone": "0113"})
        letter_lang = re.search(r'<section class="letter[^"]*" id="letter-0" lang="([^"]+)"', html)[1]
        line = re.search(r'<p class="interpreter"([^>]*)>([^<]*)</p>', html)
        lines[whose[delivery.invitation.resident_id]] = (letter_lang, line[1].strip(), line[2][:24])
    assert lines == {
        "english letter, Polish interpreter": ("en-gb", 'lang="pl" dir="ltr"', "Jeśli potrzebujesz tłuma"),
        "Polish letter, Polish interpreter": ("pl", "", "Jeśli potrzebujesz tłuma"),
        "Polish letter, Tigrinya interpreter": ("pl", 'lang="en" dir="ltr"', "If you need an interpret"),
        "English letter, no interpreter": ("en-gb", "", "If you need an interpret"),
    }
