"""Finding the resident whose answers these are, by a key whose kind is always said, never guessed.

A resident number is this service's own number for a resident; a resident reference is the
landlord's own person reference (the one import_residents loads); a property reference means the
lead tenant of the home's current household.
"""

from django.utils.translation import gettext_lazy as _

from engagement.models import Resident

KEY_KINDS = {
    "resident_reference": _("resident reference"),
    "resident_number": _("resident number"),
    "property_reference": _("property reference"),
}
CHUNK = 5000  # keeps each IN list well under SQLite's limit on query parameters


def current_residents():
    return Resident.objects.current().select_related("household__home")


def residents_by_key(kind, keys):
    """{key: current resident} for the keys that name one; `kind` is one of KEY_KINDS."""
    if kind not in KEY_KINDS:
        raise ValueError(f"Not a kind of key: {kind}")
    keys = sorted(set(keys))
    found = {}
    for start in range(0, len(keys), CHUNK):
        found.update(_find(kind, keys[start : start + CHUNK]))
    return found


def _find(kind, keys):
    current = current_residents()
    if kind == "resident_number":
        numbers = {int(key): key for key in keys if key.isdigit()}
        return {numbers[r.pk]: r for r in current.filter(pk__in=numbers)}
    if kind == "resident_reference":
        return {r.reference: r for r in current.filter(reference__in=keys)}
    found = {}
    # The lead tenant first; where a household has none marked, its first resident.
    for resident in current.filter(household__home__property_reference__in=keys).order_by("-is_lead_tenant", "pk"):
        found.setdefault(resident.household.home.property_reference, resident)
    return found


def find_resident(kind, key):
    """The current resident a key of this kind names, or None."""
    return residents_by_key(kind, [key.strip()]).get(key.strip())
