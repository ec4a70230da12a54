"""Real headless Chromium (Debian's package) driven by Playwright, with axe-core from npm.

Playwright's own browser download does not work here, so it launches /usr/bin/chromium. Locally,
browser tests are skipped when Chromium is not installed; CI sets REQUIRE_BROWSER=1 so a missing
browser fails the run instead.
"""

import functools
import hashlib
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from core.roles import role_of

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_SOURCE_PATH = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# Without these, Chromium reaches out to Google's services, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, but with static files served by WhiteNoise from the collected,
    hashed files, as in production (its default handler only finds unhashed files, and only in DEBUG)."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"), start=False)
    server.thread.static_handler = lambda handler: handler
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium is required but not found at {CHROMIUM} (apt-get install chromium).")
        pytest.skip(f"Chromium not installed at {CHROMIUM}; install Debian's chromium to run browser tests.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _free_pages(browser):
    """Browser pages kept for the whole run, by (javascript, width, height), each in its own context.

    A fresh page fetches and compiles plotly.js again (about 1.5 s on this machine); a page kept
    from an earlier test has it cached. Each test gets a page with no cookies and the same settings.
    """
    free = {}
    yield free
    for pages in free.values():
        for page in pages:
            page.context.close()


def _new_page(browser, live_server, javascript, width, height):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=javascript, viewport={"width": width, "height": height}
    )
    page = context.new_page()
    # Anything the Content-Security-Policy blocked (inline script, eval, a stylesheet from
    # elsewhere) shows as a console error; the accessibility baseline also fails on it.
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and page.csp_violations.append(message.text),
    )
    return page


@pytest.fixture
def open_page(browser, live_server, _free_pages):
    """open_page(user=None, javascript=True, width=1024) -> a Playwright page signed in as `user`."""
    taken = []

    def opener(user=None, javascript=True, width=1024, height=900):
        kind = (javascript, width, height)
        free = _free_pages.setdefault(kind, [])
        page = free.pop() if free else _new_page(browser, live_server, *kind)
        taken.append((kind, page))
        page.context.clear_cookies()
        page.set_default_timeout(30_000)
        page.csp_violations = []
        role = role_of(user) if user is not None else None
        page.viewer = (role.slug if role else None, javascript, width)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        return page

    yield opener
    for kind, page in taken:
        if page.is_closed() or len(page.context.pages) != 1:
            page.context.close()  # a test closed it or opened others: start the next one afresh
            continue
        # The page stays on the test server's origin: a move to about:blank would start a new
        # renderer process next time, and with it compile plotly.js again.
        page.context.clear_cookies()
        _free_pages[kind].append(page)


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@functools.cache
def _axe_source():
    return AXE_SOURCE_PATH.read_text()


def axe_violations(page):
    """Run axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on the page; return readable violations."""
    page.evaluate(_axe_source())
    # resultTypes: only violations are read, so axe need not list every passing node.
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}x, first: {violation['nodes'][0]['html'][:160]})"
        for violation in result["violations"]
    ]


# What one page looks like to axe: its address without ids, who is looking (role, JavaScript,
# width), and the shape of its document (every element's tag, type, role and classes, not its
# text). A page already checked in this shape in this process is not checked again.
PAGE_SHAPE = """() => location.pathname.replace(/\\d+/g, '#') + location.search + '|' + Boolean(document.title) + document.documentElement.lang
    + '|' + Array.from(document.querySelectorAll('*'), e =>
        [e.tagName, e.getAttribute('type'), e.getAttribute('role'), e.getAttribute('class')].join(' ')).join('>')"""
_checked_shapes = set()


def then_the_accessibility_baseline_is_met(page):
    # A click that follows a link returns once the navigation starts: wait for the new document,
    # or the check reads a page that has no <html> yet.
    page.wait_for_load_state("load")
    shape = hashlib.sha256(f"{getattr(page, 'viewer', None)}|{page.evaluate(PAGE_SHAPE)}".encode()).hexdigest()
    violations = [] if shape in _checked_shapes else axe_violations(page)
    assert violations == [], f"axe found problems on {page.url}:\n" + "\n".join(violations)
    _checked_shapes.add(shape)
    blocked = getattr(page, "csp_violations", [])
    assert blocked == [], f"The Content-Security-Policy blocked something on {page.url}:\n" + "\n".join(blocked)


# A phone (issue 27): at this width nothing may scroll sideways except inside a labelled, focusable
# scrolling region (role="region" with a name and tabindex="0"), which a keyboard user can scroll
# and a screen reader announces.
PHONE_WIDTH = 360

# What scrolls sideways outside such a region: the page itself (with the deepest boxes that stick
# out), or any box whose content is wider than it and that lets it scroll or spill.
SIDEWAYS = r"""(width) => {
  const found = [];
  const root = document.scrollingElement;
  const inRegion = (box) => {
    const region = box.closest('[role="region"][tabindex="0"]');
    return region && (region.getAttribute("aria-label") || region.getAttribute("aria-labelledby"));
  };
  const describe = (box) => box.tagName.toLowerCase() + (box.id ? "#" + box.id : "") + (box.className && typeof box.className === "string" ? "." + box.className.trim().split(/\s+/).join(".") : "");
  if (root.scrollWidth > width) {
    found.push(`the page is ${root.scrollWidth}px wide`);
    const wide = [...document.body.querySelectorAll("*")].filter((box) => box.getBoundingClientRect().right > width + 1 && !(box.parentElement && inRegion(box.parentElement)));
    const deepest = wide.filter((box) => !wide.some((other) => other !== box && box.contains(other)));
    deepest.slice(0, 3).forEach((box) => found.push(`${describe(box)} reaches ${Math.round(box.getBoundingClientRect().right)}px`));
  }
  for (const box of document.body.querySelectorAll("*")) {
    if (box.scrollWidth <= box.clientWidth + 1 || box.clientWidth === 0) continue;
    const overflow = getComputedStyle(box).overflowX;
    if (overflow === "hidden" || overflow === "clip") continue;
    if (overflow === "visible" && box.getBoundingClientRect().right <= width) continue;
    if (!inRegion(box)) found.push(`${describe(box)} (${box.scrollWidth}px in ${box.clientWidth}px)`);
  }
  return found.slice(0, 5);
}"""


def then_nothing_scrolls_sideways_on_a_phone(page):
    found = page.evaluate(SIDEWAYS, PHONE_WIDTH)
    assert found == [], f"{page.url} at {PHONE_WIDTH}px scrolls sideways: " + "; ".join(found)


# Focus moves before a key press returns, so one quick look after each Tab is enough (a long
# wait on every control passed on the way cost the keyboard tests a quarter of a second each).
FOCUS_LOOK_MS = 30


def tab_until_focused(page, target, what, limit=60):
    """Press Tab until `target` (a locator) has focus, as a keyboard user would. Works with the
    page's JavaScript switched off: Playwright's own checks, not page.evaluate(), which hangs."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        try:
            expect(target).to_be_focused(timeout=FOCUS_LOOK_MS)
            return
        except AssertionError:
            continue
    raise AssertionError(f"Could not reach {what} with the Tab key")


def tab_to(page, label, limit=25):
    """Press Tab until the field with this accessible label has focus."""
    tab_until_focused(page, page.get_by_label(label), repr(label), limit)
