"""Residents give or change their own equality answers, with the same explanation and consent, and
"Prefer not to say" on every question. Their home page links what they can do."""

from datetime import date

import pytest
from django.urls import reverse

from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY, QUESTIONS
from engagement.forms.equality import OwnEqualityForm
from engagement.models import AuditEntry, EqualityProfile

pytestmark = pytest.mark.django_db


def _answers(**overrides):
    answers = {name: PREFER_NOT_TO_SAY for name in QUESTIONS}
    return {**answers, "main_language": "", "consent": "on", **overrides}


def test_every_question_offers_prefer_not_to_say_and_never_not_asked(personas):
    form = OwnEqualityForm(resident=personas["resident"].resident, profile=None)
    for name in QUESTIONS:
        values = [value for value, _label in form.fields[name].choices]
        assert PREFER_NOT_TO_SAY in values, name
        assert NOT_ASKED not in values, name


def test_a_resident_saves_their_own_answers_with_consent(client, personas):
    user = personas["resident"]
    client.force_login(user)
    page = client.get(reverse("my_equality")).content.decode()
    assert "Please read this before you answer" in page and "Why we ask" in page
    response = client.post(reverse("my_equality"), _answers(disability="yes", ethnicity="white_irish"))
    assert response.status_code == 302
    profile = EqualityProfile.objects.get(resident=user.resident)
    assert (profile.disability, profile.ethnicity, profile.sex) == ("yes", "white_irish", PREFER_NOT_TO_SAY)
    assert (profile.consent_method, profile.consent_given_on, profile.consent_explained_by) == (
        "online", date.today(), None)  # fmt: skip
    entries = AuditEntry.objects.filter(user=user, resident=user.resident).order_by("pk")
    actions = list(entries.values_list("action", flat=True))
    assert actions == ["viewed", "added"]


def test_without_agreeing_nothing_is_kept(client, personas):
    client.force_login(personas["resident"])
    data = _answers()
    del data["consent"]
    response = client.post(reverse("my_equality"), data)
    assert "Tick to agree to us keeping your answers" in response.content.decode()
    assert not EqualityProfile.objects.exists()


def test_a_blank_date_of_birth_keeps_the_one_we_hold(client, personas):
    resident = personas["resident"].resident
    resident.date_of_birth = date(1960, 2, 1)
    resident.save()
    client.force_login(personas["resident"])
    client.post(reverse("my_equality"), _answers())
    resident.refresh_from_db()
    assert resident.date_of_birth == date(1960, 2, 1)


def test_the_resident_home_page_links_what_they_can_do(client, personas):
    client.force_login(personas["resident"])
    page = client.get(reverse("home")).content.decode()
    assert "Here you will be able" not in page
    for name in ("surveys:mine", "repairs:mine", "my_preferences", "my_equality", "you_said_we_did"):
        assert f'href="{reverse(name)}"' in page, name
