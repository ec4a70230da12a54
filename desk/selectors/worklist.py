"""The officer's worklist and patch: what is due, what is waiting, and who we have not heard from.

An officer's patch is the homes whose `housing_officer` is that officer.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from desk.models import Contact, FollowUp
from engagement.equality import Answer
from engagement.models import (
    CommunicationPreference,
    ContactRestriction,
    EqualityProfile,
    Home,
    ReasonableAdjustment,
    Resident,
    SupportNeed,
    current_tenancy,
)
from engagement.selectors.profiles import can_see_needs
from repairs.models import OPEN_STATUSES, RepairRequest

REPAIRS_SHOWN_DAYS = 90


def patch_residents(officer):
    """Residents of current households in the officer's patch, with their household's last contact.

    The last contact is the household's newest contact read from the (household, -occurred_at) index
    for each resident, not the maximum over all its contacts grouped per resident: at a million
    contacts, grouping every contact of the patch cost ten times as much (docs/scaling.md)."""
    last = Contact.objects.filter(household=OuterRef("household_id")).order_by("-occurred_at").values("occurred_at")
    return (
        Resident.objects.current()
        .filter(household__home__housing_officer=officer)
        .select_related("household__home")
        # What the lists show (the name and the home's address), not every column of three tables.
        .only("first_name", "last_name", "household__home__address_line_1", "household__home__postcode")
        .annotate(last_contact=Subquery(last[:1]))
    )


def not_contacted_since(officer, since):
    """Residents in the patch whose household has had no contact since `since` (or never), longest first."""
    residents = patch_residents(officer).filter(Q(last_contact__lt=since) | Q(last_contact__isnull=True))
    return residents.order_by(F("last_contact").asc(nulls_first=True), "last_name", "first_name")


@dataclass
class Worklist:
    follow_ups: list
    needs: list | None
    restrictions: list
    adjustments: list
    adjustments_to_review: list
    repairs: list
    not_contacted: list
    not_heard_days: int
    today: object

    def overdue_follow_ups(self):
        return [follow_up for follow_up in self.follow_ups if follow_up.is_overdue(self.today)]


def worklist_for(officer, today=None):
    today = today or timezone.localdate()
    in_patch = Q(resident__household__home__housing_officer=officer) & current_tenancy("resident__household__")
    needs = None
    if can_see_needs(officer):
        needs = list(
            SupportNeed.objects.past_review(today).filter(in_patch).select_related("resident").order_by("review_by")
        )
    since = timezone.now() - timedelta(days=settings.CONTACT_NOT_HEARD_DAYS)
    repairs_since = timezone.now() - timedelta(days=REPAIRS_SHOWN_DAYS)
    return Worklist(
        follow_ups=list(
            FollowUp.objects.open()
            .filter(owner=officer)
            .select_related("contact__household__home", "contact__resident")
            .order_by("due_on", "pk")
        ),
        needs=needs,
        restrictions=list(
            ContactRestriction.objects.past_review(today)
            .filter(in_patch)
            .select_related("resident")
            .order_by("review_by")
        ),
        adjustments=list(
            ReasonableAdjustment.objects.outstanding()
            .filter(in_patch)
            .select_related("resident")
            .order_by("requested_on", "pk")
        ),
        adjustments_to_review=list(
            ReasonableAdjustment.objects.past_review(today)
            .filter(in_patch)
            .select_related("resident")
            .order_by("review_by", "pk")
        ),
        repairs=list(
            # Open ones however old, and the rest for REPAIRS_SHOWN_DAYS after they were raised or finished.
            RepairRequest.objects.filter(contacts__made_by=officer)
            .filter(
                Q(status__in=OPEN_STATUSES) | Q(reported_at__gte=repairs_since) | Q(completed_at__gte=repairs_since)
            )
            .select_related("home")
            .distinct()
            .order_by("-reported_at")
        ),
        not_contacted=list(not_contacted_since(officer, since)[:100]),
        not_heard_days=settings.CONTACT_NOT_HEARD_DAYS,
        today=today,
    )


@dataclass
class PatchSilences:
    no_internet: list
    interpreter: list
    disability: list | None  # None when the viewer may not see disability
    others: list
    total: int
    not_heard_days: int = 0

    def groups(self):
        """(key, residents) for each group shown, in the page's order; no disability group when
        the viewer may not see disability."""
        groups = [("no_internet", self.no_internet), ("interpreter", self.interpreter)]
        if self.disability is not None:
            groups.append(("disability", self.disability))
        return [*groups, ("others", self.others)]


def can_see_disability(user):
    return user.has_perms(["engagement.view_equalityprofile", "engagement.view_special_category"])


def patch_silences(officer, user, now=None):
    """Residents in the patch with no contact in CONTACT_NOT_HEARD_DAYS (the worklist's window
    too), grouped by what predicts silence.

    A resident can be in more than one group. Disability is special-category data: it is used only
    for a viewer allowed to see it (and the page audits the read)."""
    since = (now or timezone.now()) - timedelta(days=settings.CONTACT_NOT_HEARD_DAYS)
    residents = list(not_contacted_since(officer, since))
    # The flags are read for the listed residents by key: as EXISTS per row the planner read the
    # whole preferences and profiles tables (250,000 and 300,000 rows) for a patch of 500 homes.
    pks = [r.pk for r in residents]
    preferences = {
        resident_id: (no_internet, bool(language))
        for resident_id, no_internet, language in CommunicationPreference.objects.filter(
            resident_id__in=pks
        ).values_list("resident_id", "no_internet", "interpreter_language")
    }
    no_internet = [r for r in residents if preferences.get(r.pk, (False, False))[0]]
    needs_interpreter = {r.pk for r in residents if preferences.get(r.pk, (False, False))[1]}
    disability = None
    if can_see_disability(user):
        profiles = EqualityProfile.objects.filter(resident_id__in=pks).values_list(
            "resident_id", "disability", "interpreter_needed"
        )
        disabled = set()
        for resident_id, answer, interpreter_needed in profiles:
            if answer == Answer.YES:
                disabled.add(resident_id)
            if interpreter_needed == Answer.YES:
                needs_interpreter.add(resident_id)
        disability = [r for r in residents if r.pk in disabled]
    interpreter = [r for r in residents if r.pk in needs_interpreter]
    grouped = {r.pk for r in no_internet + interpreter + (disability or [])}
    return PatchSilences(
        no_internet=no_internet,
        interpreter=interpreter,
        disability=disability,
        others=[r for r in residents if r.pk not in grouped],
        total=len(residents),
        not_heard_days=settings.CONTACT_NOT_HEARD_DAYS,
    )


def homes_for_patch(*, references=(), postcode_area=""):
    """Homes named by property reference, or every home whose postcode starts with `postcode_area`
    (an outward code such as "LS9", or a sector such as "LS9 8")."""
    homes = Home.objects.all()
    if references:
        return homes.filter(property_reference__in=references)
    area = " ".join(postcode_area.upper().split())
    if " " not in area:
        return homes.filter(postcode__istartswith=f"{area} ")  # LS9 must not take in LS91
    return homes.filter(postcode__istartswith=area)
