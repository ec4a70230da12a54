"""Logging a contact: every prompt, one transaction, a repair fixed at the visit, prompts not repeated."""

import re
from datetime import date, timedelta

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from desk.models import Contact, ContactPrompt, FollowUp, LanguageFlag, Prompt
from engagement.equality import PREFER_NOT_TO_SAY
from engagement.models import AuditEntry, EqualityProfile, ReasonableAdjustment, SupportNeed
from repairs.models import Appointment, RepairRequest
from tests.engagement.factories import CommunicationPreferenceFactory, ResidentFactory
from tests.repairs.factories import RepairRequestFactory

pytestmark = pytest.mark.django_db


def _date(prefix, day):
    return {f"{prefix}_0": str(day.day), f"{prefix}_1": str(day.month), f"{prefix}_2": str(day.year)}


def every_prompt(resident, owner):
    today = timezone.localdate()
    return {
        "about": str(resident.pk),
        **_date("occurred_on", today),
        "occurred_time": "10:15",
        "channel": "home_visit",
        "made_as": "housing_officer",
        "purpose": "Annual tenancy visit",
        "notes": "Talked through the damp in the back bedroom. She would like calls before visits.",
        "asked_repairs": "on",
        "repair_description": "Extractor fan in the bathroom does not run",
        "repair_category": "electrical",
        "repair_priority": "urgent",
        "asked_warmth": "on",
        "can_heat_home": "struggling",
        "cold_or_damp": "yes",
        "warmth_referral": "Energy advice service",
        "asked_happiness": "on",
        "happiness": "2",
        "asked_needs": "on",
        "need_category": "mobility",
        "need_description": "Cannot manage the stairs after a hip operation",
        **_date("need_review_by", today + timedelta(days=90)),
        "adjustment_request": "Phone the day before any visit",
        "adjustment_requested_by": "The resident",
        "asked_communication": "on",
        "preferences_still_right": "yes",
        "asked_equality": "on",
        "equality_outcome": "prefer_not_to_say",
        "follow_up_1_action": "Chase the damp survey",
        "follow_up_1_owner": str(owner.pk),
        **_date("follow_up_1_due", today + timedelta(days=7)),
        "follow_up_2_action": "",
    }


@pytest.fixture
def resident():
    resident = ResidentFactory(first_name="Amina", last_name="Begum")
    CommunicationPreferenceFactory(resident=resident, channels=["phone"])
    return resident


def test_a_contact_with_every_prompt_creates_the_linked_records(client, personas, resident):
    officer = personas["housing_officer"]
    client.force_login(officer)
    response = client.post(reverse("contact_add", args=[resident.pk]), every_prompt(resident, officer))
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.resident, contact.household, contact.made_by) == (resident, resident.household, officer)
    assert timezone.localtime(contact.occurred_at).strftime("%H:%M") == "10:15"
    assert (contact.can_heat_home, contact.cold_or_damp, contact.happiness) == ("struggling", "yes", 2)
    assert {p.prompt: p.asked for p in contact.prompts.all()} == {prompt.value: True for prompt in Prompt}

    repair = contact.repairs.get()
    assert (repair.category, repair.priority, repair.status, repair.channel) == ("electrical", "urgent", "reported",
                                                                               "visit")  # fmt: skip
    assert repair.household == resident.household and repair.reported_by == resident
    need = contact.support_needs.get()
    assert (need.resident, need.category, need.recorded_by) == (resident, "mobility", officer)
    adjustment = contact.adjustments.get()
    assert (adjustment.request, adjustment.status) == ("Phone the day before any visit", "requested")
    follow_up = contact.follow_ups.get()
    assert (follow_up.action, follow_up.owner, follow_up.done_on) == ("Chase the damp survey", officer, None)
    assert follow_up.due_on == timezone.localdate() + timedelta(days=7)
    # Offered the equality questions, they chose not to say: an answer, not a silence.
    profile = EqualityProfile.objects.get(resident=resident)
    assert profile.disability == PREFER_NOT_TO_SAY and profile.consent_method == "in_person"
    # The need, the adjustment and the equality answer are special-category writes: audited.
    assert AuditEntry.objects.filter(resident=resident, action="added").count() == 3


def test_a_failure_in_any_part_saves_nothing_and_keeps_the_answers(client, personas, resident, monkeypatch):
    officer = personas["housing_officer"]

    def broken_create(*args, **kwargs):
        raise IntegrityError("the database refused the follow-up")

    # The follow-up is written last: everything before it must be rolled back.
    monkeypatch.setattr(FollowUp.objects, "create", broken_create)
    client.force_login(officer)
    response = client.post(reverse("contact_add", args=[resident.pk]), every_prompt(resident, officer))
    assert response.status_code == 200
    page = response.content.decode()
    assert "The contact could not be saved, so nothing from this form was saved" in page
    assert "Extractor fan in the bathroom does not run" in page
    assert "Cannot manage the stairs after a hip operation" in page
    assert 'value="Chase the damp survey"' in page
    assert re.search(r'<input[^>]*value="struggling"[^>]*checked', page)
    assert re.search(r'<input[^>]*value="2"[^>]*checked', page)  # happiness: fairly unhappy
    assert Contact.objects.count() == 0
    assert ContactPrompt.objects.count() == 0
    assert RepairRequest.objects.count() == 0
    assert SupportNeed.objects.count() == 0
    assert ReasonableAdjustment.objects.count() == 0
    assert EqualityProfile.objects.filter(resident=resident).count() == 0
    assert AuditEntry.objects.exclude(action="viewed").count() == 0


def test_a_repair_fixed_at_the_visit_is_completed_on_the_first_visit_and_linked(client, personas, resident):
    operative = personas["repairs_operative"]
    RepairRequestFactory(household=resident.household, operative=operative)  # the booked job at this home
    client.force_login(operative)
    data = {
        "about": str(resident.pk),
        **_date("occurred_on", timezone.localdate()),
        "occurred_time": "14:00",
        "channel": "repair_appointment",
        "made_as": "repairs_operative",
        "purpose": "Leaking tap (booked job)",
        "repair_description": "Loose toilet seat, tightened",
        "repair_category": "bathroom",
        "repair_fixed": "on",
    }
    response = client.post(reverse("contact_add", args=[resident.pk]), data)
    assert response.status_code == 302
    contact = Contact.objects.get()
    repair = contact.repairs.get()
    assert (repair.status, repair.completed_first_visit, repair.channel) == ("completed", True, "operative")
    assert repair.completed_at == contact.occurred_at == repair.reported_at
    assert repair.operative == operative
    visit = Appointment.objects.get(repair=repair)
    assert (visit.outcome, visit.date) == ("kept", timezone.localdate())
    assert {p.prompt: p.asked for p in contact.prompts.all()}["repairs"] is True
    assert {p.prompt: p.asked for p in contact.prompts.all()}["warmth"] is False


def test_a_repair_cannot_be_fixed_there_and_then_on_the_phone(client, personas, resident):
    client.force_login(personas["housing_officer"])
    data = {**every_prompt(resident, personas["housing_officer"]), "channel": "phone", "repair_fixed": "on"}
    response = client.post(reverse("contact_add", args=[resident.pk]), data)
    assert response.status_code == 200
    assert "A repair can only be fixed there and then at a visit to the home" in response.content.decode()
    assert Contact.objects.count() == 0


def test_the_notes_are_checked_on_save_and_the_officer_may_revise(client, personas, resident):
    officer = personas["housing_officer"]
    client.force_login(officer)
    url = reverse("contact_add", args=[resident.pk])
    data = {**every_prompt(resident, officer), "notes": "Non-engager. Lifestyle is causing the mould."}
    first = client.post(url, data)
    assert first.status_code == 200
    assert "Some words may read as judging the resident" in first.content.decode()
    assert Contact.objects.count() == 0
    revised = {**data, "notes_as_flagged": data["notes"], "notes": "No reply to two letters. Mould in the bedroom."}
    assert client.post(url, revised).status_code == 302
    contact = Contact.objects.get()
    flags = LanguageFlag.objects.filter(contact=contact).order_by("phrase")
    assert [(f.phrase, f.text_changed, f.still_in_text) for f in flags] == [
        ("lifestyle*", True, False),
        ("non-engag*", True, False),
    ]


def test_saving_the_notes_unchanged_is_allowed_and_recorded_as_unchanged(client, personas, resident):
    officer = personas["housing_officer"]
    client.force_login(officer)
    notes = "Resident refused access for the gas check."
    data = {**every_prompt(resident, officer), "notes": notes, "notes_as_flagged": notes}
    assert client.post(reverse("contact_add", args=[resident.pk]), data).status_code == 302
    flag = LanguageFlag.objects.get()
    assert (flag.matched_text, flag.text_changed, flag.still_in_text) == ("refused access", False, True)
    assert Contact.objects.get().notes == notes


def test_a_prompt_asked_recently_is_not_offered_again(client, personas, resident, settings):
    settings.CONTACT_PROMPT_REPEAT_DAYS = 30
    officer = personas["housing_officer"]
    earlier = Contact.objects.create(
        household=resident.household,
        resident=resident,
        occurred_at=timezone.now() - timedelta(days=10),
        channel="phone",
        made_by=officer,
        made_as="housing_officer",
        purpose="Rent",
    )
    ContactPrompt.objects.create(contact=earlier, prompt="warmth", asked=True)
    ContactPrompt.objects.create(contact=earlier, prompt="happiness", asked=False)
    long_ago = Contact.objects.create(
        household=resident.household,
        occurred_at=timezone.now() - timedelta(days=45),
        channel="phone",
        made_by=officer,
        made_as="housing_officer",
        purpose="Rent",
    )
    ContactPrompt.objects.create(contact=long_ago, prompt="communication", asked=True)
    client.force_login(officer)
    page = client.get(reverse("contact_add", args=[resident.pk])).content.decode()
    assert 'name="asked_warmth"' not in page
    assert "Not shown because the household was asked recently:" in page and "warmth and heating (" in page
    assert 'name="asked_happiness"' in page  # not asked last time: offered again
    assert 'name="asked_communication"' in page  # asked 45 days ago, beyond the 30
    assert 'name="asked_repairs"' in page
    # Offering the equality questions shows some are unanswered: that read is audited.
    assert AuditEntry.objects.filter(user=officer, resident=resident, subject="equality_profile").count() == 1


def test_open_repairs_are_shown_in_the_repairs_prompt(client, personas, resident):
    RepairRequestFactory(household=resident.household, home=resident.household.home, category="plumbing")
    client.force_login(personas["contact_centre_agent"])
    page = client.get(reverse("contact_add", args=[resident.pk])).content.decode()
    assert "1 open repair:" in page and "Plumbing" in page
    # A contact-centre agent may not record support needs or equality answers: those parts are not offered.
    assert 'name="need_description"' not in page and 'name="adjustment_request"' in page
    assert 'name="asked_equality"' not in page


def test_a_need_cannot_be_recorded_against_the_whole_household(client, personas, resident):
    client.force_login(personas["housing_officer"])
    data = {**every_prompt(resident, personas["housing_officer"]), "about": "household"}
    response = client.post(reverse("contact_add", args=[resident.pk]), data)
    assert "Select the resident whose needs changed" in response.content.decode()
    assert Contact.objects.count() == 0


def test_follow_up_done_only_by_its_owner(client, personas, resident):
    officer = personas["housing_officer"]
    contact = Contact.objects.create(
        household=resident.household, occurred_at=timezone.now(), channel="phone", made_by=officer,
        made_as="housing_officer", purpose="Rent",
    )  # fmt: skip
    mine = FollowUp.objects.create(contact=contact, action="Call back", owner=officer, due_on=date(2025, 1, 1))
    client.force_login(officer)
    assert client.post(reverse("follow_up_done", args=[mine.pk])).status_code == 302
    mine.refresh_from_db()
    assert mine.done_on == timezone.localdate()
    other = FollowUp.objects.create(
        contact=contact, action="Someone else's", owner=personas["repairs_operative"], due_on=date(2025, 1, 1)
    )
    assert client.post(reverse("follow_up_done", args=[other.pk])).status_code == 404


def test_the_follow_up_owner_lists_every_member_of_staff_once_and_keeps_the_choice(client, personas, resident):
    officer, agent = personas["housing_officer"], personas["contact_centre_agent"]
    agent.username = "agent<b>"  # escaped like any label
    agent.save()
    client.force_login(officer)
    data = {**every_prompt(resident, agent), "follow_up_1_due_2": ""}  # a missing date: the form comes back
    page = client.post(reverse("contact_add", args=[resident.pk]), data).content.decode()
    first = re.search(
        r'<select name="follow_up_1_owner" class="govuk-select" id="id_follow_up_1_owner"[^>]*>(.*?)</select>', page
    )
    assert first, "the owner is a GOV.UK select"
    options = re.findall(r'<option value="(\d*)"( selected)?>([^<]*)</option>', first.group(1))
    assert options[0] == ("", "", "Me")
    assert (str(agent.pk), " selected", "agent&lt;b&gt;") in options
    assert (str(officer.pk), "", officer.username) in options
    assert personas["panel_member"].username not in {label for _value, _selected, label in options}
    second = re.search(r'<select name="follow_up_2_owner"[^>]*>(.*?)</select>', page).group(1)
    assert '<option value="" selected>Me</option>' in second and " selected" not in second.replace(
        '<option value="" selected>Me</option>', ""
    )


def test_the_same_form_sent_twice_saves_one_contact_and_says_so(client, personas, resident):
    # A double click, or "Save" pressed again after a "try again" page when the first send had
    # in fact been saved: the form's key finds the contact already saved.
    officer = personas["housing_officer"]
    client.force_login(officer)
    page = client.get(reverse("contact_add", args=[resident.pk])).content.decode()
    key = re.search(r'<input type="hidden" name="once" value="([0-9a-f-]{36})"', page).group(1)
    form = {**every_prompt(resident, officer), "once": key}
    first = client.post(reverse("contact_add", args=[resident.pk]), form, follow=True)
    assert "Contact saved." in first.content.decode()
    again = client.post(reverse("contact_add", args=[resident.pk]), form, follow=True)
    assert "This contact was already saved: it was sent twice, and is kept once." in again.content.decode()
    contact = Contact.objects.get()
    assert str(contact.submission_key) == key
    assert (contact.repairs.count(), contact.support_needs.count(), contact.follow_ups.count()) == (1, 1, 1)
    # A new filling-in of the form has a new key, and is a new contact.
    other = client.get(reverse("contact_add", args=[resident.pk])).content.decode()
    assert key not in other
    client.post(reverse("contact_add", args=[resident.pk]), {**every_prompt(resident, officer), "once": ""})
    assert Contact.objects.count() == 2
