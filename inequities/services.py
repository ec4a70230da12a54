"""The recompute: aggregate queries -> pure metrics -> disclosure control -> one snapshot."""

import time
from datetime import timedelta

import pandas as pd
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY
from engagement.models import DIMENSIONS as REVIEW_QUESTIONS
from engagement.selectors.equality import GROUPED_QUESTIONS
from inequities import benchmarks, disclosure, extract, metrics, signals
from inequities.dimensions import answered, published
from inequities.models import Figure, Signal, Snapshot

FIGURE_COLUMNS = [
    "metric", "dimension", "group", "region", "unit", "numerator", "denominator", "rate", "ci_low", "ci_high",
    "comparison_rate", "gap_pp", "gap_low_pp", "gap_high_pp", "significant", "benchmark_rate",
    "benchmark_source", "suppressed", "small",
]  # fmt: skip
NUMBERS = [
    c
    for c in FIGURE_COLUMNS
    if c not in ("metric", "dimension", "group", "region", "unit", "benchmark_source", "suppressed", "small")
]


def compute(*, start, end, today):
    """Every figure for the period, as one frame, disclosure control applied."""
    residents = extract.resident_counts(today)
    everyone_asked = residents[residents["dimension"].map(published)]  # the review's own questions stay its own
    parts = [
        _population(residents).assign(unit="share"),
        _satisfaction(extract.survey_answers(start, end, today)).assign(unit="proportion"),
        _response_rates(extract.invitation_responses(start, end, today)).assign(unit="proportion"),
        _voice(extract.response_counts(start, end, today), everyone_asked).assign(unit="share"),
        _repairs(extract.repair_outcomes(start, end, today)).assign(unit="proportion"),
        _medians(extract.working_days_taken(start, end, today)).assign(unit="working_days"),
        _counted(extract.missed_appointments(start, end, today), "missed", "visits").assign(unit="proportion"),
        _counted(extract.awaabs_law_cases(start, end, today), "met", "decided").assign(unit="proportion"),
        _counted(extract.adjustments_in_place(start, end, today), "in_place", "requested").assign(unit="proportion"),
        _complaints(extract.complaints_and_households(start, end, today)).assign(unit="per_1000"),
        _counted(extract.security_repairs(start, end), "security", "repairs").assign(unit="proportion"),
        _representation(
            extract.representation(start, end, today), extract.unnamed_participants(start, end), residents
        ).assign(unit="share"),
    ]
    found = [part for part in parts if not part.empty]
    # A new landlord with nothing recorded yet gets an empty snapshot, not a failed job.
    figures = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=FIGURE_COLUMNS)
    figures = benchmarks.attach(figures)
    figures = publishable(figures)
    for column in FIGURE_COLUMNS:
        if column not in figures:
            figures[column] = None
    return figures[FIGURE_COLUMNS]


def publishable(figures):
    """`figures` with the representation review's wholes added, disclosure control applied (one
    suppression over every table, with the review's lines) and hidden numbers blanked."""
    figures = pd.concat([figures, _review_wholes(figures)], ignore_index=True)
    figures = disclosure.suppress(
        figures,
        min_denominator=settings.INEQUITIES_MIN_DENOMINATOR,
        max_small=settings.INEQUITIES_MAX_SMALL,
        links=disclosure.groupings() + REVIEW_LINKS,
    )
    # The representation review says "fewer than 5" of a count hidden for being small, "hidden" of the rest.
    figures["small"] = figures["suppressed"] & figures["numerator"].between(1, settings.INEQUITIES_MAX_SMALL)
    figures = disclosure.blank_suppressed(figures, NUMBERS)
    return _without_hidden_comparisons(_without_hidden_denominators(figures))


def _without_hidden_denominators(figures):
    """A share's denominator is everyone's count in its region (and its rate and interval give that
    away with its count): where disclosure control hid everyone's count, a group shown keeps its
    count alone, which is what the representation review shows."""
    shares = figures["unit"].eq("share")
    everyone = figures[shares & (figures["group"] == metrics.ALL) & figures["suppressed"]]
    hidden = set(zip(everyone["metric"], everyone["region"], strict=True))
    keys = zip(figures["metric"], figures["region"], strict=True)
    blank = shares & ~figures["suppressed"] & pd.Series([key in hidden for key in keys], index=figures.index)
    columns = ["denominator", "rate", "ci_low", "ci_high", "gap_pp", "gap_low_pp", "gap_high_pp", "significant"]
    for column in columns:
        if column in figures:
            figures[column] = figures[column].astype(object).where(~blank, None)
    return figures


def _without_hidden_comparisons(figures):
    """A share's comparison is the group's share of residents, so it would show a residents figure
    that disclosure control hid: there the comparison and the gap are left out too."""
    residents = figures[(figures["metric"] == "residents") & figures["suppressed"]]
    hidden = set(zip(residents["dimension"], residents["group"], residents["region"], strict=True))
    keys = zip(figures["dimension"], figures["group"], figures["region"], strict=True)
    compared = figures["unit"].eq("share") & (figures["metric"] != "residents")
    blank = compared & pd.Series([key in hidden for key in keys], index=figures.index)
    for column in ("comparison_rate", "gap_pp", "gap_low_pp", "gap_high_pp", "significant"):
        if column in figures:
            figures[column] = figures[column].astype(object).where(~blank, None)
    return figures


def _population(counts):
    frame = counts.rename(columns={"count": "numerator"})
    frame = metrics.with_all_regions(frame, ["numerator"])
    frame["denominator"] = frame.groupby(["metric", "dimension", "region"])["numerator"].transform("sum")
    frame = metrics.with_everyone(frame)
    frame["denominator"] = frame.groupby(["metric", "dimension", "region"])["numerator"].transform("max")
    frame["rate"] = frame["numerator"] / frame["denominator"]
    return frame


# The representation review: residents, panel members and people who took part, by each of its
# equality questions. The same figures as the dashboards' (one row counts the same people once).
REVIEW_METRICS = ("residents", "representation_panel", "representation_participants")
MISSING_ANSWERS = (PREFER_NOT_TO_SAY, NOT_ASKED)
# The review shows shares of known answers, which give away how many answered and so how many did
# not: each question's "known" and "missing" answers are wholes made of its groups, and disclosure
# control treats them as it treats a deprivation fifth made of two tenths.
REVIEW_LINKS = [
    (
        answered(question),
        question,
        {
            "known": [code for code in GROUPED_QUESTIONS[question].values if code not in MISSING_ANSWERS],
            "missing": list(MISSING_ANSWERS),
        },
    )
    for question, _label in REVIEW_QUESTIONS
]


def representation_counts(named, unnamed):
    """Panel members and people who took part, by group and region, with region ALL for every region
    together: the named (extract.representation) and the unnamed (extract.unnamed_participants),
    whose activities for every region count in ALL only."""
    regional = pd.concat([named, unnamed[unnamed["region"] != metrics.ALL]], ignore_index=True)
    regional = regional.groupby(metrics.KEYS, as_index=False)["count"].sum()
    counts = pd.concat([metrics.with_all_regions(regional, ["count"]), unnamed[unnamed["region"] == metrics.ALL]])
    return counts.groupby(metrics.KEYS, as_index=False, sort=False)["count"].sum()


def _representation(named, unnamed, residents):
    """Each group's share of panel members and of people who took part against its share of
    residents, with everyone's row (which the review's columns add up to)."""
    counts = representation_counts(named, unnamed)
    frames = []
    for metric, table in counts.groupby("metric", sort=False):
        population = metrics.with_all_regions(residents.assign(metric=metric), ["count"])
        # People who took part in groups no resident is in (unnamed people at an activity for every
        # region have none), compared with no residents.
        absent = table.merge(population[metrics.KEYS], on=metrics.KEYS, how="left", indicator=True)
        absent = absent[absent["_merge"] == "left_only"][metrics.KEYS].assign(count=0)
        frames.append(metrics.share_of_voice(table, pd.concat([population, absent], ignore_index=True)))
    if not frames:
        return counts.iloc[0:0]
    shares = pd.concat(frames, ignore_index=True)
    everyone = shares.groupby(["metric", "dimension", "region"], as_index=False)["numerator"].sum()
    # A region with nobody counted keeps its everyone row (of 0) beside its groups' rows of 0.
    everyone = everyone.assign(group=metrics.ALL, denominator=everyone["numerator"])
    everyone["rate"] = (everyone["numerator"] > 0).map({True: 1.0, False: float("nan")})
    return pd.concat([shares, everyone], ignore_index=True)


def _review_wholes(figures):
    """For each of the review's questions, metrics and regions: those who answered ("known"), those who
    did not ("missing"), and everyone, as figures in the dimension answered(question)."""
    review = figures[figures["metric"].isin(REVIEW_METRICS) & (figures["group"] != metrics.ALL)]
    if review.empty:
        return figures.iloc[0:0]
    frames = []
    for whole, question, parts in REVIEW_LINKS:
        rows = review[review["dimension"] == question]
        total = rows.groupby(["metric", "region"], as_index=False)["numerator"].sum()
        for name, groups in [*parts.items(), (metrics.ALL, None)]:
            chosen = rows if groups is None else rows[rows["group"].isin(groups)]
            counted = chosen.groupby(["metric", "region"], as_index=False)["numerator"].sum()
            counted = counted.merge(total.rename(columns={"numerator": "denominator"}), on=["metric", "region"])
            frames.append(counted.assign(dimension=whole, group=name))
    wholes = pd.concat(frames, ignore_index=True)
    return wholes.assign(
        rate=wholes["numerator"] / wholes["denominator"].where(wholes["denominator"] > 0), unit="share"
    )


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
    cleaned["small"] = bool(row["small"])
    cleaned["benchmark_source"] = cleaned.get("benchmark_source") or ""
    return cleaned


def latest_snapshot():
    return Snapshot.objects.order_by("-computed_at", "-pk").first()
