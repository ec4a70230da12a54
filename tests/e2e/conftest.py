"""Real headless Chromium (Debian's package) driven by Playwright, with axe-core from npm.

Playwright's own browser download does not work here, so it launches /usr/bin/chromium. Locally,
browser tests are skipped when Chromium is not installed; CI sets REQUIRE_BROWSER=1 so a missing
browser fails the run instead.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

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


@pytest.fixture
def open_page(browser, live_server):
    """open_page(user=None, javascript=True, width=1024) -> a Playwright page signed in as `user`."""
    contexts = []

    def opener(user=None, javascript=True, width=1024, height=900):
        context = browser.new_context(
            base_url=live_server.url, java_script_enabled=javascript, viewport={"width": width, "height": height}
        )
        contexts.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        page = context.new_page()
        # Anything the Content-Security-Policy blocked (inline script, eval, a stylesheet from
        # elsewhere) shows as a console error; the accessibility baseline also fails on it.
        page.csp_violations = []
        page.on(
            "console",
            lambda message: "Content Security Policy" in message.text and page.csp_violations.append(message.text),
        )
        return page

    yield opener
    for context in contexts:
        context.close()


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page):
    """Run axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on the page; return readable violations."""
    page.evaluate(AXE_SOURCE_PATH.read_text())
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}x, first: {violation['nodes'][0]['html'][:160]})"
        for violation in result["violations"]
    ]


def then_the_accessibility_baseline_is_met(page):
    violations = axe_violations(page)
    assert violations == [], f"axe found problems on {page.url}:\n" + "\n".join(violations)
    blocked = getattr(page, "csp_violations", [])
    assert blocked == [], f"The Content-Security-Policy blocked something on {page.url}:\n" + "\n".join(blocked)


def tab_to(page, label, limit=25):
    """Press Tab until the field with this accessible label has focus, as a keyboard user would."""
    target = page.get_by_label(label)
    for _ in range(limit):
        page.keyboard.press("Tab")
        try:
            # Playwright's own checks work with the page's JavaScript switched off; evaluate() hangs.
            expect(target).to_be_focused(timeout=250)
            return
        except AssertionError:
            continue
    raise AssertionError(f"Could not reach {label!r} with the Tab key")
