"""Placing this landlord among the landlords whose Tenant Satisfaction Measures the Regulator of
Social Housing publishes (imported by `import_rsh_tsm`: surveys/regulator_dataset.py): among all of
them, and among its peers, with the median and the quartiles of each group.

Peers are the landlords in the Regulator's latest imported year with the same type, size band and
predominant region as this landlord and on the same side of its supported-housing line (more than
30% of rented homes). This landlord's own:
- type: the setting LANDLORD_TYPE (PRP, a housing association; LA, a council): nothing in the
  product's data says which it is;
- size band: its homes counted from the product's data as the Regulator counts them (rented and
  shared ownership together, leasehold left out), into <5,000, 5,000-40,000, >40,000;
- predominant region: the Regulator's region (North, Midlands, London, South) holding at least half
  of its homes, by each home's English region; Mixed when none does;
- supported housing: whether more than 30% of its rented homes are supported housing.

Where fewer than PEERS_AT_LEAST landlords match on all four, the region is let go (same type, size
and supported housing, any region) and the page says so: a landlord mostly in no one region (Mixed)
has few such peers.

The median and quartiles are of the landlords' published figures, one per landlord, by linear
interpolation between the figures (`statistics.quantiles`, method "inclusive"). A group of fewer
than PEERS_AT_LEAST landlords is named with its size but not summarised.
"""

import statistics
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from engagement.models import Home
from engagement.models.places import SchemeType
from surveys.models import LandlordType, PeerRegion, PublishedMeasure, SizeBand
from surveys.regulator_dataset import PER_1000_MEASURES, SOURCE

PEERS_AT_LEAST = 5
SUPPORTED_ABOVE = 0.30
# The Regulator's regions, from the English regions' ONS codes (engagement.Region).
PEER_REGION_OF = {
    "E12000001": PeerRegion.NORTH,  # North East
    "E12000002": PeerRegion.NORTH,  # North West
    "E12000003": PeerRegion.NORTH,  # Yorkshire and The Humber
    "E12000004": PeerRegion.MIDLANDS,  # East Midlands
    "E12000005": PeerRegion.MIDLANDS,  # West Midlands
    "E12000006": PeerRegion.SOUTH,  # East of England
    "E12000007": PeerRegion.LONDON,
    "E12000008": PeerRegion.SOUTH,  # South East
    "E12000009": PeerRegion.SOUTH,  # South West
}


@dataclass(frozen=True)
class Profile:
    """What places a landlord among its peers."""

    landlord_type: str
    size_band: str
    region: str
    mostly_supported: bool
    homes: int

    def describe(self):
        """ "Housing association (...), fewer than 5,000 homes, mostly in North, 30% or less supported housing"."""
        if self.region and self.region != PeerRegion.MIXED:
            where = _("mostly in %(region)s") % {"region": PeerRegion(self.region).label}
        else:
            where = _("in no one region")
        if self.mostly_supported:
            supported = _("more than 30% supported housing")
        else:
            supported = _("30% or less supported housing")
        size = SizeBand(self.size_band).label.lower()
        return f"{LandlordType(self.landlord_type).label}, {size}, {where}, {supported}"


def size_band(homes):
    if homes < 5000:
        return SizeBand.UNDER_5000
    return SizeBand.UP_TO_40000 if homes <= 40000 else SizeBand.OVER_40000


def our_profile():
    """This landlord's type (a setting), size, predominant region and supported housing (its homes)."""
    homes = Home.objects.exclude(scheme_type=SchemeType.LEASEHOLD)
    by_region = {}
    for code, n in homes.values_list("region__code").annotate(n=Count("pk")):
        peer_region = PEER_REGION_OF.get(code, PeerRegion.MIXED)
        by_region[peer_region] = by_region.get(peer_region, 0) + n
    total = sum(by_region.values())
    region = next((r for r, n in by_region.items() if total and n * 2 >= total), PeerRegion.MIXED)
    rented = homes.exclude(scheme_type=SchemeType.SHARED_OWNERSHIP)
    supported = rented.filter(scheme_type=SchemeType.SUPPORTED).count()
    rented_count = rented.count()
    return Profile(
        landlord_type=settings.LANDLORD_TYPE,
        size_band=size_band(total),
        region=region,
        mostly_supported=bool(rented_count) and supported > SUPPORTED_ABOVE * rented_count,
        homes=total,
    )


@dataclass(frozen=True)
class Group:
    """The published figures of one group of landlords for one measure."""

    landlords: int
    median: float | None = None
    lower_quartile: float | None = None
    upper_quartile: float | None = None
    below: int | None = None  # how many of them have a lower figure than ours

    @property
    def summarised(self):
        return self.median is not None

    @property
    def share_below(self):
        return None if self.below is None or not self.landlords else self.below / self.landlords


def summarise(values, ours=None):
    """A Group for these figures (one per landlord), and where `ours` sits among them."""
    values = sorted(values)
    if len(values) < PEERS_AT_LEAST:
        return Group(len(values))
    lower, median, upper = statistics.quantiles(values, n=4, method="inclusive")
    below = None if ours is None else sum(1 for value in values if value < ours)
    return Group(len(values), median, lower, upper, below)


def shown(value, measure):
    """A figure in words: a share as a percentage, NM01 and CH01 per 1,000 homes."""
    if value is None:
        return "–"
    return f"{value:.1f}" if measure in PER_1000_MEASURES else f"{100 * value:.1f}%"


@dataclass(frozen=True)
class Placement:
    measure: str
    tenure: str
    year: int
    ours: float | None
    everyone: Group
    peers: Group
    peers_in_any_region: bool = False  # too few peers in our region: the same type, size and supported housing anywhere

    @property
    def source(self):
        return SOURCE.format(year=self.year)

    def summary(self, group):
        """ "74.1% (middle half 68.0% to 79.5%) of 353 landlords", or why there is none."""
        if not group.summarised:
            return ngettext("%(n)s landlord: too few to compare", "%(n)s landlords: too few to compare",
                             group.landlords) % {"n": group.landlords}  # fmt: skip
        return _("%(median)s (middle half %(low)s to %(high)s) of %(n)s landlords") % {
            "median": shown(group.median, self.measure),
            "low": shown(group.lower_quartile, self.measure),
            "high": shown(group.upper_quartile, self.measure),
            "n": group.landlords,
        }

    def where(self, group):
        """ "Higher than 120 of 353 (34%)", or "–" without our figure or a summary."""
        if self.ours is None or not group.summarised:
            return "–"
        return _("Higher than %(below)s of %(n)s (%(share).0f%%)") % {
            "below": group.below,
            "n": group.landlords,
            "share": 100 * group.share_below,
        }

    def csv_cells(self):
        """The same placing as `cells`, for a CSV: each group's median, quartiles and number of
        landlords, and how many of them are below ours, in the product's units (a share as a
        proportion, NM01 and CH01 per 1,000 homes); blank where the page shows "–"."""
        cells = []
        for group in (self.everyone, self.peers):
            summarised = group.summarised
            cells += [
                _number(group.median, self.measure) if summarised else "",
                _number(group.lower_quartile, self.measure) if summarised else "",
                _number(group.upper_quartile, self.measure) if summarised else "",
                group.landlords,
                group.below if summarised and self.ours is not None else "",
            ]
        return [*cells, "yes" if self.peers_in_any_region else "no", self.source]

    def cells(self):
        return {
            "ours": shown(self.ours, self.measure),
            "everyone": self.summary(self.everyone),
            "everyone_where": self.where(self.everyone),
            "peers": self.summary(self.peers) + (_(", in any region") if self.peers_in_any_region else ""),
            "peers_where": self.where(self.peers),
        }


# The columns of Placement.csv_cells, which CSVs of pages that place us among landlords add.
CSV_COLUMNS = [
    "all_landlords_median",
    "all_landlords_lower_quartile",
    "all_landlords_upper_quartile",
    "landlords",
    "ours_higher_than_landlords",
    "peers_median",
    "peers_lower_quartile",
    "peers_upper_quartile",
    "peer_landlords",
    "ours_higher_than_peers",
    "peers_in_any_region",
    "peers_source",
]


def _number(value, measure):
    if value is None:
        return ""
    return f"{value:.1f}" if measure in PER_1000_MEASURES else f"{value:.4f}"


def latest_year():
    return PublishedMeasure.objects.order_by("-year").values_list("year", flat=True).first()


def is_peer(row, profile, *, any_region=False):
    landlord_type, size, region, supported = row
    return (
        landlord_type == profile.landlord_type
        and size == profile.size_band
        and (any_region or region == profile.region)
        and (supported is None or supported == profile.mostly_supported)
    )


def peer_group(rows, profile, ours):
    """(Group, whether the region was let go) for the peers among `rows`."""
    peers = summarise([row[0] for row in rows if is_peer(row[1:], profile)], ours)
    if peers.summarised:
        return peers, False
    wider = summarise([row[0] for row in rows if is_peer(row[1:], profile, any_region=True)], ours)
    return (wider, True) if wider.summarised else (peers, False)


def published_rows(year):
    """{(measure, tenure): [(value, type, size band, region, mostly supported)]} for the year, in one query."""
    found = {}
    rows = PublishedMeasure.objects.filter(year=year).values_list(
        "measure", "tenure", "value", "landlord_type", "size_band", "region", "mostly_supported"
    )
    for measure, tenure, *row in rows:
        found.setdefault((measure, tenure), []).append(row)
    return found


def place_all(figures, profile=None):
    """Where each of [(measure, tenure, ours)] sits (`ours` in the product's unit, or None), among
    the latest year's published figures; none for a measure and tenure the Regulator has no figures for.
    `profile`: whose peers (ours, from the homes and settings, unless given)."""
    year = latest_year()
    if year is None:
        return []
    profile = profile or our_profile()
    published = published_rows(year)
    placements = []
    for measure, tenure, ours in figures:
        rows = published.get((measure, tenure))
        if rows:
            everyone = summarise([row[0] for row in rows], ours)
            peers, any_region = peer_group(rows, profile, ours)
            placements.append(Placement(measure, tenure, year, ours, everyone, peers, any_region))
    return placements


def place(measure, tenure, ours, profile=None):
    """Where `ours` sits for one measure and tenure, or None without published figures."""
    return next(iter(place_all([(measure, tenure, ours)], profile)), None)
