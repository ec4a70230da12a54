"""A Polish resident's whole journey in Polish (issue 27): the invitation email, the survey and the
reminder, with the survey's text and the interface around it both from complete Polish catalogues.

Every page meets the accessibility baseline, and no English is left inside lang="pl": each text
node (and label an assistive technology reads) in an element whose language is Polish is compared
with the English of the interface's catalogue and of the survey. English marked as English (the
"English" link, the service's name) is allowed; the landlord's and the resident's names are names.
"""

import re

import polib
import pytest
from django.conf import settings
from playwright.sync_api import expect

from core.catalogue import is_resident_facing
from surveys import messages, services, translations
from surveys.models import Delivery, DeliveryKind, Response
from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import reachable_resident
from tests.surveys.factories import InvitationFactory, draft_survey, translate_survey

pytestmark = pytest.mark.browser

POLISH = {
    "Heating": "Ogrzewanie",
    "How warm is your home?": "Jak ciepło jest w Twoim mieszkaniu?",
    "Is your home warm enough?": "Czy w Twoim mieszkaniu jest wystarczająco ciepło?",
    "What would help most?": "Co najbardziej by pomogło?",
    "How satisfied are you with your heating?": "Na ile jesteś zadowolony z ogrzewania?",
    "My heating is easy to use.": "Moje ogrzewanie jest łatwe w obsłudze.",
    "How many rooms are cold?": "Ile pokoi jest zimnych?",
    "How is your home heated?": "Jak ogrzewane jest Twoje mieszkanie?",
    "What help have you had?": "Jaką pomoc otrzymałeś?",
    "Gas": "Gaz",
    "Electric": "Prąd",
    "A grant": "Dotacja",
    "Advice": "Porada",
    "Yes": "Tak",
    "No": "Nie",
    "Very satisfied": "Bardzo zadowolony",
    "Fairly satisfied": "Raczej zadowolony",
    "Neither satisfied nor dissatisfied": "Ani zadowolony, ani niezadowolony",
    "Fairly dissatisfied": "Raczej niezadowolony",
    "Very dissatisfied": "Bardzo niezadowolony",
    "Strongly agree": "Zdecydowanie się zgadzam",
    "Agree": "Zgadzam się",
    "Neither agree nor disagree": "Ani się zgadzam, ani nie zgadzam",
    "Disagree": "Nie zgadzam się",
    "Strongly disagree": "Zdecydowanie się nie zgadzam",
}

# Every text node in a Polish element, not inside a descendant marked with another language, and the
# labels read aloud (aria-label, alt, title, a button's value) of such elements.
POLISH_TEXT = """() => {
  const found = [];
  const polish = el => { const marked = el.closest('[lang]'); return marked && marked.getAttribute('lang') === 'pl'; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest('script, style') || !polish(el)) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text) found.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [alt], [title], input[type=submit]')) {
    if (!polish(el)) continue;
    for (const name of ['aria-label', 'alt', 'title', 'value']) {
      if (el.getAttribute(name) && (name !== 'value' || el.type === 'submit')) found.push(el.getAttribute(name).trim());
    }
  }
  return found;
}"""


def english_strings(survey):
    """The English a Polish page must not show: the interface's resident-facing catalogue entries
    and the survey's own text (each placeholder splits an entry into the phrases around it)."""
    po = polib.pofile(str(settings.BASE_DIR / "locale" / "pl" / "LC_MESSAGES" / "django.po"))
    whole, phrases = set(), set()
    english = [e.msgid for e in po if any(is_resident_facing(path) for path, _line in e.occurrences)]
    english += [e.english for e in translations.entries(survey, survey.current_version)]
    for text in english:
        whole.add(text.strip())
        for part in re.split(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}", text):
            part = part.strip(" .,:;()")
            if len(part.split()) >= 3:  # a phrase, not a word that Polish may share ("OK", "SMS")
                phrases.add(part)
    return whole, phrases


def english_in_polish(texts, survey):
    whole, phrases = english_strings(survey)
    names = {settings.LANDLORD_NAME}
    return [
        text for text in texts if text not in names and (text in whole or any(phrase in text for phrase in phrases))
    ]


def then_it_is_all_polish(page, survey):
    assert page.evaluate("document.documentElement.lang") == "pl", page.url
    texts = page.evaluate(POLISH_TEXT)
    assert texts, f"nothing in Polish on {page.url}"
    assert english_in_polish(texts, survey) == [], f"English inside lang=pl on {page.url}"
    then_the_accessibility_baseline_is_met(page)


@pytest.fixture
def polish_invitation(transactional_db):
    survey = translate_survey(draft_survey(), "pl", POLISH)
    services.survey_version_publish(version=survey.versions.get())
    survey.refresh_from_db()
    resident = reachable_resident(channels=["email"], details={"language": "pl"})
    return InvitationFactory(survey=survey, resident=resident, channel="email")


def then_the_email_is_all_polish(page, invitation, kind):
    delivery = Delivery.objects.create(invitation=invitation, kind=kind, channel="email")
    message = messages.compose(delivery, services.invitation_link(invitation))
    assert message.language == "pl"
    page.set_content(message.html)
    then_it_is_all_polish(page, invitation.survey)
    assert english_in_polish([message.subject, *message.text.splitlines()], invitation.survey) == []
    return message


def test_a_polish_resident_reads_the_invitation_answers_and_gets_the_reminder_all_in_polish(
    open_page, polish_invitation
):
    invitation, survey = polish_invitation, polish_invitation.survey
    page = open_page()
    invited = then_the_email_is_all_polish(page, invitation, DeliveryKind.INVITATION)
    assert invited.subject == "Ogrzewanie"
    assert invited.text.startswith("Dzień dobry, ")

    page.goto(f"/surveys/answer/{invitation.token}/")
    expect(page.get_by_role("heading", name="Ogrzewanie")).to_be_visible()
    assert page.get_by_role("link", name="English").get_attribute("lang") == "en-gb"
    then_it_is_all_polish(page, survey)
    page.get_by_role("button", name="Zacznij teraz").click()

    # Continuing without an answer: the error, in Polish.
    page.get_by_role("button", name="Dalej").click()
    expect(page).to_have_title(re.compile(r"^Błąd: "))
    expect(page.get_by_role("link", name="Wybierz tak lub nie")).to_be_visible()
    expect(page.get_by_text("pytanie 1 z")).to_be_visible()
    then_it_is_all_polish(page, survey)

    answers = [(None, "Nie"), ("Co najbardziej by pomogło?", "Nowy grzejnik"), (None, "Raczej zadowolony"),
               (None, "Zgadzam się"), ("Ile pokoi jest zimnych?", "2"), (None, "Gaz"), (None, "Porada")]  # fmt: skip
    for box, answer in answers:
        if box is None:
            page.get_by_label(answer, exact=True).check()
        else:
            page.get_by_label(box).fill(answer)
        then_it_is_all_polish(page, survey)
        page.get_by_role("button", name="Dalej").click()

    expect(page.get_by_role("heading", name="Sprawdź odpowiedzi przed wysłaniem")).to_be_visible()
    then_it_is_all_polish(page, survey)
    page.get_by_role("button", name="Wyślij odpowiedzi").click()
    expect(page.get_by_role("heading", name="Odpowiedzi wysłane")).to_be_visible()
    then_it_is_all_polish(page, survey)

    response = (
        Response.objects.get(invitation=invitation) if hasattr(Response, "invitation") else Response.objects.get()
    )
    assert response.is_submitted and response.language == "pl"
    assert {a.question.code: a.value for a in response.answers.select_related("question")} == {
        "WARM": "no", "EXTRA": "Nowy grzejnik", "RATING": "fairly_satisfied", "AGREE": "agree",
        "ROOMS": "2", "FUEL": "gas", "HELP": "advice",
    }  # fmt: skip

    reminded = then_the_email_is_all_polish(page, invitation, DeliveryKind.REMINDER)
    assert reminded.subject == "Przypomnienie: Ogrzewanie"
    assert "Jeszcze nie otrzymaliśmy od Ciebie odpowiedzi" in reminded.text
