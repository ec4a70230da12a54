"""Reads for the officer's resident page and the list of reviews that are due."""

from dataclasses import dataclass, field

from engagement.models import ContactRestriction, ReasonableAdjustment, Resident, SupportNeed


def resident_for_staff(pk):
    return Resident.objects.select_related("household__home__region").get(pk=pk)


@dataclass
class ResidentOverview:
    """What one resident page shows. Each part is None when the viewer's role may not see it."""

    resident: Resident
    household_members: list
    needs: list | None = None
    adjustments: list | None = None
    preference: object = None
    can_see_preferences: bool = False
    contact_details: object = None
    can_see_contact_details: bool = False
    restrictions: list | None = None
    today: object = None
    flags: list = field(default_factory=list)

    @property
    def current_needs(self):
        return [need for need in self.needs if need.is_current]

    @property
    def ended_needs(self):
        return [need for need in self.needs if not need.is_current]

    @property
    def current_restrictions(self):
        return [r for r in self.restrictions if r.is_current]


def resident_overview(resident, user, today):
    household = resident.household
    overview = ResidentOverview(
        resident=resident,
        household_members=list(household.residents.exclude(pk=resident.pk).order_by("-is_lead_tenant", "first_name")),
        today=today,
    )
    if can_see_needs(user):
        overview.needs = list(resident.support_needs.select_related("recorded_by").order_by("ended_on", "-started_on"))
    if user.has_perm("engagement.view_reasonableadjustment"):
        overview.adjustments = list(resident.adjustments.outstanding_first())
    if user.has_perm("engagement.view_communicationpreference"):
        overview.can_see_preferences = True
        overview.preference = getattr(resident, "communication_preference", None)
    if user.has_perm("engagement.view_contactdetails"):
        overview.can_see_contact_details = True
        overview.contact_details = getattr(resident, "contact_details", None)
    if user.has_perm("engagement.view_contactrestriction"):
        overview.restrictions = list(resident.contact_restrictions.order_by("ended_on", "-started_on"))
    return overview


def can_see_needs(user, *, visiting=False):
    """The one rule for who may read residents' support needs (health information: each read is
    audited). Anywhere (the resident page, the worklist) it takes both the needs permission and the
    special-category one. Before a visit to a household (an operative's own job, repairs' access
    rule) the needs permission alone is enough: an operative must know them to visit well."""
    if visiting:
        return user.has_perm("engagement.view_supportneed")
    return user.has_perms(["engagement.view_supportneed", "engagement.view_special_category"])


def needs_past_review(today):
    return SupportNeed.objects.past_review(today).select_related("resident__household__home").order_by("review_by")


def restrictions_past_review(today):
    return (
        ContactRestriction.objects.past_review(today).select_related("resident__household__home").order_by("review_by")
    )


def adjustments_outstanding():
    return (
        ReasonableAdjustment.objects.outstanding()
        .select_related("resident__household__home")
        .order_by("requested_on", "pk")
    )
