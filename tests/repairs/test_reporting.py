"""Raising repairs: targets from settings, recalls, and a resident's report with a photo."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from repairs.models import RepairRequest
from repairs.services import repair_raise
from tests.engagement.factories import HouseholdFactory
from tests.pages import SAMPLE_PNG
from tests.repairs.factories import RepairRequestFactory, at


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_routine_repair_is_due_by_the_end_of_its_twentieth_working_day(db, settings):
    settings.REPAIRS_TARGET_ROUTINE_WORKING_DAYS = 20
    home = HouseholdFactory().home
    # Reported Friday 13 December 2024. Working days: 16-20 December (5), 23, 24, 27, 30, 31
    # (10, Christmas and Boxing Day skipped), 2, 3 January (12, New Year's Day skipped), 6-10 (17),
    # 13, 14, 15 (20): due by the end of Wednesday 15 January 2025.
    repair = repair_raise(home=home, category="plumbing", description="Leak", priority="routine", channel="phone",
                          reported_at=at(2024, 12, 13, 15))  # fmt: skip
    assert repair.due_at == at(2025, 1, 15, 23, 59).replace(second=59)
    assert repair.reference == f"R{repair.pk:07d}"


def test_an_emergency_is_due_a_set_number_of_hours_after_the_report(db, settings):
    settings.REPAIRS_TARGET_EMERGENCY_HOURS = 4
    home = HouseholdFactory().home
    repair = repair_raise(home=home, category="electrical", description="Sparks", priority="emergency",
                          channel="phone", reported_at=at(2025, 3, 1, 22))  # fmt: skip
    assert repair.due_at == at(2025, 3, 2, 2)


def test_a_repeat_within_the_recall_window_is_a_recall(db, settings):
    settings.REPAIRS_RECALL_WINDOW_DAYS = 30
    household = HouseholdFactory()
    first = RepairRequestFactory(household=household, home=household.home, category="heating",
                                 status="completed", completed_at=at(2025, 3, 3, 12))  # fmt: skip
    again = repair_raise(home=household.home, category="heating", description="Boiler off again",
                         priority="urgent", channel="phone", reported_at=at(2025, 4, 2, 11))  # fmt: skip
    other_kind = repair_raise(home=household.home, category="plumbing", description="Tap",
                              priority="routine", channel="phone", reported_at=at(2025, 3, 10))  # fmt: skip
    too_late = repair_raise(home=household.home, category="heating", description="Boiler",
                            priority="urgent", channel="phone", reported_at=at(2025, 4, 2, 13))  # fmt: skip
    assert again.recall_of == first
    assert other_kind.recall_of is None
    # 2 April 13:00 is more than 30 days after 3 March 12:00, and `again` is not completed yet.
    assert too_late.recall_of is None


def test_a_resident_reports_a_repair_with_a_photo(client, personas):
    client.force_login(personas["resident"])
    photo = SimpleUploadedFile("IMG_0001.png", SAMPLE_PNG, content_type="image/png")
    response = client.post(
        reverse("repairs:report"),
        {"category": "damp_mould", "description": "Mould behind the wardrobe", "photo": photo},
    )
    repair = RepairRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("repairs:my_repair", args=[repair.pk])
    resident = personas["resident"].resident
    assert (repair.home, repair.household, repair.reported_by) == (
        resident.household.home,
        resident.household,
        resident,
    )
    assert (repair.channel, repair.priority) == ("online", "routine")
    assert repair.photo.name.endswith(".png")
    assert "IMG_0001" not in repair.photo.name


def test_a_file_that_is_not_a_photo_is_refused(client, personas):
    client.force_login(personas["resident"])
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 this is a program", content_type="image/jpeg")
    response = client.post(reverse("repairs:report"), {"category": "plumbing", "description": "Leak", "photo": fake})
    assert response.status_code == 200
    assert "The photo must be a JPG, PNG or HEIC" in response.content.decode()
    assert "<title>Error: Report a repair" in response.content.decode()
    assert not RepairRequest.objects.exists()


def test_a_photo_that_is_too_big_is_refused(client, personas, settings):
    settings.REPAIRS_PHOTO_MAX_MEGABYTES = 1
    client.force_login(personas["resident"])
    big = SimpleUploadedFile("photo.png", SAMPLE_PNG + b"\0" * (1024 * 1024), content_type="image/png")
    response = client.post(reverse("repairs:report"), {"category": "plumbing", "description": "Leak", "photo": big})
    assert "The photo must be smaller than 1MB" in response.content.decode()
    assert not RepairRequest.objects.exists()


def test_a_report_without_a_description_says_what_to_do(client, personas):
    client.force_login(personas["resident"])
    response = client.post(reverse("repairs:report"), {"category": "plumbing", "description": ""})
    assert "Tell us what is wrong" in response.content.decode()
    assert not RepairRequest.objects.exists()


def test_staff_raise_a_repair_for_a_home_found_by_property_reference(client, personas):
    resident = personas["resident"].resident
    home = resident.household.home
    client.force_login(personas["contact_centre_agent"])
    url = reverse("repairs:raise") + f"?home={home.property_reference.lower()}"
    assert resident.full_name in client.get(url).content.decode()
    response = client.post(url, {"reported_by": resident.pk, "channel": "phone", "category": "heating",
                                 "description": "No hot water", "priority": "urgent", "hazard": ""})  # fmt: skip
    repair = RepairRequest.objects.get()
    assert response.url == reverse("repairs:detail", args=[repair.pk])
    assert (repair.reported_by, repair.raised_by) == (resident, personas["contact_centre_agent"])


def test_an_operative_who_spots_a_job_in_the_home_takes_it_on(db, personas):
    home = personas["resident"].resident.household.home
    repair = repair_raise(home=home, category="electrical", description="Loose socket", priority="urgent",
                          channel="operative", raised_by=personas["repairs_operative"])  # fmt: skip
    assert repair.operative == personas["repairs_operative"]


def test_recording_a_kept_visit_that_finishes_the_job(client, personas):
    from tests.repairs.factories import AppointmentFactory

    repair = RepairRequestFactory(operative=personas["repairs_operative"], reported_at=at(2025, 3, 3))
    AppointmentFactory(repair=repair, date=at(2025, 3, 4).date(), outcome="no_access")
    visit = AppointmentFactory(repair=repair, date=at(2025, 3, 6).date())
    client.force_login(personas["repairs_operative"])
    response = client.post(reverse("repairs:visit", args=[repair.pk]),
                           {"appointment": visit.pk, "outcome": "kept", "finished": "on", "finished_time": "14:30"})  # fmt: skip
    assert response.status_code == 302
    repair.refresh_from_db()
    assert (repair.status, repair.completed_at) == ("completed", at(2025, 3, 6, 14, 30))
    # The earlier visit had no access, so this was still the first visit that went ahead.
    assert repair.completed_first_visit is True
