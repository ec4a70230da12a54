"""The recompute: aggregate queries -> pure metrics -> disclosure control -> one snapshot."""

import time
from datetime import timedelta

import pandas as pd
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from inequities import benchmarks, disclosure, extract, metrics, signals
from inequities.models import Figure, Signal, Snapshot

FIGURE_COLUMNS = [
    "metric", "dimension", "group", "region", "unit", "numerator", "denominator", "rate", "ci_low", "ci_high",
    "comparison_rate", "gap_pp", "gap_low_pp", "gap_high_pp", "significant", "benchmark_rate",
    "benchmark_source", "suppressed",
]  # fmt: skip
NUMBERS = [
    c
    for c in FIGURE_COLUMNS
    if c not in ("metric", "dimension", "group", "region", "unit", "benchmark_source", "suppressed")
]


def compute(*, start, end, today):
    """Every figure for the period, as one frame, disclosure control applied."""
    residents = extract.resident_counts(today)
    parts = [
        _population(residents).assign(unit="share"),
        _satisfaction(extract.survey_answers(start, end, today)).assign(unit="proportion"),
        _response_rates(extract.invitation_responses(start, end, today)).assign(unit="proportion"),
        _voice(extract.response_counts(start, end, today), residents).assign(unit="share"),
        _repairs(extract.repair_outcomes(start, end, today)).assign(unit="proportion"),
        _medians(extract.working_days_taken(start, end, today)).assign(unit="working_days"),
        _counted(extract.missed_appointments(start, end, today), "missed", "visits").assign(unit="proportion"),
        _counted(extract.awaabs_law_cases(start, end, today), "met", "decided").assign(unit="proportion"),
        _counted(extract.adjustments_in_place(start, end, today), "in_place", "requested").assign(unit="proportion"),
        _complaints(extract.complaints_and_households(start, end, today)).assign(unit="per_1000"),
        _counted(extract.security_repairs(start, end), "security", "repairs").assign(unit="proportion"),
        _voice(extract.representation(start, end, today), residents).assign(unit="share"),
    ]
    found = [part for part in parts if not part.empty]
    # A new landlord with nothing recorded yet gets an empty snapshot, not a failed job.
    figures = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=FIGURE_COLUMNS)
    figures = benchmarks.attach(figures)
    figures = disclosure.suppress(
        figures, min_denominator=settings.INEQUITIES_MIN_DENOMINATOR, max_small=settings.INEQUITIES_MAX_SMALL
    )
    figures = disclosure.blank_suppressed(figures, NUMBERS)
    for column in FIGURE_COLUMNS:
        if column not in figures:
            figures[column] = None
    return figures[FIGURE_COLUMNS]


def _population(counts):
    frame = counts.rename(columns={"count": "numerator"})
    frame = metrics.with_all_regions(frame, ["numerator"])
    frame["denominator"] = frame.groupby(["metric", "dimension", "region"])["numerator"].transform("sum")
    frame = metrics.with_everyone(frame)
    frame["denominator"] = frame.groupby(["metric", "dimension", "region"])["numerator"].transform("max")
    frame["rate"] = frame["numerator"] / frame["denominator"]
    return frame


def _satisfaction(answers):
    if answers.empty:
        return answers
    frames = []
    for outcome in ("dissatisfied", "satisfied"):
        counts = answers.rename(columns={outcome: "numerator", "valid": "denominator"})
        counts["metric"] = counts["metric"].str.lower() + f"_{outcome}"
        frames.append(counts[metrics.KEYS + ["numerator", "denominator"]])
    return _rates(pd.concat(frames, ignore_index=True))


def _response_rates(invitations):
    counts = invitations.rename(columns={"responded": "numerator", "invited": "denominator"})
    return _rates(counts[metrics.KEYS + ["numerator", "denominator"]])


def _repairs(repairs):
    on_time = repairs.rename(columns={"on_time": "numerator", "completed": "denominator"}).assign(
        metric="repairs_on_time"
    )
    repeated = repairs.rename(columns={"repeated": "numerator", "completed": "denominator"}).assign(
        metric="recall_rate"
    )
    columns = metrics.KEYS + ["numerator", "denominator"]
    return _rates(pd.concat([on_time[columns], repeated[columns]], ignore_index=True))


def _counted(counts, numerator, denominator):
    return _rates(
        counts.rename(columns={numerator: "numerator", denominator: "denominator"})[
            metrics.KEYS + ["numerator", "denominator"]
        ]
    )


def _voice(counts, residents):
    """Each group's share of those counted (responses, panel members, participants) against its
    share of residents, for every metric in `counts`."""
    frames = []
    for metric, table in counts.groupby("metric", sort=False):
        population = residents.assign(metric=metric)
        frames.append(
            metrics.share_of_voice(
                metrics.with_all_regions(table, ["count"]), metrics.with_all_regions(population, ["count"])
            )
        )
    return pd.concat(frames, ignore_index=True) if frames else counts.iloc[0:0]


def _medians(histogram):
    if histogram.empty:
        return histogram
    everywhere = histogram.groupby(["metric", "dimension", "group", "days"], as_index=False)["count"].sum()
    return metrics.medians(pd.concat([histogram, everywhere.assign(region=metrics.ALL)], ignore_index=True))


def _complaints(counts):
    counts = counts.rename(columns={"complaints": "numerator", "households": "denominator"})
    with_regions = metrics.with_all_regions(counts[metrics.KEYS + ["numerator", "denominator"]])
    compared = metrics.event_rates(with_regions)
    everyone = metrics.with_everyone(with_regions).query("group == @metrics.ALL")
    everyone = metrics.event_rates(everyone)  # alone in its table: no comparison
    return pd.concat([compared, everyone], ignore_index=True)


def _rates(counts):
    """Groups against everyone else, per region and for all regions, plus everyone's own row."""
    with_regions = metrics.with_all_regions(counts)
    compared = metrics.proportions(with_regions)
    everyone = metrics.with_everyone(with_regions).query("group == @metrics.ALL")
    everyone = everyone.assign(rate=everyone["numerator"] / everyone["denominator"].where(everyone["denominator"] > 0))
    low, high = metrics.wilson_interval(everyone["numerator"], everyone["denominator"])
    everyone = everyone.assign(ci_low=low, ci_high=high)
    return pd.concat([compared, everyone], ignore_index=True)


def default_period(today):
    return today - timedelta(days=365) + timedelta(days=1), today


def recompute(*, today=None, start=None, end=None, job_id=""):
    """Compute every figure and store it as one new snapshot, in one transaction.

    Safe to run twice at once: on PostgreSQL a second run that finds one under way skips (and
    returns None) rather than racing it; on SQLite writers queue behind each other anyway.
    `job_id` (the Celery task's id) makes a job delivered twice write one snapshot: the second
    delivery returns the first one's snapshot.
    """
    began = time.monotonic()
    today = today or timezone.localdate()
    default_start, default_end = default_period(today)
    start, end = start or default_start, end or default_end
    with transaction.atomic():
        if not _lock_for_this_transaction():
            return None
        if job_id and (done := Snapshot.objects.filter(job_id=job_id).first()) is not None:
            return done
        _without_jit()
        figures = compute(start=start, end=end, today=today)
        snapshot = Snapshot.objects.create(
            computed_at=timezone.now(),
            period_start=start,
            period_end=end,
            min_denominator=settings.INEQUITIES_MIN_DENOMINATOR,
            max_small=settings.INEQUITIES_MAX_SMALL,
            seconds=time.monotonic() - began,
            job_id=job_id,
        )
        Figure.objects.bulk_create(
            [Figure(snapshot=snapshot, **_clean(row)) for row in figures.to_dict("records")], batch_size=5000
        )
        Signal.objects.bulk_create([Signal(snapshot=snapshot, **found) for found in signals.find(figures)])
    return snapshot


RECOMPUTE_LOCK = 724_001  # an arbitrary number naming this job's advisory lock


def _lock_for_this_transaction():
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [RECOMPUTE_LOCK])
        return cursor.fetchone()[0]


def _without_jit():
    """PostgreSQL's JIT compiler spends longer compiling the recompute's wide CASE expressions than
    running them (11 of 14 seconds of the repairs query at 150,000 homes), so it is off for this
    transaction only. See docs/scaling.md."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")


def _clean(row):
    cleaned = {}
    for key, value in row.items():
        if isinstance(value, float) and pd.isna(value):
            value = None
        elif value is not None and key in NUMBERS and key != "significant":
            value = None if pd.isna(value) else float(value)
        cleaned[key] = value
    # Only a group compared with everyone else can differ from them clearly.
    compared = cleaned.get("comparison_rate") is not None and cleaned.get("gap_low_pp") is not None
    cleaned["significant"] = bool(row["significant"]) if compared else None
    cleaned["suppressed"] = bool(row["suppressed"])
    cleaned["benchmark_source"] = cleaned.get("benchmark_source") or ""
    return cleaned


def latest_snapshot():
    return Snapshot.objects.order_by("-computed_at", "-pk").first()
