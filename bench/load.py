"""A realistic load: many signed-in staff and panel members reading pages with think time (locust).

    python bench/load.py [--people 20,40,80,160] [--seconds 30] [--workers N]

Starts gunicorn as bench/pages.py does, then runs bench/locustfile.py headless at each number of
people in turn (officers, panel members and analysts, 5:2:1, each waiting 3 to 10 s between pages),
and prints p50 and p95 per page and the request rate at each step. Every page is opened twice per
gunicorn worker first, so the steps measure a warm service. It ends with the highest request rate
at which every page's p95 stayed under 200 ms.

Each step's figures are counted from the moment every person has started (locust's --reset-stats):
locust starts a fifth of the people each second and each opens a page at once, so the first five
seconds are a burst no office makes, and while starting people locust's own process is busy and
its timings late. At 160 people for 90 s on 7 December that start took the panel members' pages
from a p95 of 20-37 ms to 440-490 ms while the analysts' stayed at 32-34 ms (bench/README.md).
Use --seconds 90 or more for a p95 of more than a few requests a page.
"""

import argparse
import csv
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.pages import BASE, _check, _gunicorn, _pages  # noqa: E402
from bench.setup import ROOT, django_setup, ratio_line  # noqa: E402

TARGET_MS = 200


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", default="20,40,80,160")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    args = parser.parse_args()
    os.environ["HTTPS"] = "0"
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    # As bench/pages.py: the analyst is signed in without a code (two-factor sign-in is not measured).
    os.environ["TWO_FACTOR_REQUIRED_ROLES"] = ""
    django_setup()
    pages, cookies = _pages()
    resident = next(path for _name, kind, path, _who in pages if kind == "resident").rstrip("/").split("/")[-1]
    fragment = next(path for _name, kind, path, _who in pages if kind == "search").split("q=")[1]
    env = dict(os.environ, BENCH_RESIDENT=resident, BENCH_FRAGMENT=fragment,
               **{f"BENCH_COOKIE_{who.upper()}": cookie for who, cookie in cookies.items()})  # fmt: skip
    server = _gunicorn(args.workers)
    best = None
    try:
        # A service in use is warm: every worker has answered each page before (its templates,
        # caches and connections ready), so the first step does not measure start-up.
        for _round in range(2 * args.workers):
            for _name, _kind, path, who in pages:
                _check(path, cookies.get(who, ""))
        for people in [int(n) for n in args.people.split(",")]:
            rate, rows = _step(people, args.seconds, env)
            print(f"\n{people} people: {rate:.1f} requests/s")
            print(f"{'page':<28} {'requests':>9} {'failures':>9} {'p50 ms':>8} {'p95 ms':>8}")
            for name, count, failures, p50, p95 in rows:
                print(f"{name:<28} {count:9d} {failures:9d} {p50:8.0f} {p95:8.0f}")
            if rows and all(p95 < TARGET_MS and not failures for _n, _c, failures, _p, p95 in rows):
                best = max(best or 0, rate)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    ratio_line("highest_rate_with_every_p95_under_200ms", best or 0, "requests/s; higher is better")


def _step(people, seconds, env):
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "load"
        command = [str(Path(sys.executable).parent / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"),
                   "--headless", "-u", str(people), "-r", str(max(1, people // 5)), "--run-time", f"{seconds}s",
                   "--host", BASE, "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
                   "--reset-stats"]  # fmt: skip
        subprocess.run(command, cwd=ROOT, env=env, check=False, capture_output=True)
        with open(f"{prefix}_stats.csv", newline="") as stats:
            table = list(csv.DictReader(stats))
    rows, rate = [], 0.0
    for row in table:
        if row["Name"] == "Aggregated":
            rate = float(row["Requests/s"])
            continue
        rows.append((row["Name"], int(row["Request Count"]), int(row["Failure Count"]), float(row["50%"]), float(row["95%"])))  # fmt: skip
    return rate, rows


if __name__ == "__main__":
    main()
