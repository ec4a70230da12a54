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
    from tests import factories

    resident = factories.ResidentFactory(first_name="Sam", last_name="Sample")
    factories.ResidentFactory(household=resident.household, first_name="Pat", is_lead_tenant=False)
    factories.EqualityProfileFactory(resident=resident)
    factories.SupportNeedFactory(resident=resident)
    factories.SupportNeedFactory(resident=resident, ended_on=date(2024, 6, 1), end_reason="Recovered")
    factories.ReasonableAdjustmentFactory(resident=resident)
    factories.ContactRestrictionFactory(resident=resident, review_by=date(2024, 9, 1))
    factories.CommunicationPreferenceFactory(resident=resident, no_internet=True, formats=["large_print"])
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
    from tests import factories

    return {"pk": factories.ImportBatchFactory(uploaded_by=personas["administrator"]).pk}


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
    "import_review": _import_batch,
}


def _survey_pk(personas):
    from tests.factories import tsm_survey

    return {"pk": tsm_survey().pk}


def _token(personas, *, answered=False, submit=False):
    from tests.factories import InvitationFactory, answered_response

    invitation = InvitationFactory()
    if answered:
        answered_response(invitation, submit=submit)
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
        "surveys:send_emails": _survey_pk,
        "surveys:new_version": _survey_pk,
        "surveys:results": _survey_pk,
        "surveys:tsm_csv": _survey_pk,
        "surveys:responses_csv": _survey_pk,
        "surveys:send_list_csv": lambda personas: {**_survey_pk(personas), "name": "calls"},
        "surveys:answer_start": _token,
        "surveys:answer_question": lambda personas: {**_token(personas, answered=True), "code": "TP01"},
        "surveys:answer_check": lambda personas: _token(personas, answered=True),
        "surveys:answer_done": lambda personas: _token(personas, answered=True, submit=True),
    }
)


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

    from tests.factories import AppointmentFactory, RepairRequestFactory

    resident = personas["resident"].resident
    repair = RepairRequestFactory(
        household=resident.household,
        home=resident.household.home,
        reported_by=resident,
        operative=personas["repairs_operative"],
    )
    AppointmentFactory(repair=repair)
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
        "repairs:complaint_escalate": _sample_complaint,
        "repairs:complaint_allegation": _sample_complaint,
        "repairs:complaint_close": _sample_complaint,
    }
)
EXAMPLE_QUERIES.update({"repairs:list": "?overdue=on"})
