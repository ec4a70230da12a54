"""Factories for every app's tests, in one place."""

from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from engagement.models import (
    CommunicationPreference,
    ContactRestriction,
    EqualityProfile,
    Home,
    Household,
    ImportBatch,
    NeedCategory,
    ReasonableAdjustment,
    Region,
    Resident,
    RestrictionKind,
    SupportNeed,
)

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


# Resident profiles: needs, adjustments, restrictions, preferences, audit, imports.


class SupportNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportNeed

    resident = factory.SubFactory(ResidentFactory)
    category = NeedCategory.MOBILITY
    description = "Cannot manage stairs; needs ground-floor appointments."
    started_on = date(2024, 1, 10)
    review_by = date(2099, 1, 10)


class ReasonableAdjustmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReasonableAdjustment

    resident = factory.SubFactory(ResidentFactory)
    request = "Letters in large print."
    requested_on = date(2024, 2, 1)
    requested_by = "The resident"


class ContactRestrictionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactRestriction

    resident = factory.SubFactory(ResidentFactory)
    kind = RestrictionKind.SINGLE_CONTACT
    details = "Contact through the named housing officer only."
    reason = "Repeated abusive calls to the contact centre."
    decided_by = "Jo Patel, Housing Services Manager"
    started_on = date(2024, 3, 1)
    review_by = date(2099, 3, 1)
    resident_told_on = date(2024, 3, 2)


class CommunicationPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunicationPreference

    resident = factory.SubFactory(ResidentFactory)
    channels = factory.LazyFunction(lambda: ["phone", "letter"])


class ImportBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportBatch

    kind = "homes"
    file_name = "homes.csv"
    content = ""
    uploaded_by = factory.SubFactory(UserFactory)


# Surveys ----------------------------------------------------------------------------------------

from datetime import timedelta  # noqa: E402

from django.utils import timezone  # noqa: E402

from surveys import builtin  # noqa: E402
from surveys import services as survey_services  # noqa: E402
from surveys.models import Invitation  # noqa: E402


def tsm_survey():
    """The built-in TSM perception survey, published as version 1."""
    return survey_services.survey_create(definition=builtin.TSM_SURVEY, questions=builtin.TSM_QUESTIONS)


def transactional_survey():
    return survey_services.survey_create(
        definition=builtin.TRANSACTIONAL_SURVEY, questions=builtin.TRANSACTIONAL_QUESTIONS
    )


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    survey = factory.LazyFunction(tsm_survey)
    resident = factory.SubFactory(ResidentFactory)
    channel = "letter"
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


# A complete set of TSM answers for a rented home without communal areas, no repair, no complaint.
TSM_ANSWERS_NO_REPAIR = {
    "TP01": "fairly_satisfied",
    "REPAIR_12M": "no",
    "TP04": "very_satisfied",
    "TP05": "neither",
    "TP06": "dont_know",
    "TP07": "fairly_dissatisfied",
    "TP08": "agree",
    "COMPLAINT_12M": "no",
    "TP11": "very_dissatisfied",
    "TP12": "fairly_satisfied",
    "INFORMED_REPAIRS": "4",
    "INFORMED_COMPLAINTS": "dont_know",
    "INFORMED_DECISIONS": "3",
    "INFORMED_OFFICER": "2",
    "INFORMED_RENT": "5",
}


def answered_response(invitation, answers=None, submit=True, language="en-gb"):
    """A response through the online services, answered with `answers` (code -> value)."""
    from surveys.models import Question

    response = survey_services.response_start(invitation=invitation, key=None, language=language)
    for code, value in (TSM_ANSWERS_NO_REPAIR if answers is None else answers).items():
        question = Question.objects.get(version=response.version, code=code)
        survey_services.answer_save(response_key=response.key, question=question, value=value)
    if submit:
        survey_services.response_submit(response_key=response.key)
    response.refresh_from_db()
    return response
