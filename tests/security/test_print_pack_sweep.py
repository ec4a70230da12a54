"""The print pack is a download made by a form post (a PDF of letters), so the page sweeps, which
open pages by GET, do not reach it: here every role that may make one does, for residents with
distinctive equality answers, and the PDF's text is read back for them."""

import io

import pytest
from django.test import Client
from django.urls import resolve, reverse
from pypdf import PdfReader

from core.roles import ROLES
from engagement.models import EqualityProfile
from surveys import services
from tests.engagement.factories import reachable_resident
from tests.security.sweep import OTHERS, answer_words
from tests.surveys.factories import tsm_survey

pytestmark = pytest.mark.django_db


def test_the_print_pack_shows_nobodys_equality_answers_to_any_role(personas):
    view = resolve(reverse("surveys:print_pack", kwargs={"pk": 1})).func.access
    makers = [role.slug for role in ROLES if view.allows(personas[role.slug])]
    assert makers, "no role may make a print pack"
    words = answer_words(OTHERS)
    for slug in makers:
        # A pack holds each letter once, so every role makes one for residents of its own.
        survey, residents = tsm_survey(), [reachable_resident(channels=["letter"]) for _ in range(2)]
        for resident in residents:
            EqualityProfile.objects.update_or_create(resident=resident, defaults=OTHERS)
        services.invitations_create(survey=survey, residents=residents)
        client = Client()
        client.force_login(personas[slug])
        response = client.post(reverse("surveys:print_pack", kwargs={"pk": survey.pk}))
        assert response.status_code == 200, slug
        pages = PdfReader(io.BytesIO(response.content)).pages
        text = " ".join(" ".join(page.extract_text().split()) for page in pages)
        assert all(resident.full_name in text for resident in residents), f"{slug}: a letter is missing"
        assert [word for word in words.values() if word in text] == [], slug
