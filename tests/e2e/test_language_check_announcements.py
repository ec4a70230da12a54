"""The language check's advice is a live region: a screen reader hears a new finding once, and
nothing while the officer types on without a new phrase."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import then_the_accessibility_baseline_is_met
from tests.engagement.factories import ResidentFactory

pytestmark = pytest.mark.browser

COUNT_CHANGES = """() => {
  window.regionChanges = 0;
  new MutationObserver(() => { window.regionChanges += 1; })
    .observe(document.getElementById("notes-language-check"), {childList: true, subtree: true, characterData: true});
}"""


def test_the_advice_region_changes_only_when_the_findings_change(open_page, personas):
    resident = ResidentFactory()
    page = open_page(personas["housing_officer"], width=360)
    page.goto(f"/residents/{resident.pk}/contacts/add/")
    page.evaluate(COUNT_CHANGES)
    notes = page.get_by_label("Notes")
    notes.click()
    page.keyboard.type("Mrs Okafor is a non-engager.")
    region = page.locator("#notes-language-check")
    expect(region).to_contain_text("Say what we tried and when")
    page.wait_for_timeout(600)
    first = page.evaluate("window.regionChanges")
    assert first >= 1
    for word in (" She", " was", " out", " at", " ten."):  # five more words, each after a pause
        page.keyboard.type(word)
        page.wait_for_timeout(500)
    assert page.evaluate("window.regionChanges") == first  # nothing new, nothing said
    page.keyboard.type(" Very demanding.")
    expect(region).to_contain_text("Say what they asked for and how often")
    assert page.evaluate("window.regionChanges") > first
    then_the_accessibility_baseline_is_met(page)
