"""Shared start-up for the bench scripts: Django on the dedicated `bench` PostgreSQL database.

Every script is run by hand from the project root, for example `python bench/seed.py`. The
database defaults to postgres://postgres@127.0.0.1:5432/bench (set DATABASE_URL to change it);
the secret key is a bench-only value so the scripts run with DEBUG off, as production does.
"""

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench"


def django_setup():
    os.environ.setdefault("DATABASE_URL", BENCH_DATABASE_URL)
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-any-real-server-5d1c8e2f")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("The benchmarks need PostgreSQL: set DATABASE_URL to the bench database.")
    return connection


def peak_rss_mb():
    """Peak resident memory of this process so far, in MB (Linux reports ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def psql_args():
    """psql connection arguments for the same database as Django's."""
    from django.db import connection

    s = connection.settings_dict
    args = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", s["HOST"] or "127.0.0.1", "-U", s["USER"] or "postgres"]
    if s["PORT"]:
        args += ["-p", str(s["PORT"])]
    return args + [s["NAME"]]


class Timer:
    def __enter__(self):
        self.began = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.began


def ratio_line(name, value, target):
    print(f"{name} = {value:.2f} (target {target})")
