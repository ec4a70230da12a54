"""One request at a time: what each officer page, the resident page, the searches and the survey
question page cost in this process (issue 29).

    python bench/profile_pages.py [--runs 20] [--top 0] [--only worklist,patch]

Runs the pages `bench/pages.py` measures through Django's test client against the bench database
(DEBUG off, as production), each once to warm up and then `--runs` times: the median wall time,
the median CPU time of this process (Python, templates and the database driver: PostgreSQL's own
work is not in it) and, from five more requests, the number of queries and the median time they took.
`--top N` also prints the N functions with the most cumulative time under cProfile for each page.
Set CACHE_URL as for `pages.py` (sessions, users and fragments then come from the shared cache).
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_setup  # noqa: E402

KINDS = ("officer", "search", "resident", "survey")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--top", type=int, default=0, help="print the N costliest functions of each page")
    parser.add_argument("--only", default="", help="comma-separated words: pages whose name holds one")
    args = parser.parse_args()
    os.environ["HTTPS"] = "0"
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    os.environ["TWO_FACTOR_REQUIRED_ROLES"] = ""
    django_setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.pages import _pages

    pages, _cookies = _pages()
    clients = {None: Client(HTTP_HOST="127.0.0.1")}
    only = [word for word in args.only.split(",") if word]
    print(f"{'page':<48} {'wall ms':>8} {'cpu ms':>8} {'queries':>8} {'sql ms':>8} {'KB':>6}")
    for name, kind, path, who in pages:
        if kind not in KINDS or (only and not any(word in name for word in only)):
            continue
        if who not in clients:
            clients[who] = Client(HTTP_HOST="127.0.0.1")
            clients[who].force_login(get_user_model().objects.get(username=who))
        client = clients[who]
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(path)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        sqls = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            sqls.append(sum(float(query["time"]) for query in captured.captured_queries) * 1000)
        sql_ms = statistics.median(sqls)
        print(
            f"{name[:48]:<48} {statistics.median(walls) * 1000:8.1f} {statistics.median(cpus) * 1000:8.1f} "
            f"{len(captured):8d} {sql_ms:8.1f} {len(response.content) / 1024:6.0f}"
        )
        if args.top:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(5):
                client.get(path)
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(args.top)
            print("\n".join(line for line in out.getvalue().splitlines()[8:] if line.strip()))
            print()


if __name__ == "__main__":
    main()
