"""Factories for repairs, appointments and complaints, and `at` for readable local times."""

from datetime import date, datetime, timedelta

import factory
from django.utils import timezone

from repairs.models import Appointment, Complaint, ComplaintStage, RepairRequest
from tests.engagement.factories import HouseholdFactory, ResidentFactory


def at(year, month, day, hour=9, minute=0):
    """An aware UK local time, for readable test data."""
    return timezone.make_aware(datetime(year, month, day, hour, minute))


class RepairRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RepairRequest

    reference = factory.Sequence(lambda n: f"RT{n:06d}")
    household = factory.SubFactory(HouseholdFactory)
    home = factory.SelfAttribute("household.home")
    channel = "phone"
    category = "plumbing"
    description = "Kitchen tap drips all the time"
    priority = "routine"
    reported_at = factory.LazyFunction(lambda: at(2025, 3, 3))
    due_at = factory.LazyAttribute(lambda repair: repair.reported_at + timedelta(days=28))


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    repair = factory.SubFactory(RepairRequestFactory)
    date = factory.LazyAttribute(lambda appointment: timezone.localdate(appointment.repair.reported_at))
    slot = "am"
    operative = factory.SelfAttribute("repair.operative")


class ComplaintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Complaint

    reference = factory.Sequence(lambda n: f"CT{n:06d}")
    resident = factory.SubFactory(ResidentFactory)
    household = factory.SelfAttribute("resident.household")
    received_on = date(2025, 3, 3)
    summary = "The repair to my boiler was put off three times"


class ComplaintStageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComplaintStage

    complaint = factory.SubFactory(ComplaintFactory)
    number = 1
    received_on = factory.SelfAttribute("complaint.received_on")
