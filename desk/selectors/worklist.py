"""The officer's worklist and patch: what is due, what is waiting, and who we have not heard from.

An officer's patch is the homes whose `housing_officer` is that officer.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from desk.models import Contact, FollowUp
from engagement.equality import Answer
from engagement.models import (
    CommunicationPreference,
    ContactRestriction,
    EqualityProfile,
    Home,
    Household,
    ReasonableAdjustment,
    Resident,
    SupportNeed,
)
from engagement.models.adjustments import OUTSTANDING, AdjustmentStatus
from engagement.selectors.profiles import can_see_needs
from repairs.models import OPEN_STATUSES, RepairRequest

REPAIRS_SHOWN_DAYS = 90


# What the patch's lists show of each resident, in this order (`patch_rows`).
PATCH_COLUMNS = ("pk", "household_id", "first_name", "last_name", "household__home_id",
                 "household__home__address_line_1", "household__home__postcode", "last_contact")  # fmt: skip


def patch_rows(officer):
    """Every resident of a current household in the officer's patch, as tuples of PATCH_COLUMNS,
    never contacted first, then the longest silent, then by name (and key, so the order is the same
    every time and so is its cached fragment).

    The last contact is the household's newest, read from the (household, -occurred_at) index, once
    a resident: filtering on it in SQL repeated the subquery in the WHERE clause (three index reads a
    resident, not one), and the worklist's other lists joined homes and households again each time;
    now they read by these residents' keys. Tuples, not model instances: a patch has about a thousand
    residents and the pages list a hundred or so (docs/scaling.md)."""
    last = Contact.objects.filter(household=OuterRef("household_id")).order_by("-occurred_at").values("occurred_at")
    return list(
        Resident.objects.current()
        .filter(household__home__housing_officer=officer)
        .annotate(last_contact=Subquery(last[:1]))
        .order_by(F("last_contact").asc(nulls_first=True), "last_name", "first_name", "pk")
        .values_list(*PATCH_COLUMNS)
    )


def silent_rows(rows, since):
    """The rows of `patch_rows` whose household has had no contact since `since` (or never), in order."""
    return [row for row in rows if row[-1] is None or row[-1] < since]


def as_resident(row):
    """A resident from a row of `patch_rows`, with its household and home (only the columns read),
    as a query with select_related and only() would have built it, and its `last_contact`."""
    pk, household_id, first_name, last_name, home_id, address_line_1, postcode, last_contact = row
    resident = Resident.from_db(DEFAULT_DB_ALIAS, ["id", "household_id", "first_name", "last_name"],
                                [pk, household_id, first_name, last_name])  # fmt: skip
    household = Household.from_db(DEFAULT_DB_ALIAS, ["id", "home_id"], [household_id, home_id])
    household.home = Home.from_db(
        DEFAULT_DB_ALIAS, ["id", "address_line_1", "postcode"], [home_id, address_line_1, postcode]
    )
    resident.household = household
    resident.last_contact = last_contact
    return resident


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

    # What each table's rows show, for their cached fragments (core/fragments.py).
    @property
    def needs_shown(self):
        return [(n.pk, n.resident_id, _name(n.resident), n.category, n.review_by) for n in self.needs or []]

    @property
    def restrictions_shown(self):
        return [(r.pk, r.resident_id, _name(r.resident), r.kind, r.review_by) for r in self.restrictions]

    @property
    def adjustments_shown(self):
        return [
            (a.pk, a.resident_id, _name(a.resident), a.request, a.requested_on, a.status, a.agreed_on, a.in_place_on,
             a.declined_on)
            for a in self.adjustments
        ]  # fmt: skip

    @property
    def adjustments_to_review_shown(self):
        return [(a.pk, a.resident_id, _name(a.resident), a.request, a.review_by) for a in self.adjustments_to_review]

    @property
    def repairs_shown(self):
        return [(r.pk, r.reference, r.category, r.status, r.home_id, str(r.home)) for r in self.repairs]


def _name(resident):
    return (resident.first_name, resident.last_name)


def worklist_for(officer, today=None):
    today = today or timezone.localdate()
    rows = patch_rows(officer)
    # The residents of the patch's current households, by key (see patch_rows).
    in_patch = Q(resident_id__among=[row[0] for row in rows])
    needs = None
    if can_see_needs(officer):
        needs = list(
            SupportNeed.objects.past_review(today).filter(in_patch).select_related("resident").order_by("review_by")
        )
    since = timezone.now() - timedelta(days=settings.CONTACT_NOT_HEARD_DAYS)
    not_contacted = [as_resident(row) for row in silent_rows(rows, since)[:100]]
    repairs_since = timezone.now() - timedelta(days=REPAIRS_SHOWN_DAYS)
    # Outstanding adjustments and those in place past their review, in one query (split below).
    adjustments = list(
        ReasonableAdjustment.objects.filter(in_patch)
        .filter(Q(status__in=OUTSTANDING) | Q(status=AdjustmentStatus.IN_PLACE, review_by__lt=today))
        .select_related("resident")
    )
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
        adjustments=sorted((a for a in adjustments if a.status in OUTSTANDING), key=lambda a: (a.requested_on, a.pk)),
        adjustments_to_review=sorted(
            (a for a in adjustments if a.status == AdjustmentStatus.IN_PLACE and a.review_by < today),
            key=lambda a: (a.review_by, a.pk),
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
        not_contacted=not_contacted,
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
    rows = silent_rows(patch_rows(officer), since)
    # The flags are read for the listed residents by key: as EXISTS per row the planner read the
    # whole preferences and profiles tables (250,000 and 300,000 rows) for a patch of 500 homes.
    pks = [row[0] for row in rows]
    preferences = {
        resident_id: (no_internet, bool(language))
        for resident_id, no_internet, language in CommunicationPreference.objects.filter(
            resident_id__among=pks
        ).values_list("resident_id", "no_internet", "interpreter_language")
    }
    no_internet = [row for row in rows if preferences.get(row[0], (False, False))[0]]
    needs_interpreter = {pk for pk in pks if preferences.get(pk, (False, False))[1]}
    disability = None
    if can_see_disability(user):
        profiles = EqualityProfile.objects.filter(resident_id__among=pks).values_list(
            "resident_id", "disability", "interpreter_needed"
        )
        disabled = set()
        for resident_id, answer, interpreter_needed in profiles:
            if answer == Answer.YES:
                disabled.add(resident_id)
            if interpreter_needed == Answer.YES:
                needs_interpreter.add(resident_id)
        disability = [row for row in rows if row[0] in disabled]
    interpreter = [row for row in rows if row[0] in needs_interpreter]
    grouped = {row[0] for row in no_internet + interpreter + (disability or [])}
    made = {}
    return PatchSilences(
        no_internet=PatchResidents(no_internet, made),
        interpreter=PatchResidents(interpreter, made),
        disability=None if disability is None else PatchResidents(disability, made),
        others=PatchResidents([row for row in rows if row[0] not in grouped], made),
        total=len(rows),
        not_heard_days=settings.CONTACT_NOT_HEARD_DAYS,
    )


class PatchResidents(Sequence):
    """Rows of `patch_rows` read as residents, each made when it is first read (and once, however
    many groups it is in: `made`, by key): a group of hundreds lists fifty."""

    def __init__(self, rows, made):
        self.rows, self.made = rows, made

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._resident(row) for row in self.rows[index]]
        return self._resident(self.rows[index])

    def _resident(self, row):
        if row[0] not in self.made:
            self.made[row[0]] = as_resident(row)
        return self.made[row[0]]


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
