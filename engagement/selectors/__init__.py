"""Reads that several pages share."""

from django.db.models import Count, Q

from engagement.models import Home, Region, Resident

SEARCH_LIMIT = 50


def residents_matching(text, limit=SEARCH_LIMIT):
    """Current residents whose name, address, postcode, property or person reference or UPRN matches `text`.

    Each carries `current_restrictions`, so a search result warns before anyone makes contact.
    """
    text = " ".join(text.split())
    if not text:
        return Resident.objects.none()
    condition = Q()
    for word in text.split(" "):
        condition &= (
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(household__home__address_line_1__icontains=word)
            | Q(household__home__town__icontains=word)
        )
    compact = text.replace(" ", "").upper()
    condition |= Q(household__home__property_reference__iexact=text)
    condition |= Q(household__home__uprn=compact)
    condition |= Q(household__home__postcode__iexact=_postcode(compact))
    condition |= Q(reference__iexact=text)
    current_restrictions = Count(
        "contact_restrictions", filter=Q(contact_restrictions__ended_on__isnull=True), distinct=True
    )
    return (
        Resident.objects.filter(condition, household__tenancy_end__isnull=True)
        .select_related("household__home")
        .annotate(current_restrictions=current_restrictions)
        .order_by("last_name", "first_name", "pk")[:limit]
    )


def _postcode(compact):
    """Postcodes are stored as "AB1 2CD": accept them typed in any case, with or without the space."""
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 4 else compact


def homes_by_region():
    """How many homes the landlord has in each region (a count of homes: no person in it)."""
    return Region.objects.annotate(home_count=Count("homes")).filter(home_count__gt=0).order_by("code")


def home_count():
    return Home.objects.count()
