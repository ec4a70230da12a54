"""Invitations follow each resident's communication preferences; nobody is invited twice."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse

from engagement.models import CommunicationPreference
from surveys import sending, services, transactional
from surveys.models import Invitation
from surveys.sampling import stratified_sample
from tests.engagement.factories import ContactDetailsFactory, HomeFactory, HouseholdFactory, ResidentFactory
from tests.helpers.surveys import invite
from tests.surveys.factories import transactional_survey, tsm_survey

pytestmark = pytest.mark.django_db


def resident_preferring(**preference):
    """A resident with an email address, a mobile and a landline, and these preferences."""
    resident = ResidentFactory()
    ContactDetailsFactory(resident=resident, landline_phone="+441134960000")
    CommunicationPreference.objects.create(resident=resident, **preference)
    return resident


def test_no_email_or_text_for_a_resident_without_internet():
    survey = tsm_survey()
    offline = resident_preferring(channels=["email", "text"], no_internet=True)
    offline_phone = resident_preferring(channels=["text", "phone", "email"], no_internet=True)
    online = resident_preferring(channels=["email", "letter"])
    invitations = invite(survey, offline, offline_phone, online)
    assert invitations[offline.pk].channel == "letter"
    assert invitations[offline_phone.pk].channel == "phone"
    assert invitations[online.pk].channel == "email"


def test_large_print_easy_read_and_the_interpreter_language_are_carried_to_the_send_lists(client, personas):
    survey = tsm_survey()
    large = resident_preferring(channels=["letter"], formats=["large_print"])
    easy = resident_preferring(channels=["letter"], formats=["easy_read"])
    caller = resident_preferring(channels=["phone"], interpreter_language="Polish")
    invite(survey, large, easy, caller)
    client.force_login(personas["contact_centre_agent"])
    letters = list(
        csv.DictReader(
            io.StringIO(client.get(reverse("surveys:send_list_csv", args=[survey.pk, "letters"])).content.decode())
        )
    )
    assert {(row["resident_number"], row["formats"]) for row in letters} == {
        (str(large.pk), "large_print"),
        (str(easy.pk), "easy_read"),
    }
    calls = list(
        csv.DictReader(
            io.StringIO(client.get(reverse("surveys:send_list_csv", args=[survey.pk, "calls"])).content.decode())
        )
    )
    assert [(row["resident_number"], row["interpreter_language"]) for row in calls] == [(str(caller.pk), "Polish")]


def test_a_resident_with_no_preferences_recorded_gets_a_letter():
    survey = tsm_survey()
    resident = ResidentFactory()
    assert invite(survey, resident)[resident.pk].channel == "letter"


def test_inviting_again_does_not_invite_anyone_twice():
    survey = tsm_survey()
    resident = resident_preferring(channels=["email"])
    services.invitations_create(survey=survey, residents=[resident])
    assert services.invitations_create(survey=survey, residents=[resident]) == []
    assert Invitation.objects.count() == 1


def test_emails_go_only_to_email_invitations_and_only_once(jobs_in_process):
    survey = tsm_survey()
    with_address = resident_preferring(channels=["email"])
    letter = resident_preferring(channels=["email"], no_internet=True)
    invite(survey, with_address, letter)
    with jobs_in_process(execute=True):
        sending.invitations_queue(survey=survey)
        sending.invitations_queue(survey=survey)
    assert [message.to for message in mail.outbox] == [[with_address.contact_details.email]]
    assert "/surveys/answer/" in mail.outbox[0].body


def test_the_invite_page_invites_every_current_household_once_by_preference(client, personas):
    survey = tsm_survey()
    lead = resident_preferring(channels=["phone"])
    ResidentFactory(household=lead.household, is_lead_tenant=False)
    client.force_login(personas["administrator"])
    response = client.post(reverse("surveys:invite", args=[survey.pk]), {"who": "all"})
    assert response.status_code == 302
    invited = set(Invitation.objects.filter(survey=survey).values_list("resident_id", flat=True))
    assert lead.pk in invited and len(invited) == 2  # the lead tenant and the persona's household


def test_a_stratified_sample_gives_each_region_and_tenure_its_share():
    rented = [ResidentFactory(household=HouseholdFactory(home=HomeFactory())) for _ in range(30)]
    owners = [
        ResidentFactory(household=HouseholdFactory(home=HomeFactory(scheme_type="shared_ownership"))) for _ in range(10)
    ]
    sample = stratified_sample(rented + owners, 8, seed=3, today=date(2026, 1, 1))
    assert len(sample) == 8
    assert sum(1 for r in sample if r in owners) == 2  # 10 of 40 homes: a quarter of the sample
    assert stratified_sample(rented + owners, 8, seed=3, today=date(2026, 1, 1)) == sample


@pytest.fixture
def completed_repairs(monkeypatch):
    repairs = []
    monkeypatch.setattr(
        transactional, "completed_repairs", lambda since: [r for r in repairs if r.completed_on >= since]
    )
    return repairs


def test_after_a_repair_each_resident_is_invited_once_per_repair_by_their_preference(completed_repairs):
    survey = transactional_survey()
    tsm_survey()  # a TSM survey is never sent after a repair
    today = date(2026, 3, 10)
    offline = resident_preferring(channels=["text", "letter"], no_internet=True)
    completed_repairs += [
        transactional.CompletedRepair(offline, "RR-1001", today - timedelta(days=2)),
        transactional.CompletedRepair(offline, "RR-1002", today - timedelta(days=1)),
        transactional.CompletedRepair(offline, "RR-0900", today - timedelta(days=30)),
    ]
    assert transactional.invite_after_repairs(today=today, days=7) == 2
    assert transactional.invite_after_repairs(today=today, days=7) == 0  # a second run invites nobody again
    invitations = Invitation.objects.filter(survey=survey).order_by("repair_reference")
    assert [(i.repair_reference, i.channel) for i in invitations] == [("RR-1001", "letter"), ("RR-1002", "letter")]
    assert Invitation.objects.count() == 2


def test_the_daily_task_runs_the_same_job(completed_repairs):
    from surveys.tasks import invite_after_repairs

    transactional_survey()
    completed_repairs.append(transactional.CompletedRepair(ResidentFactory(), "RR-7", date.today()))
    # apply() runs the task here whatever the broker: the test is about what it does, not delivery.
    assert invite_after_repairs.apply().get() == 1


def test_the_call_list_has_numbers_interpreter_and_best_time_and_the_visit_list_full_addresses(client, personas):
    from engagement.models import RestrictionKind
    from tests.engagement.factories import ContactRestrictionFactory

    survey = tsm_survey()
    caller = resident_preferring(channels=["phone"], interpreter_language="Somali", best_times="Weekday mornings")
    ContactRestrictionFactory(resident=caller, kind=RestrictionKind.SET_TIMES, details="Tuesdays 10 to 12 only.")
    visited = resident_preferring(channels=["in_person"])
    home = visited.household.home
    home.address_line_2, home.town, home.postcode = "Flat 3", "Harehills", "LS8 5AB"
    home.save()
    invite(survey, caller, visited)
    client.force_login(personas["contact_centre_agent"])

    def rows(name):
        url = reverse("surveys:send_list_csv", args=[survey.pk, name])
        return list(csv.DictReader(io.StringIO(client.get(url).content.decode())))

    [call] = rows("calls")
    mobile = "07700 900" + caller.contact_details.mobile_phone[-3:]
    assert (call["landline_phone"], call["mobile_phone"]) == ("0113 496 0000", mobile)
    assert call["interpreter_language"] == "Somali"
    assert call["best_time"] == "Weekday mornings; Restriction: Tuesdays 10 to 12 only."
    [visit] = rows("visits")
    assert (visit["address_line_1"], visit["address_line_2"], visit["town"], visit["postcode"]) == (
        home.address_line_1,
        "Flat 3",
        "Harehills",
        "LS8 5AB",
    )
