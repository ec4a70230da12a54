"""Every page the project has, found by walking the URL resolver.

Tests that must cover every page (the role/page matrix, the accessibility check) use this, so a
new page is covered without editing them. A page whose URL takes arguments needs one entry in
SAMPLE_ARGUMENTS saying how to make an object for it; the walk fails loudly when one is missing.
"""

from dataclasses import dataclass
from datetime import date

from django.urls import URLPattern, URLResolver, get_resolver, reverse


def _profiled_resident(personas):
    """A resident with a bit of everything, so every part of the resident pages is drawn."""
    from tests.engagement.factories import (
        CommunicationPreferenceFactory,
        ContactRestrictionFactory,
        EqualityProfileFactory,
        ReasonableAdjustmentFactory,
        ResidentFactory,
        SupportNeedFactory,
    )

    resident = ResidentFactory(first_name="Sam", last_name="Sample")
    ResidentFactory(household=resident.household, first_name="Pat", is_lead_tenant=False)
    EqualityProfileFactory(resident=resident)
    SupportNeedFactory(resident=resident)
    SupportNeedFactory(resident=resident, ended_on=date(2024, 6, 1), end_reason="Recovered")
    ReasonableAdjustmentFactory(resident=resident)
    ContactRestrictionFactory(resident=resident, review_by=date(2024, 9, 1))
    # Stored as codes, shown as words: the sweep fails on a page that shows "so" or "easy_read".
    CommunicationPreferenceFactory(
        resident=resident, no_internet=True, formats=["large_print", "easy_read", "bsl"], interpreter_language="so"
    )
    return resident


def _resident(personas):
    return {"pk": _profiled_resident(personas).pk}


def _need(personas):
    resident = _profiled_resident(personas)
    return {"resident_pk": resident.pk, "pk": resident.support_needs.first().pk}


def _adjustment(personas):
    resident = _profiled_resident(personas)
    return {"resident_pk": resident.pk, "pk": resident.adjustments.first().pk}


def _restriction(personas):
    resident = _profiled_resident(personas)
    return {"resident_pk": resident.pk, "pk": resident.contact_restrictions.first().pk}


def _import_batch(personas):
    from tests.core.factories import ImportBatchFactory

    return {"pk": ImportBatchFactory(uploaded_by=personas["administrator"]).pk}


def _panel_member_resident(personas):
    """The panel-member persona as a resident (a panel member reads only the panels they sit on)."""
    from engagement.models import Resident
    from tests.engagement.factories import (
        ResidentFactory,
    )

    user = personas["panel_member"]
    return Resident.objects.filter(user=user).first() or ResidentFactory(
        user=user, first_name="Pearl", last_name="Panelmember"
    )


def _panel_with_records(personas):
    """A panel the panel-member persona sits on, with a meeting, a review, evidence and recommendations."""
    from tests.engagement.factories import (
        PanelMeetingFactory,
        PanelMembershipFactory,
        RecommendationFactory,
        ScrutinyPanelFactory,
        ScrutinyReviewFactory,
    )

    panel = ScrutinyPanelFactory()
    me = PanelMembershipFactory(panel=panel, resident=_panel_member_resident(personas))
    chair = PanelMembershipFactory(panel=panel, role="chair", resident__first_name="Clara")
    PanelMembershipFactory(panel=panel, started_on=date(2023, 5, 1), ended_on=date(2024, 1, 1))
    meeting = PanelMeetingFactory(panel=panel)
    meeting.attendees.add(me, chair)
    review = ScrutinyReviewFactory(panel=panel)
    review.evidence.create(
        label="Repairs by group", path="/insight/dashboards/repairs/", note="Disabled residents waited longer."
    )
    RecommendationFactory(review=review)
    RecommendationFactory(
        review=review,
        text="Hold panel meetings in the evening.",
        response="not_accepted",
        response_reason="Most members asked for daytime meetings.",
        action="",
        action_owner="",
        due_on=None,
    )
    RecommendationFactory(review=review, text="Publish repair times by region.", response="", responded_on=None)
    return panel


def _panel(personas):
    return {"pk": _panel_with_records(personas).pk}


def _membership(personas):
    panel = _panel_with_records(personas)
    return {"pk": panel.pk, "member_pk": panel.memberships.get(role="chair").pk}


def _meeting(personas):
    return {"pk": _panel_with_records(personas).meetings.first().pk}


def _review(personas):
    return {"pk": _panel_with_records(personas).reviews.first().pk}


def _recommendation(personas):
    return {"pk": _panel_with_records(personas).reviews.first().recommendations.first().pk}


def _panel_draft(personas):
    """A draft recommendation the panel-member persona wrote for their panel's review."""
    from engagement.models import PanelWriting

    review = _panel_with_records(personas).reviews.first()
    draft = PanelWriting.objects.create(
        review=review,
        kind="recommendation",
        text="Publish repair times by region.",
        written_by=personas["panel_member"],
    )
    return {"pk": draft.pk}


def _activity(personas):
    from tests.engagement.factories import (
        EngagementActivityFactory,
        ResidentFactory,
    )

    activity = EngagementActivityFactory(headcount=12)
    activity.participants.add(ResidentFactory(first_name="Nadia"))
    activity.anonymous_counts.create(dimension="age_band", group="75_plus", count=7)
    return {"pk": activity.pk}


def _assessment(personas):
    from tests.engagement.factories import (
        EqualityImpactAssessmentFactory,
    )

    return {"pk": EqualityImpactAssessmentFactory().pk}


def _shortlist(personas):
    from engagement.shortlist import shortlist_draw
    from tests.engagement.factories import (
        CommunicationPreferenceFactory,
    )

    panel = _panel_with_records(personas)
    for _ in range(6):
        CommunicationPreferenceFactory(resident__date_of_birth=date(1990, 1, 1))
    shortlist = shortlist_draw(
        panel=panel,
        characteristics=["age_band"],
        size=3,
        by=personas["housing_officer"],
        today=date(2025, 1, 1),
        seed=1,
    )
    return {"pk": shortlist.pk}


def _follow_up(personas):
    """An open follow-up owned by the officer persona, from a contact with the profiled resident."""
    from django.utils import timezone

    from desk.models import Contact, FollowUp

    resident = _profiled_resident(personas)
    contact = Contact.objects.create(
        household=resident.household,
        resident=resident,
        occurred_at=timezone.now(),
        channel="phone",
        made_by=personas["housing_officer"],
        made_as="housing_officer",
        purpose="Rent query",
    )
    follow_up = FollowUp.objects.create(
        contact=contact, action="Send the rent statement", owner=personas["housing_officer"], due_on=date(2025, 1, 6)
    )
    return {"pk": follow_up.pk}


def _done_follow_up(personas):
    """A follow-up already done (an open one would put the resident's name on the officer's home page)."""
    from desk.models import FollowUp

    follow_up = FollowUp.objects.get(pk=_follow_up(personas)["pk"])
    follow_up.done_on = date(2025, 1, 3)
    follow_up.save()
    return {"pk": follow_up.pk}


def _contact(personas):
    """The officer persona's contact with the profiled resident, with a follow-up."""
    from desk.models import FollowUp

    return {"pk": FollowUp.objects.get(pk=_done_follow_up(personas)["pk"]).contact_id}


# url name -> function(personas) returning the kwargs for reverse(). Added by the features that
# add pages with arguments.
SAMPLE_ARGUMENTS = {
    "resident_detail": _resident,
    "equality_profile": _resident,
    "equality_profile_edit": _resident,
    "support_need_add": _resident,
    "support_need_edit": _need,
    "adjustment_add": _resident,
    "adjustment_edit": _adjustment,
    "restriction_add": _resident,
    "restriction_edit": _restriction,
    "preferences_edit": _resident,
    "contact_add": _resident,
    "follow_up_done": _follow_up,
    "follow_up_edit": _done_follow_up,
    "contact_detail": _contact,
    "asb_case_add": _contact,
    "resident_data": _resident,
    "resident_data_json": _resident,
    "resident_erase": _resident,
    "import_review": _import_batch,
    "panel_detail": _panel,
    "panel_members": _panel,
    "panel_member_add": _panel,
    "panel_member_edit": _membership,
    "meeting_add": _panel,
    "review_add": _panel,
    "shortlist_start": _panel,
    "meeting_detail": _meeting,
    "meeting_edit": _meeting,
    "review_detail": _review,
    "review_edit": _review,
    "review_write": _review,
    "evidence_add": _review,
    "writing_edit": _panel_draft,
    "writing_withdraw": _panel_draft,
    "writing_adopt": _panel_draft,
    "contact_details_edit": _resident,
    "recommendation_add": _review,
    "recommendation_response": _recommendation,
    "shortlist_detail": _shortlist,
    "activity_detail": _activity,
    "activity_edit": _activity,
    "activity_participants": _activity,
    "activity_headcount": _activity,
    "assessment_detail": _assessment,
    "assessment_edit": _assessment,
}


def _survey_pk(personas):
    from tests.surveys.factories import tsm_survey

    return {"pk": tsm_survey().pk}


def _draft_pk(personas):
    """A pulse survey being built: a draft with a question of each kind, one of them routed; one
    question has its easy read, and another an easy read written before its question changed."""
    from tests.surveys.factories import draft_survey

    survey = draft_survey()
    questions = survey.versions.get().questions
    questions.filter(code="WARM").update(
        easy_read="Is your home warm?\nTick yes or no.", easy_read_of="Is your home warm enough?"
    )
    questions.filter(code="RATING").update(easy_read="Do you like your heating?", easy_read_of="An older question")
    return {"pk": survey.pk}


def _invitation_of(personas):
    from tests.surveys.factories import InvitationFactory

    invitation = InvitationFactory(formats=["easy_read", "bsl"], interpreter_language="so")
    return {"pk": invitation.survey_id, "invitation_pk": invitation.pk}


def _token(personas):
    from tests.surveys.factories import InvitationFactory

    return {"token": InvitationFactory().token}


# Words only one sent response holds: no page may show them to anyone who has not proved to be
# that resident (the sweeps look for them in every body).
SENT_ANSWER = "Kingfisher-sent-answer-Qm7"


def _sent_token(personas):
    """A link whose resident has sent a pulse survey, with SENT_ANSWER as a written answer."""
    from surveys import services
    from tests.surveys.factories import InvitationFactory, answered_response, draft_survey

    survey = draft_survey()
    services.survey_version_publish(version=survey.versions.get())
    invitation = InvitationFactory(survey=survey)
    answers = {"WARM": "no", "EXTRA": SENT_ANSWER, "RATING": "fairly_satisfied", "AGREE": "agree"}
    answered_response(invitation, {**answers, "ROOMS": "2", "FUEL": "gas", "HELP": "grant"})
    return {"token": invitation.token}


SAMPLE_ARGUMENTS.update(
    {
        "surveys:begin": _survey_pk,
        "surveys:detail": _survey_pk,
        "surveys:text_version": _survey_pk,
        "surveys:print_version": _survey_pk,
        "surveys:phone_script": _survey_pk,
        "surveys:enter": _survey_pk,
        "surveys:invite": _survey_pk,
        "surveys:invitations": _survey_pk,
        "surveys:send_invitations": _survey_pk,
        "surveys:print_pack": _survey_pk,
        "surveys:invite_resident": lambda personas: {"resident_pk": _profiled_resident(personas).pk},
        "surveys:new_version": _survey_pk,
        "surveys:draft": _draft_pk,
        "surveys:question_new": _draft_pk,
        "surveys:question_edit": lambda personas: {**_draft_pk(personas), "code": "EXTRA"},
        "surveys:question_move": lambda personas: {**_draft_pk(personas), "code": "EXTRA"},
        "surveys:question_remove": lambda personas: {**_draft_pk(personas), "code": "EXTRA"},
        "surveys:preview": lambda personas: {**_draft_pk(personas), "fmt": "online"},
        "surveys:publish": _draft_pk,
        "surveys:translations": _draft_pk,
        "surveys:translation_file": lambda personas: {**_draft_pk(personas), "language": "pl"},
        "surveys:approach": _survey_pk,
        "surveys:close": _survey_pk,
        "surveys:reopen": _survey_pk,
        "surveys:results": _survey_pk,
        "surveys:tsm_csv": _survey_pk,
        "surveys:responses_csv": _survey_pk,
        "surveys:tsm_return_download": lambda personas: {"year": 2025, "extension": "xlsx"},
        "surveys:send_list_csv": lambda personas: {**_survey_pk(personas), "name": "calls"},
        "surveys:answer_start": _token,
        # A resident's sent answers, which the sweeps look for (SENT_ANSWER) on every page.
        "surveys:answer_question": lambda personas: {**_sent_token(personas), "code": "EXTRA"},
        "surveys:answer_check": _sent_token,
        "surveys:answer_done": _sent_token,
        "surveys:answer_code": _sent_token,
        "surveys:invitation_link": _invitation_of,
        "surveys:print_batch_posted": lambda personas: _print_batch(),
    }
)

# Pages about one household (a resident, their needs and adjustments, contacts with them): an
# operative opens them only for the households of their own jobs (core.access.within_own_households).
HOUSEHOLD_PAGES = {
    name
    for name, make in SAMPLE_ARGUMENTS.items()
    if make in (_resident, _need, _adjustment, _restriction, _follow_up, _done_follow_up, _contact)
} | {"surveys:invite_resident"}


def operative_jobs_at_every_household(personas):
    """Give the operative persona a job at every household there is, for checks that an allowed
    page works for them (the role matrix, the accessibility check); the sweeps leave this out."""
    from engagement.models import Household
    from tests.repairs.factories import RepairRequestFactory

    for household in Household.objects.exclude(repairs__operative=personas["repairs_operative"]):
        RepairRequestFactory(household=household, operative=personas["repairs_operative"])


def _print_batch():
    from surveys.models import PrintBatch
    from tests.surveys.factories import tsm_survey

    batch = PrintBatch.objects.create(survey=tsm_survey(), letters=0)
    return {"pk": batch.survey_id, "batch_pk": batch.pk}


@dataclass(frozen=True)
class Page:
    name: str
    view: object

    @property
    def access(self):
        return getattr(self.view, "access", None)

    def url(self, personas=None):
        kwargs = SAMPLE_ARGUMENTS[self.name](personas) if self.name in SAMPLE_ARGUMENTS else {}
        return reverse(self.name, kwargs=kwargs)


def all_pages():
    """Every named URL of the project except the Django admin (which guards itself: staff only)."""
    return sorted(_walk(get_resolver().url_patterns, ""), key=lambda page: page.name)


def _walk(patterns, namespace):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            if entry.name is None:
                raise AssertionError(f"URL pattern {entry.pattern} has no name; every page needs one.")
            if entry.pattern.converters and f"{namespace}{entry.name}" not in SAMPLE_ARGUMENTS:
                raise AssertionError(
                    f"Page {namespace}{entry.name} takes arguments: add how to make them to SAMPLE_ARGUMENTS in tests/pages.py."
                )
            yield Page(f"{namespace}{entry.name}", entry.callback)


def pages_to_visit():
    """Pages a person opens with GET (not the ones that only take a form post)."""
    return [page for page in all_pages() if not page.access.post_only]


# url name -> query string, for pages that show more when given one (checked as a person sees them).
EXAMPLE_QUERIES = {
    "resident_search": "?q=Resident",
    "panel_member_add": "?q=Testperson",
    "activity_participants": "?q=Testperson",
}


def html_pages_to_visit():
    """Pages a person reads in a browser: what the accessibility check opens."""
    return [page for page in pages_to_visit() if page.access.html]


# Repairs and complaints: one repair at the resident persona's home, assigned to the operative
# persona (so every role that may see it does), with a booked visit; one complaint alleging
# discrimination (so its allegation page exists).
# The smallest valid PNG (1 x 1 pixel), for the photo page.
SAMPLE_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _sample_repair(personas, photo=False):
    from django.core.files.base import ContentFile

    from tests.repairs.factories import AppointmentFactory, RepairRequestFactory

    resident = personas["resident"].resident
    repair = RepairRequestFactory(
        household=resident.household,
        home=resident.household.home,
        reported_by=resident,
        operative=personas["repairs_operative"],
    )
    AppointmentFactory(repair=repair)
    from engagement.models import CommunicationPreference

    # The job page shows how to contact the household: the interpreter by name ("so" stored).
    CommunicationPreference.objects.update_or_create(
        resident=resident, defaults={"interpreter_language": "so", "formats": ["easy_read", "bsl"]}
    )
    if photo:
        repair.photo.save("sample.png", ContentFile(SAMPLE_PNG), save=True)
    return {"pk": repair.pk}


def _sample_complaint(personas):
    from datetime import date

    from repairs.services import complaint_raise

    complaint = complaint_raise(
        resident=personas["resident"].resident,
        received_on=date(2025, 3, 3),
        summary="Staff spoke to me differently from my neighbours.",
        categories=["repairs", "discrimination"],
    )
    return {"pk": complaint.pk}


SAMPLE_ARGUMENTS.update(
    {
        "repairs:detail": _sample_repair,
        "repairs:update": _sample_repair,
        "repairs:book": _sample_repair,
        "repairs:visit": _sample_repair,
        "repairs:photo": lambda personas: _sample_repair(personas, photo=True),
        "repairs:my_repair": _sample_repair,
        "repairs:complaint": _sample_complaint,
        "repairs:complaint_stage": _sample_complaint,
        "repairs:complaint_categories": _sample_complaint,
        "repairs:complaint_escalate": _sample_complaint,
        "repairs:complaint_allegation": _sample_complaint,
        "repairs:complaint_close": _sample_complaint,
    }
)
EXAMPLE_QUERIES.update({"repairs:list": "?overdue=on"})
