"""Current residents by region, for the overview on the panel member's and analyst's home pages."""

from dataclasses import dataclass

from inequities import families, labels
from inequities.dimensions import NOT_RECORDED
from inequities.metrics import ALL
from inequities.services import latest_snapshot


@dataclass
class RegionCount:
    code: str
    residents: float | None  # None where disclosure control hid it

    @property
    def name(self):
        return labels.region(self.code)


@dataclass
class Population:
    """Current residents by region, as the latest snapshot counted them (disclosure control applied)."""

    snapshot: object
    regions: list
    everyone: RegionCount | None


def residents_by_region():
    """The overview's counts, read from the latest snapshot's population figures (the residents
    metric of `inequities.families.POPULATION`, dimension `region`, all regions), never counted
    live: the snapshot already holds them, with small numbers hidden, and at 150,000 homes counting
    homes by region cost a scan of every home on each visit. None when no figures have been
    computed yet."""
    snapshot = latest_snapshot()
    if snapshot is None:
        return None
    residents = families.POPULATION.metrics[0].key
    figures = snapshot.figures.filter(metric=residents, dimension="region", region=ALL)
    figures = figures.values_list("group", "numerator")
    counts = [RegionCount(code=group, residents=numerator) for group, numerator in figures]
    regions = sorted((c for c in counts if c.code != ALL), key=lambda c: (c.code == NOT_RECORDED, c.code))
    return Population(snapshot=snapshot, regions=regions, everyone=next((c for c in counts if c.code == ALL), None))
