import pytest

from surveys.models import Invitation, Response

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_tsm_round_and_after_repair_surveys_answered_in_several_modes_and_languages(demo_landlord):
    assert "Surveys: a TSM round" in demo_landlord
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
