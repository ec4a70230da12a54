"""Factories for every app's tests, in one place."""

from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from engagement.models import EqualityProfile, Home, Household, Region, Resident

PASSWORD = "a-long-test-password-41"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(user, create, role, **kwargs):
        """UserFactory(role=HOUSING_OFFICER) puts the user in that role's group."""
        if role is not None:
            user.is_staff = role.is_staff
            user.groups.add(Group.objects.get(name=role.name))
        user.save()


class HomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Home

    property_reference = factory.Sequence(lambda n: f"TEST{n:05d}")
    uprn = factory.Sequence(lambda n: str(200000000000 + n))
    address_line_1 = factory.Sequence(lambda n: f"{n} Test Street")
    town = "Leeds"
    postcode = "LS9 8AB"
    region = factory.LazyFunction(lambda: Region.objects.get(name="Yorkshire and The Humber"))
    local_authority = "Leeds"
    lsoa_code = "E01011234"
    imd_decile = 2
    crime_decile = 3


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    home = factory.SubFactory(HomeFactory)
    tenancy_reference = factory.Sequence(lambda n: f"TT{n:05d}")
    tenancy_start = date(2015, 4, 1)


class ResidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resident

    household = factory.SubFactory(HouseholdFactory)
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Testperson{n}")
    date_of_birth = date(1970, 6, 15)
    is_lead_tenant = True


class EqualityProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EqualityProfile

    resident = factory.SubFactory(ResidentFactory)


# Repairs and complaints ---------------------------------------------------------------------------

from datetime import datetime as _datetime  # noqa: E402
from datetime import timedelta as _timedelta  # noqa: E402

from django.utils import timezone as _timezone  # noqa: E402

from repairs.models import (  # noqa: E402
    Appointment,
    Complaint,
    ComplaintStage,
    RepairRequest,
)


def at(year, month, day, hour=9, minute=0):
    """An aware UK local time, for readable test data."""
    return _timezone.make_aware(_datetime(year, month, day, hour, minute))


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
    due_at = factory.LazyAttribute(lambda repair: repair.reported_at + _timedelta(days=28))


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    repair = factory.SubFactory(RepairRequestFactory)
    date = factory.LazyAttribute(lambda appointment: _timezone.localdate(appointment.repair.reported_at))
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
