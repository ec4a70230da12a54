"""Reads that several pages share."""

from django.db.models import Count, Q

from engagement.models import Home, Region, Resident

SEARCH_LIMIT = 50
# Up to this many candidates are fetched as a list first; a vaguer search runs as one query instead.
CANDIDATE_LIMIT = 5000


def residents_matching(text, limit=SEARCH_LIMIT):
    """Current residents whose name, address, postcode, property or person reference or UPRN matches `text`.

    Each carries `current_restrictions`, so a search result warns before anyone makes contact.
    """
    text = " ".join(text.split())
    if not text:
        return Resident.objects.none()
    words = text.split(" ")
    compact = text.replace(" ", "").upper()
    home_exact = Q(property_reference__iexact=text) | Q(uprn=compact) | Q(postcode__iexact=_postcode(compact))
    condition = Q()
    for word in words:
        condition &= (
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(household__home__address_line_1__icontains=word)
            | Q(household__home__town__icontains=word)
        )
    condition |= Q(household__home__property_reference__iexact=text)
    condition |= Q(household__home__uprn=compact)
    condition |= Q(household__home__postcode__iexact=_postcode(compact))
    condition |= Q(reference__iexact=text)
    current_restrictions = Count(
        "contact_restrictions", filter=Q(contact_restrictions__ended_on__isnull=True), distinct=True
    )
    candidates = _candidates(max(words, key=len), text, home_exact)  # the longest word: the fewest matches
    found = list(candidates.values_list("pk", flat=True)[: CANDIDATE_LIMIT + 1])
    if len(found) <= CANDIDATE_LIMIT:
        # A short list the planner can count: it then reads those rows by key, not every row.
        candidates = found
    return (
        Resident.objects.filter(pk__in=candidates)
        .filter(condition, household__tenancy_end__isnull=True)
        .select_related("household__home")
        .annotate(current_restrictions=current_restrictions)
        .order_by("last_name", "first_name", "pk")[:limit]
    )


def _candidates(word, text, home_exact):
    """Every resident the search can match: a match names each word (here, `word`) in the resident's name or
    home, or is an exact match. Each part is served by its own index on PostgreSQL (trigram indexes on
    names and addresses, upper-case b-trees for references and postcodes; migration 0008), which one
    condition OR-ed across the resident and home tables cannot be: at 300,000 residents that is the
    difference between reading every row and reading the matches (docs/scaling.md)."""
    by_person = Resident.objects.filter(
        Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(reference__iexact=text)
    )
    homes = Home.objects.filter(Q(address_line_1__icontains=word) | Q(town__icontains=word) | home_exact)
    by_home = Resident.objects.filter(household__home__in=homes)
    return by_person.order_by().values_list("pk", flat=True).union(by_home.order_by().values_list("pk", flat=True))


def _postcode(compact):
    """Postcodes are stored as "AB1 2CD": accept them typed in any case, with or without the space."""
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 4 else compact


def homes_by_region():
    """How many homes the landlord has in each region (a count of homes: no person in it)."""
    return Region.objects.annotate(home_count=Count("homes")).filter(home_count__gt=0).order_by("code")


def home_count():
    return Home.objects.count()
