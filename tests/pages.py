"""Every page the project has, found by walking the URL resolver.

Tests that must cover every page (the role/page matrix, the accessibility check) use this, so a
new page is covered without editing them. A page whose URL takes arguments needs one entry in
SAMPLE_ARGUMENTS saying how to make an object for it; the walk fails loudly when one is missing.
"""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# url name -> function(personas) returning the kwargs for reverse(). Added by the features that
# add pages with arguments.
SAMPLE_ARGUMENTS = {}


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
