"""The household an operative is about to visit: who lives there and what to do differently.

Every part is shown only to a role that may see it. Support needs are health information, so the
page that shows them must audit the read (`needs_shown`).
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from engagement.models import (
    AdjustmentStatus,
    CommunicationPreference,
    ContactRestriction,
    ReasonableAdjustment,
    Resident,
    SupportNeed,
)
from engagement.presenters import ContactDetails, RestrictionForVisit
from engagement.selectors.profiles import can_see_needs


def _with_visit_data(residents):
    """Residents with their current needs, adjustments in place, current restrictions and preferences."""
    return (
        residents.select_related("communication_preference", "contact_details")
        .order_by("-is_lead_tenant", "first_name", "pk")
        .prefetch_related(
            Prefetch("support_needs", queryset=SupportNeed.objects.current().order_by("pk"), to_attr="visit_needs"),
            Prefetch(
                "adjustments",
                queryset=ReasonableAdjustment.objects.filter(status=AdjustmentStatus.IN_PLACE).order_by("pk"),
                to_attr="visit_adjustments",
            ),
            Prefetch(
                "contact_restrictions",
                queryset=ContactRestriction.objects.current().order_by("pk"),
                to_attr="visit_restrictions",
            ),
        )
    )


def visit_prefetch(to_household):
    """A prefetch that loads, with no query per job, everything `household_visit` reads.
    `to_household` is the lookup from the listed objects to the household, e.g. "repair__household"."""
    return Prefetch(f"{to_household}__residents", queryset=_with_visit_data(Resident.objects.all()))


@dataclass
class PersonForVisit:
    resident: Resident
    needs: list = field(default_factory=list)
    adjustments: list = field(default_factory=list)
    restrictions: list = field(default_factory=list)
    contact: ContactDetails | None = None

    @property
    def interpreter_language(self):
        return self.contact.interpreter_language if self.contact else ""


@dataclass
class HouseholdVisit:
    people: list
    shows_needs: bool = False

    @property
    def needs_shown(self):
        """Residents whose support needs the page shows: each is an audited read."""
        return [person.resident for person in self.people if person.needs]

    @property
    def restricted(self):
        return any(person.restrictions for person in self.people)

    @property
    def adjustment_count(self):
        return sum(len(person.adjustments) for person in self.people)


def household_visit(household, user):
    """What `user` may know about `household` before a visit (None for a repair with no household).
    Reads the prefetch from `visit_prefetch` when it was made, and queries otherwise."""
    if household is None:
        return None
    may = {
        "needs": can_see_needs(user, visiting=True),
        "adjustments": user.has_perm("engagement.view_reasonableadjustment"),
        "restrictions": user.has_perm("engagement.view_contactrestriction"),
        "contact": user.has_perm("engagement.view_communicationpreference"),
    }
    people = [_person(resident, may) for resident in _residents(household)]
    return HouseholdVisit(people=people, shows_needs=may["needs"])


def _residents(household):
    if "residents" in getattr(household, "_prefetched_objects_cache", {}):
        return list(household.residents.all())
    return list(_with_visit_data(Resident.objects.filter(household=household)))


def _person(resident, may):
    preference = _preference(resident)
    return PersonForVisit(
        resident=resident,
        needs=resident.visit_needs if may["needs"] else [],
        adjustments=resident.visit_adjustments if may["adjustments"] else [],
        restrictions=[RestrictionForVisit(r) for r in resident.visit_restrictions] if may["restrictions"] else [],
        contact=ContactDetails.of(resident, preference) if may["contact"] else None,
    )


def _preference(resident):
    try:
        return resident.communication_preference
    except CommunicationPreference.DoesNotExist:
        return None
