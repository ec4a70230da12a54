"""A snapshot with known figures, written directly (the engine's arithmetic is tested elsewhere):
each table is made by the engine's own pure functions from hand-chosen counts, then the cells
disclosure control would hide are hidden by hand."""

from datetime import UTC, date, datetime

import pandas as pd

from inequities import metrics
from inequities.models import Figure, Signal, Snapshot

LATEST_PERIOD = (date(2024, 4, 1), date(2025, 3, 31))
EARLIER_PERIOD = (date(2023, 4, 1), date(2024, 3, 31))


def _figures(snapshot, metric, dimension, region, counts, *, hidden=(), unit="proportion", benchmarks=None):
    """counts: {group: (numerator, denominator)}; `hidden` groups are stored suppressed, numbers blank."""
    frame = pd.DataFrame(
        [
            {
                "metric": metric,
                "dimension": dimension,
                "group": group,
                "region": region,
                "numerator": n,
                "denominator": d,
            }
            for group, (n, d) in counts.items()
        ]
    )
    compared = metrics.proportions(frame)
    total_n, total_d = sum(n for n, _d in counts.values()), sum(d for _n, d in counts.values())
    low, high = metrics.wilson_interval(total_n, total_d)
    rows = compared.to_dict("records") + [
        {"group": "all", "numerator": total_n, "denominator": total_d, "rate": total_n / total_d,
         "ci_low": float(low), "ci_high": float(high)}
    ]  # fmt: skip
    made = []
    for row in rows:
        group = row["group"]
        if group in hidden:
            made.append(Figure(snapshot=snapshot, metric=metric, dimension=dimension, group=group, region=region,
                               unit=unit, suppressed=True))  # fmt: skip
            continue
        benchmark = (benchmarks or {}).get(group)
        made.append(
            Figure(
                snapshot=snapshot, metric=metric, dimension=dimension, group=group, region=region, unit=unit,
                numerator=row["numerator"], denominator=row["denominator"], rate=row["rate"],
                ci_low=row["ci_low"], ci_high=row["ci_high"],
                comparison_rate=_number(row.get("comparison_rate")), gap=_number(row.get("gap")),
                gap_low=_number(row.get("gap_low")), gap_high=_number(row.get("gap_high")),
                significant=bool(row["significant"]) if group != "all" else None,
                benchmark_rate=benchmark, benchmark_source="National resident survey 2024 (test)" if benchmark else "",
            )
        )  # fmt: skip
    return Figure.objects.bulk_create(made)


def _number(value):
    return None if value is None or pd.isna(value) else float(value)


def known_snapshot(period=LATEST_PERIOD, computed=datetime(2025, 4, 1, 2, 30, tzinfo=UTC)):
    """Dissatisfaction with repairs (TP02) by disability:
    all regions: disabled 60 of 200 (30%), not disabled 63 of 300 (21%), prefer not to say (3 of 8)
    and not asked (2 of 9) hidden; London: disabled 5 of 20, not disabled 30 of 100. Plus a figure for every other page."""
    snapshot = Snapshot.objects.create(
        computed_at=computed, period_start=period[0], period_end=period[1], min_denominator=10, max_small=4, seconds=1
    )
    _figures(
        snapshot, "tp02_dissatisfied", "disability", "all",
        {"yes": (60, 200), "no": (63, 300), "prefer_not_to_say": (3, 8), "not_asked": (2, 9)},
        hidden=("prefer_not_to_say", "not_asked"), benchmarks={"yes": 0.25},
    )  # fmt: skip
    _figures(snapshot, "tp02_dissatisfied", "disability", "London", {"yes": (5, 20), "no": (30, 100)})
    _figures(snapshot, "tp01_dissatisfied", "disability", "all", {"yes": (40, 150), "no": (60, 300)})
    _figures(snapshot, "tp02_dissatisfied", "age_band", "all", {"18_24": (10, 40), "75_plus": (30, 100)})
    _figures(snapshot, "tp02_dissatisfied", "region", "all", {"London": (35, 120), "North West": (73, 330)})
    _figures(snapshot, "invitation_response", "disability", "all", {"yes": (30, 200), "no": (90, 300)})
    _figures(snapshot, "repairs_on_time", "ethnic_group", "all", {"white": (300, 400), "black": (40, 80)})
    _figures(snapshot, "adjustments_in_place", "disability", "all", {"yes": (20, 40), "no": (15, 20)})
    _figures(snapshot, "residents", "disability", "all", {"not_asked": (120, 600), "yes": (150, 600)}, unit="share")
    _figures(snapshot, "residents", "sex", "all", {"not_asked": (30, 600), "female": (300, 600)}, unit="share")
    Signal.objects.create(
        snapshot=snapshot, kind="opposite_to_national", metric="tp02_dissatisfied", dimension="disability",
        group="yes", region="all",
        statement="Disabled residents are no more dissatisfied with repairs than other residents here.",
        suggestion="Check whether this is accurate, or whether these residents are not being heard.",
    )  # fmt: skip
    Signal.objects.create(
        snapshot=snapshot, kind="above_national_region", metric="tp02_dissatisfied", dimension="", group="",
        region="London", statement="In London, 29% are dissatisfied with repairs; nationally 20%.",
        suggestion="Look at repairs in London.",
    )  # fmt: skip
    return snapshot
