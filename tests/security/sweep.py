"""Open every page and download of the project as every role, once, for the sweeps that read them.

The pages are those of the URL resolver (`tests.pages.all_pages`, with `SAMPLE_ARGUMENTS` and
`EXAMPLE_QUERIES`), each built once and opened by GET as every role and as an anonymous visitor;
every link a page offers as a download (`<a download>`, such as the shortlist's `?download=csv`)
is followed too, and so is every other link a page (opened with 200) offers its reader, so a new
page, download or link is swept without editing the sweeps. Declarations
(`page.access`) are not consulted: every address is opened by everyone.

Before the pages are opened, every resident is given distinctive equality answers (`OTHERS`),
and the two personas who are residents their own (`OWN`), so the sweeps can tell from a page's
body whose answers it shows.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import BytesIO
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from core.languages import name_of
from engagement.equality import QUESTIONS
from tests.pages import SENT_ANSWER

# Answers nobody else in the sweep has, whose words appear on no page unless an answer is shown.
OTHERS = {
    "ethnicity": "white_roma",
    "disability": "yes",
    "gender_identity": "different",
    "sexual_orientation": "other",
    "religion": "other",
    "main_language": "ti",  # Tigrinya
}
OWN = {
    "resident": {
        "ethnicity": "other_arab",
        "disability": "no",
        "gender_identity": "same",
        "sexual_orientation": "bisexual",
        "religion": "sikh",
        "main_language": "ps",  # Pashto
    },
    "panel_member": {
        "ethnicity": "white_gypsy_traveller",
        "disability": "prefer_not_to_say",  # each person's chosen values differ from everyone else's
        "gender_identity": "prefer_not_to_say",
        "sexual_orientation": "gay_or_lesbian",
        "religion": "jewish",
        "main_language": "am",  # Amharic
    },
}
# A "Yes" or "No" is no evidence on its own: these answers are found only as a form's chosen value.
CHOSEN_ONLY = {"disability", "interpreter_needed"}
# Codes distinctive enough to find as words in a file (a CSV or JSON may carry codes, not words).
DISTINCTIVE_CODES = {"ethnicity", "sexual_orientation"}
ANONYMOUS = "anonymous"
# A placeholder a page should have filled in ("{landlord}", "{{ name }}", "%(count)s").
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|\{\{|%\([a-z_]+\)s")
# Stored codes a page should show as words: every language code we know (core.languages) but those
# that are also English words, and the formats' codes that are no word ("easy_read", "bsl").
ENGLISH_WORDS = {"am", "an", "as", "be", "in", "is", "it", "my", "no", "or", "to"}
FORMAT_CODES = {"easy_read", "large_print", "bsl"}


def stored_codes_shown(text_nodes):
    """The stored codes (a language such as "so" or "en-gb", a format such as "easy_read") that a
    page shows as text: a whole text node, or one item of a list in one ("easy_read, bsl")."""
    from core.languages import _names

    codes = ({code for code in _names().values()} - ENGLISH_WORDS) | FORMAT_CODES
    shown = set()
    for node in text_nodes:
        for piece in re.split(r"[,;:()]", node):
            if piece.strip() in codes:
                shown.add(piece.strip())
    return tuple(sorted(shown))


def answer_words(answers):
    """{question: the words a page would show for the answer}, for the questions shown as words."""
    words = {}
    for question, code in answers.items():
        if question == "main_language":
            words[question] = str(name_of(code))
        elif question not in CHOSEN_ONLY:
            words[question] = str(QUESTIONS[question](code).label)
    return words


@dataclass
class Parsed:
    """What the sweeps need from a page: its text, the values its forms have chosen, its forms."""

    text: list = field(default_factory=list)
    chosen: set = field(default_factory=set)  # (field name, value) of checked inputs and selected options
    downloads: list = field(default_factory=list)
    forms: list = field(default_factory=list)  # [method, has a CSRF token]
    links: list = field(default_factory=list)  # every other <a href> on the page
    nested_forms: int = 0  # forms opened inside another form (invalid HTML: a button may send the wrong one)


class _PageParser(HTMLParser):
    SKIP = {"script", "style"}

    def __init__(self):
        super().__init__()
        self.parsed = Parsed()
        self.skipping = 0
        self.select = None
        self.open_forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIP:
            self.skipping += 1
        elif tag == "form":
            if self.open_forms:
                self.parsed.nested_forms += 1
            form = [(attrs.get("method") or "get").lower(), False]
            self.parsed.forms.append(form)
            self.open_forms.append(form)
        elif tag == "select":
            self.select = attrs.get("name")
        elif tag == "option" and "selected" in attrs:
            self.parsed.chosen.add((self.select, attrs.get("value")))
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if attrs.get("name") == "csrfmiddlewaretoken" and self.open_forms:
                self.open_forms[-1][1] = True
            if kind in ("radio", "checkbox") and "checked" in attrs:
                self.parsed.chosen.add((attrs.get("name"), attrs.get("value")))
            elif kind in ("text", "search") and attrs.get("value"):
                self.parsed.text.append(attrs["value"])
        elif tag == "a" and "download" in attrs and attrs.get("href"):
            self.parsed.downloads.append(attrs["href"])
        elif tag == "a" and attrs.get("href"):
            self.parsed.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "form" and self.open_forms:
            self.open_forms.pop()
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if not self.skipping:
            self.parsed.text.append(data)


def parse_html(html):
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.parsed


def body_text(response, content):
    """A download's text: a PDF's extracted text, anything else decoded."""
    if response["Content-Type"].startswith("application/pdf"):
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    return content.decode("utf-8", "replace")


@dataclass(frozen=True)
class Visit:
    role: str
    url: str
    status: int
    html: bool
    evidence: tuple  # (whose, what) for every equality answer of someone's the body shows
    audited: bool  # an audit entry of a read, by this user, was written while the page was answered
    may_see_special: bool
    forms: tuple  # (method, has a CSRF token) of every form on the page
    names: bool = False  # the body names a resident
    sent_answer: bool = False  # the body shows the sample's sent survey answer (tests.pages.SENT_ANSWER)
    named: tuple = ()  # every match of the names pattern: which residents the body names
    links: tuple = ()  # the addresses inside this service that the page links to (followed too)
    placeholder: bool = False  # the body shows an unfilled placeholder such as "{landlord}"
    codes_shown: tuple = ()  # stored codes shown as text ("so", "en-gb", "easy_read")
    nested_forms: int = 0
    followed: bool = False  # reached by following a link the reader was offered, not from the sweep's list
    body: str = field(default="", repr=False)  # an HTML page's markup, for the W3C checker


class Evidence:
    """Finds an individual's equality answer in a body.

    An individual's answer, not a figure about a group: the words of an answer count only on a body
    that also names a resident (dashboards, the representation review and the figures name nobody),
    and only when the body does not list every answer to that question (a form offering the
    choices); a form's chosen value (a checked radio, a selected option) is one person's answer
    wherever it is. Files (CSV, JSON, PDF) are read the same way, and the distinctive codes count
    as well as the words.
    """

    def __init__(self, answers_by_whose, names):
        """`names`: a pattern that finds any resident's name."""
        self.words = {whose: answer_words(answers) for whose, answers in answers_by_whose.items()}
        self.chosen = {whose: answers for whose, answers in answers_by_whose.items()}
        self.names = re.compile(names)
        self.every_answer = {
            question: [str(label) for _code, label in choices.choices] for question, choices in QUESTIONS.items()
        }

    def find(self, text, chosen=(), codes=False):
        found = []
        for whose, answers in self.chosen.items():
            for question, code in answers.items():
                if any(name and name.endswith(question) and value == code for name, value in chosen):
                    found.append((whose, f"{question} chosen in a form"))
        if not self.names.search(text):
            return found
        for whose, words in self.words.items():
            for question, word in words.items():
                offered = self.every_answer.get(question, ())
                if offered and all(label in text for label in offered):
                    continue
                if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
                    found.append((whose, f"{question}: {word!r} beside a resident's name"))
                code = self.chosen[whose][question]
                if codes and question in DISTINCTIVE_CODES and re.search(rf"\b{re.escape(code)}\b", text):
                    found.append((whose, f"{question}: code {code!r} beside a resident's name"))
        return found


def internal_link(url, href):
    """The address inside this service a link on `url` goes to, without its fragment; None for a
    link elsewhere (another site, mailto:, tel:), to the same page's part, or to a static file."""
    target = urlsplit(urljoin(url, href))
    if target.scheme not in ("", "http") or target.netloc not in ("", "testserver"):
        return None
    if target.path.startswith(settings.STATIC_URL) or (not target.path and not target.query):
        return None
    address = target.path + (f"?{target.query}" if target.query else "")
    return None if address == url else address


def page_name(address):
    """The URL name of the page at `address` (with its namespace), or None when no page is there."""
    from django.urls import Resolver404, resolve

    try:
        return resolve(urlsplit(address).path).view_name
    except Resolver404:
        return None


def visit_everything(client, users, urls, evidence, audit_entries):
    """Open every url as every user (None: not signed in), and every download each page links to.

    `audit_entries(user, after_pk)` says whether that user's reads were audited after `after_pk`.
    """
    from django.core.cache import cache

    from engagement.models import AuditEntry

    visits = []
    for role, user in users.items():
        client.logout()
        cache.clear()  # the survey links' rate limit counts every role's tries otherwise
        if user is not None:
            client.force_login(user)
        may_see = user is not None and user.has_perm("engagement.view_special_category")
        queue, seen, followed = list(urls), set(), set()
        listed = set(urls)
        while queue:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            response = client.get(url)
            content = b"".join(response.streaming_content) if response.streaming else response.content
            html = response.get("Content-Type", "").startswith("text/html")
            parsed = parse_html(content.decode()) if html else None
            links = ()
            if parsed:
                queue.extend(urljoin(url, href) for href in parsed.downloads if not urlsplit(href).netloc)
            if parsed and response.status_code == 200:
                # The links the page offers this reader are opened by them too: one link to each page
                # of the project (the first found), and every link to an address that is no page.
                links = tuple(dict.fromkeys(link for href in parsed.links if (link := internal_link(url, href))))
                for link in links:
                    name = page_name(link)
                    if name not in followed:
                        followed.add(name or link)
                        queue.append(link)
            text = ""
            if response.status_code != 200:
                found = ()
            elif html:
                text = " ".join(parsed.text)
                found = evidence.find(text, parsed.chosen)
            else:
                text = body_text(response, content)
                found = evidence.find(text, codes=True)
            visits.append(
                Visit(
                    role=role,
                    url=url,
                    status=response.status_code,
                    html=html,
                    evidence=tuple(found),
                    audited=user is not None and audit_entries(user, last),
                    may_see_special=may_see,
                    forms=tuple(tuple(form) for form in parsed.forms) if parsed else (),
                    names=bool(evidence.names.search(text)),
                    named=tuple(sorted(set(evidence.names.findall(text)))),
                    sent_answer=SENT_ANSWER in text,
                    links=links,
                    placeholder=bool(PLACEHOLDER.search(text)),
                    codes_shown=stored_codes_shown(parsed.text) if html and response.status_code == 200 else (),
                    nested_forms=parsed.nested_forms if parsed else 0,
                    followed=url not in listed,
                    body=content.decode() if html else "",
                )
            )
    return visits
