"""Survey submissions under concurrency: many residents answering the after-repair survey at once.

    python bench/submissions.py [--residents 200] [--concurrency 20]

Invites --residents residents to a fresh copy of the after-repair survey, starts gunicorn on
loopback, and has --concurrency of them at a time go through the whole online survey as a browser
would (start page, every question, check your answers, submit). Each resident presses "start" and
"submit" twice at once, as a double click or a second tab would. Then it counts in the database:
every invited resident must have exactly one submitted response with one answer a question.
Prints submissions per second and `lost` / `duplicated` (both must be 0).
"""

import argparse
import http.cookiejar
import re
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.pages import BASE, _gunicorn  # noqa: E402
from bench.setup import django_setup  # noqa: E402

ANSWERS = {"REPAIR_OVERALL": "fairly_satisfied", "REPAIR_TIME": "neither", "REPAIR_FIRST_TIME": "yes",
           "REPAIR_RESPECT": "agree", "REPAIR_COMMENTS": "Quick and tidy."}  # fmt: skip
HIDDEN = re.compile(r'name="(csrfmiddlewaretoken|key)" value="([^"]+)"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", type=int, default=5)
    args = parser.parse_args()
    django_setup()
    import os
    import signal

    survey, tokens = _invite(args.residents)
    server = _gunicorn(args.workers)
    failures = []
    try:
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            for error in pool.map(_answer_survey, tokens):
                if error:
                    failures.append(error)
        seconds = time.perf_counter() - began
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    lost, duplicated, incomplete = _count(survey, tokens)
    requests = len(tokens) * (3 + 2 * len(ANSWERS) + 3)
    print(f"{len(tokens)} residents, {args.concurrency} at a time, gunicorn {args.workers} workers: "
          f"{seconds:.1f} s, {len(tokens) / seconds:.1f} submissions/s, about {requests / seconds:.0f} requests/s")  # fmt: skip
    if failures:
        print(f"client errors: {len(failures)}, e.g. {failures[0]}")
    print(f"lost={lost} duplicated={duplicated} incomplete={incomplete}")
    print(f"submissions_lost_or_duplicated = {lost + duplicated} (target 0)")


def _invite(count):
    from django.utils import timezone

    from engagement.models import Resident
    from surveys import builtin, services
    from surveys.models import Invitation

    survey = services.survey_create(
        definition=dict(builtin.TRANSACTIONAL_SURVEY, title=f"Bench submissions {timezone.now():%Y-%m-%d %H:%M:%S}"),
        questions=builtin.TRANSACTIONAL_QUESTIONS,
    )
    residents = Resident.objects.filter(is_lead_tenant=True).order_by("?")[:count]
    expires = timezone.now() + timedelta(days=28)
    invitations = Invitation.objects.bulk_create(
        [
            Invitation(survey=survey, resident=r, repair_reference=f"BENCH-{r.pk}", channel="text", expires_at=expires)
            for r in residents
        ]
    )
    return survey, [i.token for i in invitations]


def _answer_survey(token):
    """One resident's whole visit. Returns an error message, or None."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"{BASE}/surveys/answer/{token}/"
    try:
        fields = _hidden(opener.open(base, timeout=60).read().decode())
        _twice(opener, base, fields)  # a double click on "Start"
        for code, value in ANSWERS.items():
            page = opener.open(f"{base}{code}/", timeout=60).read().decode()
            fields = _hidden(page)
            opener.open(f"{base}{code}/", data=_form(fields, answer=value), timeout=60).read()
        fields = _hidden(opener.open(f"{base}check/", timeout=60).read().decode())
        _twice(opener, f"{base}check/", fields)  # a double click on "Submit"
    except Exception as error:  # noqa: BLE001 (reported, then counted in the database)
        return f"{token[:8]}: {error}"
    return None


def _twice(opener, url, fields):
    errors = []

    def post():
        try:
            opener.open(url, data=_form(fields), timeout=60).read()
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if len(errors) == 2:
        raise errors[0]


def _hidden(page):
    return dict(HIDDEN.findall(page))


def _form(fields, **extra):
    return urllib.parse.urlencode({**fields, **extra}).encode()


def _count(survey, tokens):
    from django.db.models import Count

    from surveys.models import Invitation, Response

    invited = Invitation.objects.filter(survey=survey).count()
    submitted = Response.objects.filter(survey=survey, submitted_at__isnull=False)
    per_resident = submitted.values("resident", "repair_reference").annotate(n=Count("pk"))
    duplicated = sum(row["n"] - 1 for row in per_resident if row["n"] > 1)
    lost = invited - per_resident.count()
    answers = submitted.annotate(n=Count("answers")).values_list("n", flat=True)
    incomplete = sum(1 for n in answers if n != len(ANSWERS))
    return lost, duplicated, incomplete


if __name__ == "__main__":
    main()
