"""The dashboards, one module each, in the order the index lists them.

Every page reads one snapshot (the latest, or the latest for a chosen period) and only aggregate
figures: no resident is named or counted one by one. A table's cells are the strings the page
prints, and its CSV is written from the same cells, so the two cannot disagree (`tables.py`).
A page is a `Dashboard` (`base.py`): its slug, title and introduction, and the metrics whose family
names the page (inequities/families.py). `pages.py` builds what a page, its CSV and a signal's
links show; `snapshots.py` chooses the snapshot; `summaries.py` writes the sentences.
"""

from inequities.dashboards import (
    adjustments,
    complaints,
    dissatisfaction,
    dissatisfaction_by_region,
    repairs,
    representation,
    silences,
)

DASHBOARDS = [
    module.DASHBOARD
    for module in (
        dissatisfaction,
        dissatisfaction_by_region,
        silences,
        repairs,
        adjustments,
        complaints,
        representation,
    )
]
BY_SLUG = {d.slug: d for d in DASHBOARDS}


def dashboard_for_metric(code):
    return next((d for d in DASHBOARDS if code in d.metrics), None)
