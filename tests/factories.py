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
