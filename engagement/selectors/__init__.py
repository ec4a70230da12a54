"""Reads that several pages share."""

from django.db.models import Count, OuterRef, Q, Subquery

from engagement.models import Home, Household, Resident, current_tenancy

SEARCH_LIMIT = 50
TRIGRAM = 3  # pg_trgm indexes a fragment of at least three characters


def residents_matching(text, limit=SEARCH_LIMIT, within=None):
    """Current residents whose name, address, postcode, property or person reference or UPRN matches `text`:
    the first `limit` by name, among `within` (a queryset of residents: everyone when None).

    Each carries `current_restrictions`, so a search result warns before anyone makes contact.
    """
    text = " ".join(text.split())
    if not text:
        return Resident.objects.none()
    found = _first_matches(text, limit, Resident.objects.all() if within is None else within)
    current_restrictions = Count(
        "contact_restrictions", filter=Q(contact_restrictions__ended_on__isnull=True), distinct=True
    )
    return (
        Resident.objects.filter(pk__in=found)
        .select_related("household__home")
        .annotate(current_restrictions=current_restrictions)
        .order_by("last_name", "first_name", "pk")
    )


def _first_matches(text, limit, residents):
    """The keys of the first `limit` matches by name, in one query.

    A match names each word in the resident's name or home, or is an exact match of a reference,
    UPRN or postcode. The query is a union of two parts, each served by its own indexes on
    PostgreSQL (trigram indexes on the upper-cased names and addresses, upper-case b-trees on the
    references and postcode; engagement migration 0005): residents found by name or person reference, and
    residents of the homes found by address or home reference. One condition OR-ed across the
    resident and home tables cannot use them. The matches are sorted by name in the database and
    only `limit` keys come back. Whether a resident's tenancy is current is read per match from the
    household's primary key: as a join, the planner read all 150,000 households for a surname
    fragment matching 4,000 residents (docs/scaling.md)."""
    words = text.split(" ")
    word = max(words, key=len)  # the longest word: the fewest matches
    compact = text.replace(" ", "").upper()
    postcode = _postcode(compact)
    if len(word) < TRIGRAM:
        # No trigram index can serve so short a fragment: it matches a large share of residents,
        # for whom joining the current households is cheaper than reading each one's by key.
        current = residents.current()
    else:
        ended = Household.objects.filter(pk=OuterRef("household_id")).order_by().values("tenancy_end")[:1]
        current = residents.alias(tenancy_end=Subquery(ended)).filter(current_tenancy())
    if len(words) > 1:
        # Each part matches `word`; the other words must match too, in the name or the home.
        condition = Q()
        for each in words:
            condition &= (
                Q(first_name__icontains=each)
                | Q(last_name__icontains=each)
                | Q(household__home__address_line_1__icontains=each)
                | Q(household__home__town__icontains=each)
            )
        condition |= Q(household__home__property_reference__iexact=text)
        condition |= Q(household__home__uprn=compact)
        condition |= Q(household__home__postcode__iexact=postcode)
        condition |= Q(reference__iexact=text)
        current = current.filter(condition)
    current = current.order_by().values_list("pk", "last_name", "first_name")
    by_person = current.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(reference__iexact=text))
    homes = Home.objects.filter(
        Q(address_line_1__icontains=word)
        | Q(town__icontains=word)
        | Q(property_reference__iexact=text)
        | Q(uprn=compact)
        | Q(postcode__iexact=postcode)
    )
    by_home = current.filter(household__home__in=homes)
    return [row[0] for row in by_person.union(by_home).order_by("last_name", "first_name", "pk")[:limit]]


def _postcode(compact):
    """Postcodes are stored as "AB1 2CD": accept them typed in any case, with or without the space."""
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 4 else compact
