"""The officer's resident pages: who may open them, what they show, and the reviews list."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from engagement.models import AdjustmentStatus, AuditAction, AuditEntry, EqualityProfile, SupportNeed
from tests.engagement.factories import (
    ContactRestrictionFactory,
    ReasonableAdjustmentFactory,
    ResidentFactory,
    SupportNeedFactory,
)
from tests.pages import SAMPLE_ARGUMENTS, all_pages
from tests.repairs.factories import RepairRequestFactory

# Every page about a named resident, and the lists that name residents. (Other pages that name
# residents, such as panel members and shortlists, are found by tests/engagement/test_panel_pages.py.)
RESIDENT_PAGES = [
    "resident_detail",
    "equality_profile",
    "equality_profile_edit",
    "support_need_add",
    "support_need_edit",
    "adjustment_add",
    "adjustment_edit",
    "restriction_add",
    "restriction_edit",
    "preferences_edit",
    "contact_details_edit",
    "resident_search",
    "reviews_due",
    "contact_add",
    "patch",
    "resident_data",
    "resident_data_json",
    "resident_erase",
]


def test_every_page_under_residents_is_in_the_panel_check(personas):
    under_residents = {page.name for page in all_pages() if page.url(personas).startswith("/residents/")}
    assert under_residents <= set(RESIDENT_PAGES)


@pytest.mark.parametrize("name", RESIDENT_PAGES)
def test_a_panel_member_gets_403_on_every_resident_page(client, personas, name):
    client.force_login(personas["panel_member"])
    kwargs = SAMPLE_ARGUMENTS[name](personas) if name in SAMPLE_ARGUMENTS else {}
    url = reverse(name, kwargs=kwargs)

    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403
    assert AuditEntry.objects.count() == 0


def test_search_results_link_to_the_resident_page_and_warn_of_a_restriction(client, personas):
    restricted = ResidentFactory(first_name="Morag", last_name="Quint")
    ContactRestrictionFactory(resident=restricted)
    client.force_login(personas["contact_centre_agent"])

    page = client.get(reverse("resident_search"), {"q": "Quint"}).content.decode()

    assert f'href="/residents/{restricted.pk}/"' in page
    assert "Contact restriction" in page


def test_search_finds_a_resident_by_their_person_reference(client, personas):
    resident = ResidentFactory(reference="P-000123")
    client.force_login(personas["housing_officer"])
    response = client.get(reverse("resident_search"), {"q": "p-000123"})
    assert response.context["residents"] == [resident]


def test_the_resident_page_shows_outstanding_adjustments_first(client, personas):
    resident = ResidentFactory()
    done = ReasonableAdjustmentFactory(
        resident=resident, request="Ground-floor meeting room", requested_on=date(2025, 5, 1), status="in_place"
    )
    waiting = ReasonableAdjustmentFactory(
        resident=resident, request="Text before visits", requested_on=date(2024, 1, 1)
    )
    client.force_login(personas["housing_officer"])

    response = client.get(reverse("resident_detail", kwargs={"pk": resident.pk}))

    assert response.context["overview"].adjustments == [waiting, done]
    page = response.content.decode()
    assert page.index("Text before visits") < page.index("Ground-floor meeting room")


def test_the_resident_page_brings_together_home_household_and_placeholders(client, personas):
    resident = ResidentFactory(first_name="Ada")
    ResidentFactory(household=resident.household, first_name="Bea", is_lead_tenant=False)
    RepairRequestFactory(household=resident.household, operative=personas["repairs_operative"])  # their job
    client.force_login(personas["repairs_operative"])

    page = client.get(reverse("resident_detail", kwargs={"pk": resident.pk})).content.decode()

    assert resident.household.home.property_reference in page
    assert "Bea" in page
    assert "Recent contacts" in page and "Repairs" in page


def test_needs_and_restrictions_past_their_review_date_appear_on_the_officers_list(client, personas):
    today = date.today()
    overdue_need = SupportNeedFactory(review_by=today - timedelta(days=1), description="Hearing loop at meetings")
    SupportNeedFactory(review_by=today + timedelta(days=30), description="Not yet due")
    SupportNeedFactory(review_by=today - timedelta(days=90), ended_on=today - timedelta(days=100), description="Ended")
    overdue_restriction = ContactRestrictionFactory(review_by=today - timedelta(days=3))
    ContactRestrictionFactory(review_by=today + timedelta(days=3))
    ContactRestrictionFactory(review_by=today - timedelta(days=3), ended_on=today - timedelta(days=5))
    client.force_login(personas["housing_officer"])

    response = client.get(reverse("reviews_due"))

    assert response.context["needs"] == [overdue_need]
    assert response.context["restrictions"] == [overdue_restriction]
    # Listing residents' needs is a view of special-category data: one entry per resident shown.
    assert list(AuditEntry.objects.values_list("resident_id", "action")) == [(overdue_need.resident_id, "viewed")]


def test_ending_a_need_keeps_it_and_its_history(client, personas):
    need = SupportNeedFactory(description="Bereavement: call rather than visit", category="bereavement")
    client.force_login(personas["housing_officer"])
    url = reverse("support_need_edit", kwargs={"resident_pk": need.resident_id, "pk": need.pk})

    response = client.post(
        url,
        {
            "category": "bereavement",
            "description": "Bereavement: call rather than visit",
            "started_on_0": "10",
            "started_on_1": "1",
            "started_on_2": "2024",
            "review_by_0": "10",
            "review_by_1": "1",
            "review_by_2": "2099",
            "ended_on_0": "1",
            "ended_on_1": "7",
            "ended_on_2": "2024",
            "end_reason": "Resident says they no longer need it",
        },
    )

    assert response.status_code == 302
    need = SupportNeed.objects.get(pk=need.pk)
    assert (need.ended_on, need.end_reason) == (date(2024, 7, 1), "Resident says they no longer need it")
    ended = AuditEntry.objects.get(action=AuditAction.ENDED)
    assert ended.detail == "Fields: ended_on, end_reason"
    overview = client.get(reverse("resident_detail", kwargs={"pk": need.resident_id})).context["overview"]
    assert overview.current_needs == [] and overview.ended_needs == [need]
    history = client.get(url).context["history"]
    assert [entry.action for entry in history] == [AuditAction.ENDED]


def test_a_declined_adjustment_needs_the_reason_given_to_the_resident(client, personas):
    adjustment = ReasonableAdjustmentFactory()
    client.force_login(personas["housing_officer"])
    url = reverse("adjustment_edit", kwargs={"resident_pk": adjustment.resident_id, "pk": adjustment.pk})

    response = client.post(url, {"status": "declined"})

    assert response.status_code == 200
    assert response.context["form"].errors["decline_reason"] == [
        "Enter the reason given to the resident for declining it"
    ]
    assert response.content.decode().count("<title>Error: ") == 1


def test_an_adjustment_moves_from_requested_to_agreed_to_in_place_with_the_date_of_each_step(client, personas):
    adjustment = ReasonableAdjustmentFactory()
    client.force_login(personas["housing_officer"])
    url = reverse("adjustment_edit", kwargs={"resident_pk": adjustment.resident_id, "pk": adjustment.pk})

    client.post(url, {"status": "agreed", "step_on_0": "5", "step_on_1": "2", "step_on_2": "2024"})
    client.post(url, {"status": "in_place", "step_on_0": "9", "step_on_1": "2", "step_on_2": "2024"})

    adjustment.refresh_from_db()
    assert adjustment.status == AdjustmentStatus.IN_PLACE
    assert (adjustment.agreed_on, adjustment.in_place_on) == (date(2024, 2, 5), date(2024, 2, 9))
    response = client.post(url, {"status": "requested"})
    assert "Select a valid choice" in response.context["form"].errors["status"][0]


def test_a_contact_restriction_cannot_be_recorded_without_a_review_date(client, personas):
    resident = ResidentFactory()
    client.force_login(personas["housing_officer"])

    response = client.post(
        reverse("restriction_add", kwargs={"pk": resident.pk}),
        {
            "kind": "written_only",
            "details": "Letters and email only",
            "reason": "Threats made on the phone",
            "decided_by": "R Shah, Area Manager",
            "started_on_0": "1",
            "started_on_1": "3",
            "started_on_2": "2025",
        },
    )

    assert response.context["form"].errors["review_by"] == ["Enter the review by"]
    assert resident.contact_restrictions.count() == 0


def test_equality_answers_are_not_kept_without_a_record_of_consent(client, personas):
    resident = ResidentFactory()
    client.force_login(personas["housing_officer"])
    answers = {
        name: "not_asked"
        for name in (
            "ethnicity",
            "disability",
            "gender_identity",
            "sexual_orientation",
            "religion",
            "interpreter_needed",
        )
    }

    response = client.post(reverse("equality_profile_edit", kwargs={"pk": resident.pk}), {**answers, "sex": "male"})

    assert response.context["form"].errors["consent_method"] == [
        "Choose how the purpose of these questions was explained: answers are kept only with consent"
    ]
    assert not EqualityProfile.objects.filter(resident=resident).exists()


def test_the_equality_form_explains_why_it_asks_how_it_is_stored_who_sees_it_and_how_it_is_used(client, personas):
    resident = ResidentFactory()
    client.force_login(personas["housing_officer"])
    page = client.get(reverse("equality_profile_edit", kwargs={"pk": resident.pk})).content.decode()
    for heading in ("Why we ask", "How it is stored", "Who sees it", "How it is used"):
        assert heading in page
