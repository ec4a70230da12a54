"""The demo's figures: computed once the demo data is in, so the dashboards have something to show."""

from inequities.services import recompute


def seed_figures(landlord):
    snapshot = recompute(today=landlord.today)
    figures = snapshot.figures.count()
    return f"Figures: {figures} in the first snapshot, with {snapshot.signals.count()} signals to look into."
