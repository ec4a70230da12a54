"""The respectful-language check: each seeded phrase is found, innocent text is not, and what was
flagged (and whether the writer changed the text) is recorded."""

from datetime import date

import pytest
from django.urls import reverse

from core.language_check import LanguageReview, check
from core.models import LanguageRule, LanguageSource
from desk.models import LanguageFlag
from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db


def _example(phrase):
    """A sentence using the phrase as written (a trailing * matches any ending, including none)."""
    return f"Visited today. {phrase.replace('*', '').capitalize()} was noted by me."


def test_the_seeded_list_is_there_and_each_phrase_is_flagged():
    rules = list(LanguageRule.objects.all())
    assert len(rules) == 21
    for rule in rules:
        findings = check(_example(rule.phrase), rules)
        assert [finding.rule.phrase for finding in findings] == [rule.phrase], rule.phrase


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Resident refused access for the gas check.", ["refus* access"]),
        ("Refused access.", ["refus* access"]),
        ("The tenant is refusing access again", ["refus* access"]),
        ("Mr Shah is a non-engager.", ["non-engag*"]),
        ("Non engagement with the damp survey", ["non-engag*"]),
        ("Family is hard-to-reach.", ["hard to reach"]),
        ("She is vulnerable and aggressive.", ["vulnerable", "aggressive"]),
        ("Mould caused by lifestyle", ["lifestyle*"]),
    ],
)
def test_stigmatising_uses_are_flagged(text, flagged):
    assert [finding.rule.phrase for finding in check(text)] == flagged


@pytest.mark.parametrize(
    "text",
    [
        # The landlord, not the resident, refused: a different matter.
        "The landlord refused access to the roof for the survey.",
        "We refused access to the contractor until the asbestos check was done.",
        "The landlord refused to fix the boiler for six weeks.",
        # Similar letters, different words.
        "The resident engaged well and we agreed a date.",
        "Invulnerable? No. She is vulnerable to falls on the stairs: fit a second rail.",
        "The stopcock is hard to reach behind the kitchen units.",
        "Aggressive mould growth on the north wall.",
        "Life style magazine left on the table; styles of window discussed.",
        "Reached an agreement about access next Tuesday.",
        "He refused the offer of a morning slot because of school runs.",
        "Kick-off meeting for the cladding works.",
    ],
)
def test_innocent_text_is_not_flagged(text):
    assert check(text) == []


def test_the_preceding_words_are_read_within_the_sentence_only():
    # "landlord" is in the previous sentence: the resident's refusal is still stated as a fact.
    text = "Spoke to the landlord. Resident refused access."
    assert [finding.matched_text for finding in check(text)] == ["refused access"]


def test_an_administrator_can_add_a_rule_and_switch_one_off():
    LanguageRule.objects.create(phrase="scrounger*", alternative="Leave it out.", why="It is an insult.")
    LanguageRule.objects.filter(phrase="chaotic").update(is_active=False)
    assert [f.matched_text for f in check("A chaotic household of scroungers")] == ["scroungers"]


def test_the_review_records_what_was_flagged_and_whether_the_text_changed():
    user = UserFactory()
    first = "Tenant is a non-engager and aggressive."
    changed = LanguageReview("Tenant has not replied to three letters; raised his voice on the phone.", first, None)
    assert changed.needs_review is False
    assert changed.text_changed is True
    flags = changed.record(source=LanguageSource.CONTACT_NOTES, by=user)
    assert sorted((f.phrase, f.text_changed, f.still_in_text) for f in flags) == [
        ("aggressive", True, False),
        ("non-engag*", True, False),
    ]
    kept = LanguageReview(first, first, None)
    assert kept.text_changed is False
    assert [still for _finding, still in kept.flags()] == [True, True]
    unseen = LanguageReview(first, "", None)
    assert unseen.needs_review is True


def test_a_complaint_response_is_checked_on_save_and_the_outcome_stored(client, personas):
    from repairs.services import complaint_raise

    complaint = complaint_raise(
        resident=personas["resident"].resident,
        received_on=date(2025, 3, 3),
        summary="The repair took months.",
        categories=["repairs"],
    )
    client.force_login(personas["housing_officer"])
    url = reverse("repairs:complaint_stage", args=[complaint.pk])
    data = {"extension_working_days": "0", "remedy": "Resident refused access twice, so the delay is theirs."}
    first = client.post(url, data)
    assert first.status_code == 200
    page = first.content.decode()
    assert "refused access" in page and "Record what happened" in page
    assert 'name="remedy_as_flagged" value="Resident refused access twice' in page
    assert LanguageFlag.objects.count() == 0
    revised = {**data, "remedy": "We could not get in on two dates; we should have offered an evening slot.",
               "remedy_as_flagged": data["remedy"]}  # fmt: skip
    second = client.post(url, revised)
    assert second.status_code == 302
    flag = LanguageFlag.objects.get()
    assert (flag.source, flag.phrase, flag.text_changed, flag.still_in_text) == (
        "complaint_response",
        "refus* access",
        True,
        False,
    )
    assert flag.complaint_stage == complaint.stages.get(number=1)


def test_an_administrator_edits_the_word_list_in_the_browser(client, personas):
    client.force_login(personas["administrator"])
    assert client.get("/admin/core/languagerule/").status_code == 200
    response = client.post(
        "/admin/core/languagerule/add/",
        {"phrase": "benefit scrounger*", "alternative": "Leave it out: say what the query is about.",
         "why": "An insult, not a fact.", "unless_preceded_by": "", "unless_followed_by": "", "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert [f.matched_text for f in check("Typical benefit scroungers")] == ["benefit scroungers"]
    # The record of what was flagged is read-only, even for an administrator.
    assert client.get("/admin/desk/languageflag/").status_code == 200
    assert client.get("/admin/desk/languageflag/add/").status_code == 403


def test_officers_cannot_edit_the_word_list(client, personas):
    client.force_login(personas["housing_officer"])
    assert client.get("/admin/core/languagerule/").status_code == 302
