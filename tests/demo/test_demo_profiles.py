"""seed_demo fills the resident profiles the way the officer pages need to be shown."""

from datetime import date

from django.db.models import Count

from engagement.models import (
    CommunicationPreference,
    ContactRestriction,
    EqualityProfile,
    Household,
    ReasonableAdjustment,
    SupportNeed,
)


def test_the_demo_landlord_has_several_needs_outstanding_adjustments_overdue_restrictions_and_offline_homes(
    db, demo_landlord
):
    today = date.today()

    assert "Profiles:" in demo_landlord
    needs_per_resident = SupportNeed.objects.current().values("resident").annotate(n=Count("pk"))
    print(
        "MULTI", needs_per_resident.filter(n__gt=1).count(), "OUT", ReasonableAdjustment.objects.outstanding().count()
    )
    assert needs_per_resident.filter(n__gt=1).count() > 50
    assert ReasonableAdjustment.objects.outstanding().count() > 20
    assert ContactRestriction.objects.past_review(today).exists()
    assert SupportNeed.objects.past_review(today).exists()
    assert SupportNeed.objects.exclude(ended_on=None).exists()  # history kept
    offline_households = Household.objects.filter(residents__communication_preference__no_internet=True).distinct()
    assert 0.12 < offline_households.count() / Household.objects.count() < 0.22  # about one in six
    for preference in CommunicationPreference.objects.filter(no_internet=True):
        assert not set(preference.channels) & {"email", "text"}
    # Answers are kept only with consent.
    assert not EqualityProfile.objects.exclude(sex="not_asked").filter(consent_method="").exists()
