"""Pages under load: gunicorn on loopback, driven by wrk with 20 connections for a bounded time.

    npm run --silent build && python manage.py collectstatic --noinput -v0   # once, for the floor
    python bench/pages.py [--seconds 20] [--connections 20] [--workers N]

Starts gunicorn (config.wsgi) on 127.0.0.1 with DEBUG off against the bench database, makes signed-in
sessions with Django's SessionStore (an analyst, a housing officer, a panel member), and drives each
page with wrk in turn: p50, p95 and requests per second. The floor is a static file served by the
same server (WhiteNoise), measured the same way; each page's p95 is divided by the floor's p95.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import ROOT, django_setup, ratio_line  # noqa: E402

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
# wrk prints these lines from its done() hook; latencies are in microseconds.
LUA = """
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE") or ""
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT p50=%d p95=%d requests=%d seconds=%f errors=%d\\n",
    latency:percentile(50), latency:percentile(95), summary.requests, summary.duration / 1e6,
    non2xx + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""
TARGETS_MS = {"dashboard": 200, "survey": 200, "search": 300, "resident": 300, "officer": 300, "static": None}
DISSATISFACTION = "/insight/dashboards/dissatisfaction/?measure=tp02_dissatisfied&characteristic=disability"
DISSATISFACTION_CSV = "/insight/dashboards/table.csv?measure=tp02_dissatisfied&characteristic=disability&region=all"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    args = parser.parse_args()
    # gunicorn serves plain HTTP here, so the session cookie has its plain name (config/settings.py).
    os.environ["HTTPS"] = "0"
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    # The bench signs the analyst in without a code: it measures pages, not two-factor sign-in,
    # which is compulsory for analysts by default (TWO_FACTOR_REQUIRED_ROLES).
    os.environ["TWO_FACTOR_REQUIRED_ROLES"] = ""
    django_setup()
    pages, cookies = _pages()
    server = _gunicorn(args.workers)
    try:
        results = []
        print(f"gunicorn: {args.workers} sync workers on {BASE}; wrk: {args.connections} connections, "
              f"{args.seconds} s a page, 2 threads")  # fmt: skip
        print(f"{'page':<44} {'kind':<9} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'errors':>7} {'p95/floor':>10}")
        floor = None
        for name, kind, path, who in pages:
            _check(path, cookies.get(who, ""))
            p50, p95, rate, errors = _wrk(path, cookies.get(who, ""), args)
            if kind == "static":
                floor = p95
            ratio = p95 / floor if floor else float("nan")
            target = TARGETS_MS.get(kind)
            met = "" if target is None else (" ok" if p95 / 1000 <= target else f" MISSED (target {target} ms)")
            print(
                f"{name:<44} {kind:<9} {p50 / 1000:8.1f} {p95 / 1000:8.1f} {rate:8.1f} {errors:7d} {ratio:10.1f}{met}"
            )
            results.append((name, kind, p95, ratio, errors))
        failed = [r[0] for r in results if r[4]]
        if failed:
            sys.exit(f"Pages answered with errors under load: {failed}")
        worst = max((r for r in results if r[1] != "static"), key=lambda r: r[3])
        print(f"worst page against the floor: {worst[0]}")
        ratio_line(
            "pages_p95_vs_static_floor", worst[3], "none set; p95 < 200 ms dashboards and survey, < 300 ms search"
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def _pages():
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.test import Client
    from django.utils import timezone

    from engagement.models import Resident
    from surveys.models import Invitation

    cookies = {}
    for username in ("analyst", "officer", "panel"):
        # force_login names the first backend that can load a user (not django-axes' checker).
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(get_user_model().objects.get(username=username))
        client.get("/accessibility/")  # sets the form-token cookie, as a browser has after its first page
        cookies[username] = "; ".join(
            f"{name}={client.cookies[name].value}" for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
        )
    leads = Resident.objects.current().filter(is_lead_tenant=True).order_by("pk")
    resident = leads[min(1000, leads.count() // 2)]  # the 1,000th, or the middle one in a small set
    fragment = resident.last_name[1:5].lower()  # a fragment from inside a surname, as people type them
    postcode = resident.household.home.postcode
    invitation = (
        Invitation.objects.filter(survey__kind="transactional", expires_at__gt=timezone.now(), response__isnull=False)
        .order_by("pk")
        .first()
    )
    static = staticfiles_storage.url("build/app.css")
    pages = [
        ("static file (floor): " + static[:24], "static", static, None),
        # What Django itself costs, for comparison: the health check (no session; one query) and a
        # public page (a template, the middleware, no sign-in).
        ("health check /healthz (reference)", "reference", "/healthz", None),
        ("public page /accessibility/ (reference)", "reference", "/accessibility/", None),
        ("figures dashboard /insight/figures/", "dashboard", "/insight/figures/", "analyst"),
        ("panel member's overview /", "dashboard", "/", "panel"),
        ("representation /engagement/representation/", "dashboard", "/engagement/representation/", "analyst"),
        ("dissatisfaction by group (panel member)", "dashboard", DISSATISFACTION, "panel"),
        ("dissatisfaction by group, CSV (panel member)", "dashboard", DISSATISFACTION_CSV, "panel"),
        ("officer's worklist /", "officer", "/", "officer"),
        ("officer's patch view /patch/", "officer", "/patch/", "officer"),
        (
            f"contact form /residents/{resident.pk}/contacts/add/",
            "officer",
            f"/residents/{resident.pk}/contacts/add/",
            "officer",
        ),
        (f"search by name fragment ?q={fragment}", "search", f"/residents/?q={fragment}", "officer"),
        (f"search by postcode ?q={postcode}", "search", f"/residents/?q={postcode.replace(' ', '+')}", "officer"),
        (f"resident page /residents/{resident.pk}/", "resident", f"/residents/{resident.pk}/", "officer"),
        (
            "survey question page (after a repair)",
            "survey",
            f"/surveys/answer/{invitation.token}/REPAIR_OVERALL/",
            None,
        ),
    ]
    return pages, cookies


def _gunicorn(workers):
    env = dict(os.environ, DEBUG="0", HTTPS="0", ALLOWED_HOSTS="127.0.0.1,localhost", LOG_LEVEL="WARNING")
    command = [
        str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{PORT}",
        "--workers", str(workers), "--log-level", "warning", "--timeout", "120",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("gunicorn did not start")


def _check(path, cookie):
    """Each page must answer 200 for its user before it is timed (not a redirect to sign in)."""
    request = urllib.request.Request(BASE + path, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=60) as response:
        if response.status != 200 or "/accounts/login" in response.url:
            sys.exit(f"{path} answered {response.status} at {response.url}")


def _wrk(path, cookie, args):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "10s", "-s", script.name,
               BASE + path]  # fmt: skip
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=dict(os.environ, BENCH_COOKIE=cookie)).stdout  # fmt: skip
    os.unlink(script.name)
    found = re.search(r"RESULT p50=(\d+) p95=(\d+) requests=(\d+) seconds=([\d.]+) errors=(\d+)", output)
    p50, p95, requests, seconds, errors = found.groups()
    return int(p50), int(p95), int(requests) / float(seconds), int(errors)


if __name__ == "__main__":
    main()
