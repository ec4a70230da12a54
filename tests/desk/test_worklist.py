"""My worklist and the patch view, for a hand-built officer and patch."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from desk.models import Contact, FollowUp
from desk.selectors.worklist import patch_silences, worklist_for
from engagement.models import AuditEntry
from tests.engagement.factories import (
    CommunicationPreferenceFactory,
    ContactRestrictionFactory,
    EqualityProfileFactory,
    HomeFactory,
    HouseholdFactory,
    ReasonableAdjustmentFactory,
    ResidentFactory,
    SupportNeedFactory,
)
from tests.repairs.factories import RepairRequestFactory

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 2)


def _resident_in(officer, first_name):
    home = HomeFactory(housing_officer=officer)
    return ResidentFactory(household=HouseholdFactory(home=home), first_name=first_name, last_name="Patch")


def _contact(officer, resident, days_ago):
    return Contact.objects.create(
        household=resident.household,
        resident=resident,
        occurred_at=timezone.now() - timedelta(days=days_ago),
        channel="phone",
        made_by=officer,
        made_as="housing_officer",
        purpose="Check-in",
    )


@pytest.fixture
def patch(personas, settings):
    settings.CONTACT_NOT_HEARD_DAYS = 180
    officer = personas["housing_officer"]
    recent = _resident_in(officer, "Recent")
    stale = _resident_in(officer, "Stale")
    never = _resident_in(officer, "Never")
    elsewhere = ResidentFactory(first_name="Elsewhere")  # not in this officer's patch
    _contact(officer, recent, days_ago=20)
    stale_contact = _contact(officer, stale, days_ago=400)
    _contact(officer, elsewhere, days_ago=900)
    return {"officer": officer, "recent": recent, "stale": stale, "never": never, "elsewhere": elsewhere,
            "stale_contact": stale_contact}  # fmt: skip


def test_the_worklist_of_a_hand_built_officer(patch, personas):
    officer, recent, stale, never = patch["officer"], patch["recent"], patch["stale"], patch["never"]
    mine = FollowUp.objects.create(contact=patch["stale_contact"], action="Call back", owner=officer,
                                   due_on=TODAY - timedelta(days=1))  # fmt: skip
    FollowUp.objects.create(contact=patch["stale_contact"], action="Done already", owner=officer,
                            due_on=TODAY, done_on=TODAY)  # fmt: skip
    FollowUp.objects.create(contact=patch["stale_contact"], action="Not mine",
                            owner=personas["contact_centre_agent"], due_on=TODAY)  # fmt: skip
    need = SupportNeedFactory(resident=recent, review_by=TODAY - timedelta(days=3))
    SupportNeedFactory(resident=recent, review_by=TODAY + timedelta(days=3))  # not yet due
    SupportNeedFactory(resident=patch["elsewhere"], review_by=TODAY - timedelta(days=3))  # not in the patch
    restriction = ContactRestrictionFactory(resident=stale, review_by=TODAY - timedelta(days=10))
    adjustment = ReasonableAdjustmentFactory(resident=never, status="requested")
    ReasonableAdjustmentFactory(resident=never, status="in_place", agreed_on=TODAY, in_place_on=TODAY)
    raised = RepairRequestFactory(household=recent.household, home=recent.household.home)
    patch["stale_contact"].repairs.add(raised)
    RepairRequestFactory(household=recent.household, home=recent.household.home)  # not from a contact

    worklist = worklist_for(officer, today=TODAY)
    assert worklist.follow_ups == [mine]
    assert worklist.overdue_follow_ups() == [mine]
    assert worklist.needs == [need]
    assert worklist.restrictions == [restriction]
    assert worklist.adjustments == [adjustment]
    assert worklist.repairs == [raised]
    # Never contacted first, then the longest silence; the resident contacted 20 days ago is not listed.
    assert [r.first_name for r in worklist.not_contacted] == ["Never", "Stale"]
    assert worklist.not_contacted[1].last_contact == patch["stale_contact"].occurred_at


def test_the_officer_home_page_shows_the_worklist_and_audits_the_needs(client, patch):
    officer = patch["officer"]
    SupportNeedFactory(resident=patch["recent"], review_by=timezone.localdate() - timedelta(days=3))
    client.force_login(officer)
    page = client.get(reverse("home")).content.decode()
    assert "My worklist" in page
    assert "2 residents in your patch not contacted for 180 days" in page
    assert "1 support need past its review date" in page
    assert AuditEntry.objects.filter(user=officer, resident=patch["recent"], subject="support_needs").count() == 1


def test_the_patch_view_groups_silent_residents_and_audits_disability(client, patch, personas):
    officer, stale, never = patch["officer"], patch["stale"], patch["never"]
    CommunicationPreferenceFactory(resident=stale, no_internet=True)
    CommunicationPreferenceFactory(resident=never, interpreter_language="Somali")
    EqualityProfileFactory(resident=never, disability="yes")
    EqualityProfileFactory(resident=patch["recent"], disability="yes")  # heard from recently: not listed
    silent_other = _resident_in(officer, "Quiet")

    silences = patch_silences(officer, officer)
    assert silences.total == 3
    assert [r.first_name for r in silences.no_internet] == ["Stale"]
    assert [r.first_name for r in silences.interpreter] == ["Never"]
    assert [r.first_name for r in silences.disability] == ["Never"]
    assert [r.pk for r in silences.others] == [silent_other.pk]

    client.force_login(officer)
    page = client.get(reverse("patch")).content.decode()
    assert "Disabled or with a long-term condition: 1 resident" in page
    audited = AuditEntry.objects.filter(user=officer, subject="equality_profile", path=reverse("patch"))
    assert sorted(audited.values_list("resident__first_name", flat=True)) == ["Never", "Quiet", "Stale"]


def test_without_the_special_category_permission_disability_is_not_used(patch, personas):
    from django.contrib.auth.models import Permission

    officer = patch["officer"]
    EqualityProfileFactory(resident=patch["never"], disability="yes")
    officer.user_permissions.clear()
    officer.groups.first().permissions.remove(Permission.objects.get(codename="view_special_category"))
    officer = type(officer).objects.get(pk=officer.pk)  # drop the cached permissions
    silences = patch_silences(officer, officer)
    assert silences.disability is None
    assert silences.total == 2


def test_the_patch_view_lists_the_longest_silent_of_each_group_and_pages_through_a_group(client, patch, monkeypatch):
    from desk.views import contacts

    monkeypatch.setattr(contacts, "PATCH_SHOWN", 1)
    officer, stale = patch["officer"], patch["stale"]
    quiet = _resident_in(officer, "Quiet")
    _contact(officer, quiet, days_ago=300)  # heard from more recently than Stale (400 days), so listed after
    CommunicationPreferenceFactory(resident=stale, interpreter_language="Polish")
    client.force_login(officer)
    page = client.get(reverse("patch")).content.decode()
    # Everyone else: Never (no contact at all), then Quiet; only the first is listed, the count is everyone's.
    assert "Everyone else not heard from: 2 residents" in page
    assert "Never Patch" in page and "Quiet Patch" not in page
    assert "See all 2 residents in this group" in page and 'href="?group=others"' in page
    audited = AuditEntry.objects.filter(user=officer, subject="equality_profile", path=reverse("patch"))
    assert sorted(audited.values_list("resident__first_name", flat=True)) == ["Never", "Stale"]

    second = client.get(reverse("patch"), {"group": "others", "page": 2}).content.decode()
    assert "Everyone else not heard from: 2 residents" in second
    assert "Quiet Patch" in second and "Never Patch" not in second and "Page 2 of 2" in second
    assert "No internet access" not in second
    assert audited.filter(resident=quiet).count() == 1

    unknown = client.get(reverse("patch"), {"group": "nobody"}).content.decode()
    assert "Needs an interpreter: 1 resident" in unknown and "Everyone else not heard from" in unknown
