"""Time the full inequities recompute against its floor: the same aggregates in one SQL file in psql.

    python bench/recompute.py [--runs 1]

The app's time is inequities.services.recompute() end to end (aggregate queries, pandas metrics,
disclosure control, writing the snapshot). The floor is bench/recompute_floor.sql run with psql.
Both are run once to warm the cache, then timed; the script also checks that the floor's counts
are the app's counts (so the comparison is like for like) and reports the peak memory of the process.
"""

import argparse
import csv
import dataclasses
import io
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_setup, peak_rss_mb, psql_args, ratio_line  # noqa: E402

FLOOR_SQL = Path(__file__).resolve().parent / "recompute_floor.sql"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="Timed runs of each (the best is kept).")
    args = parser.parse_args()
    django_setup()
    from django.db import connection
    from django.utils import timezone

    from core.periods import default_period
    from inequities import families, services
    from inequities.models import Snapshot

    today = timezone.localdate()
    start, end = default_period(today)
    frames = _capture(families)

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM engagement_resident")
        residents = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM repairs_repairrequest")
        repairs = cursor.fetchone()[0]
    print(f"data: {residents:,} residents, {repairs:,} repairs; period {start} to {end}")

    floor_output = _floor(today, start, end)  # warm-up run (fills the cache for both)
    floor_times = []
    for _ in range(args.runs):
        began = time.perf_counter()
        floor_output = _floor(today, start, end)
        floor_times.append(time.perf_counter() - began)
    app_times = []
    for _ in range(args.runs + 1):
        frames.clear()
        began = time.perf_counter()
        snapshot = services.recompute(today=today)
        app_times.append(time.perf_counter() - began)
    app_times = app_times[1:]  # the first run warms up imports and the cache
    Snapshot.objects.exclude(pk=snapshot.pk).delete()

    same, detail = _compare(frames, floor_output)
    app, floor = min(app_times), min(floor_times)
    print(f"app recompute: {app:.2f} s (runs: {', '.join(f'{t:.2f}' for t in app_times)}), "
          f"{snapshot.figures.count():,} figures stored")  # fmt: skip
    print(f"SQL floor (psql -f bench/recompute_floor.sql): {floor:.2f} s (runs: {', '.join(f'{t:.2f}' for t in floor_times)})")  # fmt: skip
    print(f"floor counts equal the app's: {'yes' if same else 'NO'} ({detail})")
    rss = peak_rss_mb()
    print(f"peak RSS of the recompute process: {rss:.0f} MB (target < 1024 MB)")
    ratio_line("recompute_vs_sql_floor", app / floor, "<= 1.5")
    if not same:
        sys.exit("The floor's counts differ from the app's: bench/recompute_floor.sql has not kept up.")


def _capture(families):
    """Keep each family's aggregate frame as the app computes it, to compare with the floor's: every
    family in the registry (inequities/families.py) is shaped through a wrapper that keeps its counts."""
    frames = {}

    def keeping(family):
        def shape(counts, *args, _original=family.shape, _name=family.name):
            frames[_name] = counts
            return _original(counts, *args)

        return dataclasses.replace(family, shape=shape)

    families.FAMILIES = tuple(keeping(family) for family in families.FAMILIES)
    return frames


def _floor(today, start, end):
    command = psql_args() + ["-v", f"today={today}", "-v", f"start={start}", "-v", f"end={end}", "-f", str(FLOOR_SQL)]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def _compare(frames, floor_output):
    """The floor's counts against the app's, family by family (the floor names each family as the
    registry does, and labels its rows as the query's `metric` column does, empty where it has none)."""
    from inequities import families

    floor = {}
    for row in csv.DictReader(io.StringIO(floor_output)):
        counts = [int(row[c]) for c in ("n1", "n2", "n3") if row[c]]
        floor[(row["family"], row["metric"], row["dimension"], row["grp"], row["region"])] = counts
    written = FLOOR_SQL.read_text()
    missing = [family.name for family in families.FAMILIES if f"SELECT '{family.name}', " not in written]
    if missing:  # a family added to the registry without its floor
        return False, f"the floor does not cover {missing}"
    app = {}
    for family in families.FAMILIES:
        for row in frames[family.name].to_dict("records"):
            metric = row.get("metric", "")
            if "days" in row:  # the medians' histogram
                metric = f"{metric}:{row['days']}"
            key = (family.name, metric, row["dimension"], str(row["group"]), row["region"])
            app[key] = [int(row[c]) for c in family.counts]
    if app == floor:
        return True, f"{len(app):,} cells"
    differing = [k for k in set(app) | set(floor) if app.get(k) != floor.get(k)]
    return False, f"{len(differing)} of {len(app):,} cells differ, e.g. {sorted(differing)[:3]}"


if __name__ == "__main__":
    main()
