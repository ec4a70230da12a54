"""A browser test that checks what a page shows waits for the page to show it.

`locator.is_visible()` answers at once, so `assert page.get_by_role(...).is_visible()` straight after a
click reads the page before the next one has arrived, and fails only when the machine is busy (as
CI did on 6 December: "Is this the right resident?" was read from the page the click left).
Playwright's `expect(locator).to_be_visible()` waits for it; browser tests use that instead."""

import re
from pathlib import Path

from django.conf import settings

BARE_CHECK = re.compile(r"^\s*assert\b.*\.is_(visible|hidden|checked|enabled)\(\)", re.M)


def test_no_browser_test_asserts_what_a_page_shows_without_waiting_for_it():
    found = []
    for path in sorted((Path(settings.BASE_DIR) / "tests").rglob("*.py")):
        if path.name == Path(__file__).name:
            continue
        text = path.read_text(encoding="utf-8")
        for match in BARE_CHECK.finditer(text):
            found.append(f"{path.name}:{text.count(chr(10), 0, match.start()) + 1}")
    assert found == []


def test_the_check_finds_a_bare_visibility_assertion():
    assert BARE_CHECK.search('    assert page.get_by_text("saved").is_visible()\n')
    assert not BARE_CHECK.search('    expect(page.get_by_text("saved")).to_be_visible()\n')
