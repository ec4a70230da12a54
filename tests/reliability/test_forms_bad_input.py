"""Every form on every page, sent hostile text through the real views.

Each form is read from its page as a browser would (tests/pages.py finds every page), filled with
valid values, and then one field at a time is given arbitrary unicode, very long text, HTML and
script, SQL-looking text or the wrong type. The answer must be a clear message (the form again,
200) or a clean save (a redirect), never a server error; and whatever was saved is shown back as
text, never as markup that runs.
"""

import os
import time
from datetime import date
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.roles import ROLES
from tests.engagement.factories import HomeFactory
from tests.pages import html_pages_to_visit
from tests.reliability.htmlforms import forms_on
from tests.reliability.payloads import HOSTILE, SCRIPT, assert_no_script_runs
from tests.surveys.factories import InvitationFactory, answered_response

pytestmark = pytest.mark.django_db

# Forms that are not about typed input, or that another test sends on purpose.
NOT_FUZZED_ACTIONS = ("/accounts/logout/", "/i18n/setlang/", "/insight/figures/recompute/")
NOT_FUZZED_PAGES = {"import_start"}  # files: tests/reliability/test_imports_bad_input.py
# Hostile examples per form (each a real request). Raise it for a longer hunt: BAD_INPUT_EXAMPLES=50.
EXAMPLES = int(os.environ.get("BAD_INPUT_EXAMPLES", "3"))
COUNTS = ("headcount", "size", "sample_size", "days", "extension_working_days", "__")


def valid(name):
    """A value the field accepts, so that the one hostile field is what the form has to deal with."""
    if name.endswith("_0"):
        return "3"
    if name.endswith("_1"):
        return "2"
    if name.endswith("_2"):
        return "2025"
    if name.endswith("_time"):
        return "10:30"
    if name in ("email", "representative_contact"):
        return "someone@example.com"
    if name == "received_on":
        return "03/02/2025"
    if name == "cost":
        return "12.50"
    if any(part in name for part in COUNTS):
        return "3"
    if name == "password":
        return "not-the-password-1234"
    return "Plain words"


def free_text(name):
    """Fields where any words are allowed (the ones the marker pass fills with script)."""
    return valid(name) == "Plain words"


def _role_for(page, personas):
    return next((role.slug for role in ROLES if page.access.allows(personas[role.slug])), None)


def _extra_urls(personas):
    """Forms drawn only after a first step: a home chosen, or a free-text survey question reached."""
    home = HomeFactory()
    invitation = InvitationFactory()
    answered_response(invitation, submit=False)
    return [
        ("housing_officer", f"/repairs/raise/?home={home.property_reference}"),
        ("housing_officer", f"/repairs/complaints/log/?home={home.property_reference}"),
        ("housing_officer", f"/surveys/answer/{invitation.token}/COMMENTS/"),
    ]


def every_form(client, personas):
    """[(role, page url, HtmlForm)] for every distinct form the project draws."""
    found, seen = [], set()
    targets = [
        (role, page.url(personas))
        for page in html_pages_to_visit()
        if page.name not in NOT_FUZZED_PAGES and (role := _role_for(page, personas))
    ]
    for role, url in targets + _extra_urls(personas):
        client.force_login(personas[role])
        response = client.get(url, follow=True)
        for form in forms_on(response.content.decode()):
            action = form.action or urlsplit(response.request["PATH_INFO"]).path
            if action in NOT_FUZZED_ACTIONS:
                continue
            key = (form.method, action.split("?")[0].rstrip("/").rsplit("/", 1)[0], tuple(form.text_fields))
            if key in seen:
                continue
            seen.add(key)
            found.append((role, response.request["PATH_INFO"], form, action))
    return found


def send(client, form, action, data):
    if form.method == "post":
        return client.post(action, data, follow=True)
    return client.get(action, data, follow=True)


def send_hostile_text(client, url, form, action):
    """One field at a time gets hostile text; the others valid values. Radios, checkboxes and
    selects get it too (a hand-made request sends whatever it likes)."""

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(field=st.sampled_from(form.text_fields + sorted(form.choices)), text=HOSTILE)
    def hostile_field(field, text):
        data = form.baseline(valid)
        data[field] = [text]
        response = send(client, form, action, data)
        assert response.status_code < 500, (url, field, text[:80])
        assert_no_script_runs(response.content.decode(), f"after {field}={text[:40]!r} on {url}")

    hostile_field()


def test_every_form_answers_hostile_text_with_a_message_or_a_clean_save(client, personas):
    forms = every_form(client, personas)
    assert len(forms) >= 40, [url for _role, url, _form, _action in forms]
    saved = 0
    answers = {}  # every page a form answered with, for the W3C checker
    for role, url, form, action in forms:
        client.force_login(personas[role])
        # Every free-text field at once gets script; the rest valid values.
        data = form.baseline(lambda name: SCRIPT if free_text(name) else valid(name))
        response = send(client, form, action, data)
        assert response.status_code < 500, url
        assert_no_script_runs(response.content.decode(), f"after sending the form on {url}")
        if response.redirect_chain:
            saved += 1
            again = client.get(url, follow=True)
            assert_no_script_runs(again.content.decode(), f"on {url} shown again")
        if form.text_fields or form.choices:
            send_hostile_text(client, url, form, action)
        # Sent with nothing filled in: the form again with its error messages, as a person sees it.
        blank = send(client, form, action, {name: [value] for name, value in form.hidden.items()})
        for sent, what in ((response, "sent with script"), (blank, "sent empty")):
            if sent["Content-Type"].startswith("text/html") and sent.content.strip():
                answers[f"{url} {what}, as {role} ({sent.status_code})"] = sent.content.decode()
    # Enough forms saved the script that "shown again" was really tried.
    assert saved >= 20, saved
    then_the_pages_are_valid_html(answers)


def then_the_pages_are_valid_html(pages):
    """Issue 27: the W3C checker finds no error on a form's answer either (its error summary, the
    messages beside each field), in one run of the checker (tests/helpers/html_validator.py)."""
    from tests.helpers.html_validator import checker_missing, distinct, validate

    if checker_missing() and os.environ.get("REQUIRE_BROWSER") != "1":
        return
    pages = distinct(pages)
    started = time.perf_counter()
    problems = validate(pages)
    print(f"\nW3C checker: {len(pages)} distinct answers to forms in {time.perf_counter() - started:.1f} s")
    assert problems == [], f"{len(problems)} errors:\n" + "\n".join(str(problem) for problem in problems)


@pytest.mark.parametrize(
    "date_field",
    ["/repairs/complaints/{pk}/close/", "/panels/add/"],
    ids=["repairs date (was a server error)", "engagement date"],
)
def test_a_day_month_or_year_too_large_for_a_date_is_a_message(client, personas, date_field):
    from repairs.services import complaint_raise

    complaint = complaint_raise(
        resident=personas["resident"].resident, received_on=date(2025, 3, 3), summary="Leak", categories=["repairs"]
    )
    client.force_login(personas["housing_officer"])
    url = date_field.format(pk=complaint.pk)
    field = "closed_on" if "close" in url else "set_up_on"
    response = client.post(
        url, {"name": "Panel", "purpose": "Scrutiny", f"{field}_0": "1", f"{field}_1": "1", f"{field}_2": "9" * 20}
    )
    assert response.status_code == 200
    assert "must be a real date" in response.content.decode()
