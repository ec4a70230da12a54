"""seed_demo's contact history: a patch for the demo officer, silences, and notes to find."""

import pytest
from django.contrib.auth import get_user_model

from core.language_check import check
from desk.models import Contact, ContactPrompt, Prompt
from desk.selectors.worklist import patch_silences, worklist_for
from engagement.models import Home

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_contact_history_with_stigmatising_notes_to_find(demo_landlord):
    officer = get_user_model().objects.get(username="officer")
    patch = Home.objects.filter(housing_officer=officer).count()
    assert 0.04 < patch / Home.objects.count() < 0.15  # about one home in twelve
    contacts = list(Contact.objects.all())
    assert len(contacts) > 300
    flagged = [contact for contact in contacts if check(contact.notes)]
    assert 0.05 < len(flagged) / len(contacts) < 0.2
    assert ContactPrompt.objects.count() == len(contacts) * len(Prompt)
    assert "with notes the language check flags" in demo_landlord
    worklist = worklist_for(officer)
    assert worklist.not_contacted, "the patch has residents not heard from"
    assert patch_silences(officer, officer).total > 0
