"""Factories for every app's tests, in one place."""

from datetime import date, datetime, timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from core.models import ImportBatch
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
from repairs.models import Appointment, Complaint, ComplaintStage, RepairRequest
from surveys import builtin
from surveys import services as survey_services
from surveys.models import Invitation

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


class ImportBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportBatch

    kind = "homes"
    file_name = "homes.csv"
    content = ""
    uploaded_by = factory.SubFactory(UserFactory)


# Surveys ----------------------------------------------------------------------------------------


def tsm_survey():
    """The built-in TSM perception survey, published as version 1."""
    return survey_services.survey_create(definition=builtin.TSM_SURVEY, questions=builtin.TSM_QUESTIONS)


def transactional_survey():
    return survey_services.survey_create(
        definition=builtin.TRANSACTIONAL_SURVEY, questions=builtin.TRANSACTIONAL_QUESTIONS
    )


def draft_survey():
    """A pulse survey being built: a draft version 1 with a question of each kind, EXTRA routed."""
    from surveys import building

    survey = building.survey_start(
        title="Heating", purpose="How warm is your home?", kind="pulse", minutes_to_complete=3
    )
    version = survey.versions.get()
    kinds = [
        ("WARM", "yes_no", "Is your home warm enough?", []),
        ("EXTRA", "free_text", "What would help most?", []),
        ("RATING", "satisfaction", "How satisfied are you with your heating?", []),
        ("AGREE", "agreement", "My heating is easy to use.", []),
        ("ROOMS", "number", "How many rooms are cold?", []),
        ("FUEL", "single_choice", "How is your home heated?", [["gas", "Gas"], ["electric", "Electric"]]),
        ("HELP", "multiple_choice", "What help have you had?", [["grant", "A grant"], ["advice", "Advice"]]),
    ]
    for code, kind, text, choices in kinds:
        building.question_add(version=version, fields={"code": code, "kind": kind, "text": text, "choices": choices})
    version.questions.filter(code="EXTRA").update(asked_if_code="WARM", asked_if_answer="no")
    return survey


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


# Repairs and complaints ---------------------------------------------------------------------------


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


# Scrutiny panels and engagement designed to include.


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
