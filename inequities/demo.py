"""The demo's figures: computed once the demo data is in, so the dashboards have something to show.
The reporting year before this one is computed first, so the trends page compares two years and
this year's snapshot is the latest."""

from datetime import timedelta

from core.periods import default_period
from inequities.services import recompute


def seed_figures(landlord):
    start, _end = default_period(landlord.today)
    last_year_end = start - timedelta(days=1)
    last_year = recompute(today=landlord.today, start=default_period(last_year_end)[0], end=last_year_end)
    snapshot = recompute(today=landlord.today)
    figures = snapshot.figures.count()
    return (
        f"Figures: {figures} in the first snapshot, with {snapshot.signals.count()} signals to look into; "
        f"{last_year.figures.count()} for the year before."
    )
