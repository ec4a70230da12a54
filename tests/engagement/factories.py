"""Factories for people: homes, households, residents, their profiles, needs, adjustments, restrictions, preferences and contact details; panels and activities."""

from datetime import date

import factory

from engagement.models import (
    ActionStatus,
    ActivityKind,
    CommunicationPreference,
    ContactDetails,
    ContactRestriction,
    EngagementActivity,
    EqualityImpactAssessment,
    EqualityProfile,
    Home,
    Household,
    MeetingFormat,
    MemberRole,
    NeedCategory,
    PanelMeeting,
    PanelMembership,
    ReasonableAdjustment,
    Recommendation,
    Region,
    Resident,
    Response,
    RestrictionKind,
    ScrutinyPanel,
    ScrutinyReview,
    SupportNeed,
)


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


class ContactDetailsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactDetails

    resident = factory.SubFactory(ResidentFactory)
    email = factory.Sequence(lambda n: f"resident{n}@example.org")
    email_source = "staff"
    mobile_phone = factory.Sequence(lambda n: f"+447700900{n % 1000:03d}")
    mobile_source = "staff"


def reachable_resident(*, channels, details=None, **preference):
    """A resident with contact details and preferences: reachable_resident(channels=["email"])."""
    resident = ResidentFactory()
    ContactDetailsFactory(resident=resident, **(details or {}))
    CommunicationPreference.objects.create(resident=resident, channels=channels, **preference)
    return resident


class ScrutinyPanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrutinyPanel

    name = factory.Sequence(lambda n: f"Repairs scrutiny panel {n}")
    purpose = "Looks closely at repairs and how they differ between groups of residents."
    set_up_on = date(2023, 4, 1)


class PanelMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMembership

    panel = factory.SubFactory(ScrutinyPanelFactory)
    resident = factory.SubFactory(ResidentFactory)
    role = MemberRole.MEMBER
    started_on = date(2023, 4, 1)


class PanelMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMeeting

    panel = factory.SubFactory(ScrutinyPanelFactory)
    held_on = date(2024, 5, 14)
    format = MeetingFormat.HYBRID
    place = "Community room, Harehills"
    access_arrangements = factory.LazyFunction(lambda: ["bsl", "step_free", "large_print"])
    summary = "Agreed the next review topic: damp and mould."


class ScrutinyReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScrutinyReview

    panel = factory.SubFactory(ScrutinyPanelFactory)
    topic = "Damp and mould repairs"
    scope = "How quickly damp and mould is put right, and for whom."
    started_on = date(2024, 1, 10)
    completed_on = date(2024, 6, 30)
    findings = "Disabled residents waited longer for damp and mould work."


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    review = factory.SubFactory(ScrutinyReviewFactory)
    text = "Call every disabled resident with a damp report within two working days."
    response = Response.ACCEPTED
    responded_on = date(2024, 8, 1)
    action = "A daily list of damp reports from disabled residents goes to the damp and mould team."
    action_owner = "Head of repairs"
    due_on = date(2024, 12, 1)
    action_status = ActionStatus.IN_PROGRESS


class EngagementActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EngagementActivity

    kind = ActivityKind.COFFEE_MORNING
    title = "Coffee morning at St Aidan's"
    partner = "St Aidan's community café"
    held_on = date(2024, 3, 5)
    place = "St Aidan's church hall"
    headcount = 0
    themes = "Waiting for repairs after reporting by phone."


class EqualityImpactAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EqualityImpactAssessment

    title = "Resident engagement framework 2024"
    questions = "Who can come to evening meetings in person?"
    findings = "Carers, shift workers and people without transport cannot."
    actions = "Add phone rounds and daytime sessions in schemes."
    owner = "Resident engagement manager"
    assessed_on = date(2024, 2, 1)
    review_by = date(2025, 2, 1)
