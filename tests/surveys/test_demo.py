import io

import pytest
from django.core.management import call_command

from surveys.models import Invitation, Response

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_tsm_round_and_after_repair_surveys_answered_in_several_modes_and_languages():
    out = io.StringIO()
    call_command("seed_demo", homes=300, seed=4, stdout=out)
    assert "Surveys: a TSM round" in out.getvalue()
    tsm = Response.objects.filter(survey__kind="tsm")
    assert tsm.exists() and Response.objects.filter(survey__kind="transactional").exists()
    assert set(tsm.values_list("mode", flat=True)) >= {"online", "paper", "phone"}
    assert tsm.values("language").distinct().count() >= 3
    # Nobody who needs an interpreter answered online: they were called with one.
    assert not tsm.filter(mode="online").exclude(invitation__interpreter_language="").exists()
    assert (
        Invitation.objects.filter(survey__kind="transactional").exclude(repair_reference="").count()
        == Invitation.objects.filter(survey__kind="transactional").count()
    )
