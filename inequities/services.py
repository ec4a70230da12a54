"""The recompute: aggregate queries -> pure metrics -> disclosure control -> one snapshot."""

import hashlib
import hmac
import time
from functools import cache

import pandas as pd
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from core import bulk
from core.periods import default_period
from core.replica import replica_reads
from inequities import benchmarks, disclosure, families, findings, metrics, review, signals
from inequities.models import Figure, Signal, Snapshot

FIGURE_COLUMNS = [
    "metric", "dimension", "group", "region", "unit", "numerator", "denominator", "rate", "ci_low", "ci_high",
    "comparison_rate", "gap", "gap_low", "gap_high", "significant", "benchmark_rate",
    "benchmark_source", "suppressed", "band",
]  # fmt: skip
NUMBERS = [
    c
    for c in FIGURE_COLUMNS
    if c not in ("metric", "dimension", "group", "region", "unit", "benchmark_source", "suppressed", "band")
]


def compute(*, start, end, today, controlled=True):
    """Every figure for the period, as one frame, disclosure control applied: each family declared
    in inequities/families.py, its query read once and its counts shaped into figures.
    `controlled=False` leaves disclosure control out (bench/disclosure.py compares the two)."""
    read = cache(lambda query: query(start, end, today))
    # The facts are read from the replica when there is one (core/replica.py); what earlier
    # snapshots showed is read from the primary below, so the newest one is never missed.
    with replica_reads():
        residents = read(families.POPULATION.query)
        parts = [
            family.shape(read(family.query), family, residents).assign(unit=family.unit) for family in families.FAMILIES
        ]
    found = [part for part in parts if not part.empty]
    # A new landlord with nothing recorded yet gets an empty snapshot, not a failed job.
    figures = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=FIGURE_COLUMNS)
    figures = benchmarks.attach(figures)
    if not controlled:
        return _finished(publishable(figures, controlled=False))
    earlier = earlier_published(start, end)
    facts = facts_digest(figures)
    published = None
    if earlier.newest and earlier.newest_facts == facts:
        # Published the same as the newest snapshot held, in all the audit across snapshots reads,
        # the figures tell a reader nothing new (a count the same in both grew by nothing), and that
        # snapshot was audited with every one before it. So when nothing that grows has changed (the
        # nightly recompute of a quiet day) they are published as it was, from an audit without it;
        # solved together with a copy of itself, the audit would turn counts it need not.
        again = _finished(publishable(figures, earlier.without_newest()))
        if growing_digest(again) == earlier.newest:
            published = again
    if published is None:
        published = _finished(publishable(figures, earlier))
    published.attrs["facts_digest"] = facts
    return published


def _finished(figures):
    # Clear gaps are judged on what is shown, page by page, allowing for the number of comparisons.
    figures = findings.judge(figures)
    for column in FIGURE_COLUMNS:
        if column not in figures:
            figures[column] = None
    return figures[FIGURE_COLUMNS]


def publishable(figures, earlier=None, controlled=True):
    """`figures` with the representation review's wholes added, disclosure control applied (one
    rounding over every table, audited along the review's lines too, against what `earlier`
    snapshots showed) and hidden numbers blanked."""
    figures = pd.concat([figures, review.wholes(figures)], ignore_index=True)
    figures = disclosure.suppress(
        figures,
        max_small=disclosure.HIDDEN_UP_TO,
        base=disclosure.BASE,
        key=disclosure.rounding.key_from(settings.INEQUITIES_ROUNDING_KEY),
        links=disclosure.groupings() + review.LINKS,
        together=families.same_people(),
        earlier=earlier,
        residents=families.POPULATION.metrics[0].key,
        controlled=controlled,
        growing=families.growing(),
    )
    figures = disclosure.blank_suppressed(figures, NUMBERS)
    return _without_hidden_comparisons(_without_hidden_denominators(figures))


EARLIER_KEYS = ["metric", "dimension", "group", "region"]


def shown_digest(figures):
    """SHA-256 of what a snapshot of these figures shows (hidden numbers already blanked)."""
    columns = [*EARLIER_KEYS, "numerator", "denominator", "suppressed"]
    ordered = figures[columns].sort_values(EARLIER_KEYS, kind="stable")
    return hashlib.sha256(ordered.to_csv(index=False).encode()).hexdigest()


def growing_digest(figures):
    """SHA-256 of what the audit across snapshots reads of these figures: those of the metrics
    whose counts only grow, with their bands."""
    return hashlib.sha256(_growing(figures, ["unit", "numerator", "denominator", "suppressed", "band"])).hexdigest()


def facts_digest(figures):
    """HMAC-SHA256, keyed with the rounding key, of the true counts of the figures whose counts only
    grow (before disclosure control): equal where nothing that grows has changed."""
    key = disclosure.rounding.key_from(settings.INEQUITIES_ROUNDING_KEY)
    return hmac.new(key, _growing(figures, ["numerator", "denominator"]), hashlib.sha256).hexdigest()


def _growing(figures, columns):
    """The figures of the metrics whose counts only grow, in a fixed order, as CSV bytes."""
    growing = figures.loc[figures["metric"].isin(families.growing()), [*EARLIER_KEYS, *columns]]
    return growing.sort_values(EARLIER_KEYS, kind="stable").to_csv(index=False).encode()


def earlier_published(start, end):
    """What every stored snapshot whose period overlaps start..end showed (disclosure.Earlier): the
    distinct shown counts of them all, and, whole and oldest first, the snapshots of periods that
    start..end holds, for the audit across them.

    Of a run of snapshots one after another that publish the same figures whose counts only grow
    (one `growing_digest`; a nightly recompute that changed only residents now), only the first is
    read: the others tell a reader nothing it did not know, as a count the same in both grew by
    nothing. Two with one digest apart, with another between, are both read: between them the one
    in the middle is known to lie."""
    overlapping = Snapshot.objects.filter(period_start__lte=end, period_end__gte=start)
    shown = Figure.objects.filter(snapshot__in=overlapping, suppressed=False)
    columns = [*EARLIER_KEYS, "numerator", "denominator"]
    values = pd.DataFrame.from_records(list(shown.values_list(*columns).distinct()), columns=columns)
    held = Snapshot.objects.filter(period_start__gte=start, period_end__lte=end).order_by("computed_at", "pk")
    chosen, newest, facts, last = [], "", "", ("", "")
    for pk, shown, growing, counted in held.values_list("pk", "shown_digest", "growing_digest", "facts_digest"):
        # Snapshots from before the growing digest was kept are compared by all they show.
        same = growing == last[1] if growing and last[1] else bool(shown) and shown == last[0]
        if not same:
            chosen.append(pk)
            newest = growing
        facts, last = counted, (shown, growing)
    columns = ["snapshot_id", *EARLIER_KEYS, "unit", "numerator", "denominator", "suppressed", "band"]
    rows = pd.DataFrame.from_records(
        list(Figure.objects.filter(snapshot__in=chosen).values_list(*columns)), columns=columns
    )
    frames = [rows[rows["snapshot_id"] == pk].drop(columns="snapshot_id").reset_index(drop=True) for pk in chosen]
    return disclosure.Earlier(values=values, frames=frames, newest=newest, newest_facts=facts)


COMPARISON = ["comparison_rate", "gap", "gap_low", "gap_high", "significant"]


def _without_hidden_denominators(figures):
    """A share's denominator is everyone's count in its region (and its rate and interval give that
    away with its count): where disclosure control hid everyone's count, a group shown keeps its
    count alone, which is what the representation review shows."""
    shares = figures["unit"].eq(families.SHARE)
    everyone = figures[shares & (figures["group"] == metrics.ALL) & figures["suppressed"]]
    hidden = set(zip(everyone["metric"], everyone["region"], strict=True))
    keys = zip(figures["metric"], figures["region"], strict=True)
    blank = shares & ~figures["suppressed"] & pd.Series([key in hidden for key in keys], index=figures.index)
    return _blank(figures, blank, ["denominator", "rate", "ci_low", "ci_high", *COMPARISON])


def _without_hidden_comparisons(figures):
    """A share's comparison is the group's share of residents, so it would show a residents figure
    that disclosure control hid: there the comparison and the gap are left out too."""
    residents = families.POPULATION.metrics[0].key
    hidden_residents = figures[(figures["metric"] == residents) & figures["suppressed"]]
    hidden = set(zip(hidden_residents["dimension"], hidden_residents["group"], hidden_residents["region"], strict=True))
    keys = zip(figures["dimension"], figures["group"], figures["region"], strict=True)
    compared = figures["unit"].eq(families.SHARE) & (figures["metric"] != residents)
    return _blank(figures, compared & pd.Series([key in hidden for key in keys], index=figures.index), COMPARISON)


def _blank(figures, rows, columns):
    for column in columns:
        if column in figures:
            figures[column] = figures[column].astype(object).where(~rows, None)
    return figures


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
            max_small=disclosure.HIDDEN_UP_TO,
            seconds=time.monotonic() - began,
            job_id=job_id,
            shown_digest=shown_digest(figures),
            growing_digest=growing_digest(figures),
            facts_digest=figures.attrs.get("facts_digest", ""),
        )
        _write_figures(snapshot, figures)
        Signal.objects.bulk_create([Signal(snapshot=snapshot, **found) for found in signals.find(figures)])
    return snapshot


def _write_figures(snapshot, figures):
    """Every figure of the snapshot as plain rows (core.bulk: COPY on PostgreSQL, one prepared
    INSERT elsewhere), without building a model instance a row: a third of the demo's recompute
    went on Django's bulk_create preparing each of some 200,000 values."""
    columns = [Figure._meta.get_field(name).column for name in ("snapshot", *FIGURE_COLUMNS)]
    words = {"metric", "dimension", "group", "region", "unit", "benchmark_source", "band"}
    rows = []
    for row in figures.to_dict("records"):
        cleaned = _clean(row)
        values = (str(cleaned[name]) if name in words else cleaned[name] for name in FIGURE_COLUMNS)
        rows.append((snapshot.pk, *values))
    bulk.insert_rows(Figure, columns, rows)


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
    compared = cleaned.get("comparison_rate") is not None and cleaned.get("gap_low") is not None
    cleaned["significant"] = bool(row["significant"]) if compared and pd.notna(row["significant"]) else None
    cleaned["suppressed"] = bool(row["suppressed"])
    cleaned["band"] = cleaned.get("band") or ""
    cleaned["benchmark_source"] = cleaned.get("benchmark_source") or ""
    return cleaned


def latest_snapshot():
    return Snapshot.objects.order_by("-computed_at", "-pk").first()
