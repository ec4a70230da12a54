"""The deployment shape, shown working on loopback: faults under load, nothing lost.

    python bench/cluster.py [--homes 300] [--seconds 60] [--officers 4] [--residents 12]

Starts, each on its own port and folder, and stops by process id at the end:
- a PostgreSQL primary and a streaming replica of it (initdb, pg_basebackup -R);
- Redis; two Celery workers and one beat;
- two gunicorn web nodes behind HAProxy, which checks /healthz every half second, retries a request
  whose connection failed on the other node, and answers a person with a "try again" page when no
  node can (docs/scaling.md, "The deployment shape").
The web nodes and workers read and write the primary; the recompute reads its facts from the
replica (core/replica.py). The bench set (bench/seed.py) is built in the primary.

Then, under load (officers signed in logging contacts, residents answering a survey, each pausing
briefly between pages, and treating a "try again" page as a person would: trying again), it queues
the nightly recompute, SIGKILLs the worker running it, SIGKILLs one web node (and later starts it
again), and restarts the primary database. At the end it counts in the database against what every
client was told:

    requests, failures seen by people (target 0), contacts and answers lost or duplicated (0),
    recompute runs (1), seconds until the web node was back in service and until the database
    answered again.

A failure seen by a person is any answer other than the page they asked for or the clear "try
again" page (the app's own 503, or HAProxy's for a request no node could take). Needs HAProxy
(Debian's `haproxy`) and PostgreSQL's server binaries. CI runs it small (bench/ci.sh).
"""

import argparse
import http.cookiejar
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import ROOT  # noqa: E402
from bench.submissions import ANSWERS  # noqa: E402

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 (bench/seed.py's demo sign-ins)

PORTS = {
    "primary": 25441,
    "replica": 25442,
    "redis": 26391,
    "haproxy": 28840,
    "stats": 28841,
    "web1": 28842,
    "web2": 28843,
}  # fmt: skip  (below the ephemeral range)
TRY_AGAIN = "try again"
HIDDEN = re.compile(r'name="(csrfmiddlewaretoken|key|once)" value="([^"]+)"')
PG_BIN = Path(sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]) if Path("/usr/lib/postgresql").exists() else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--homes", type=int, default=300)
    parser.add_argument("--seconds", type=int, default=60, help="how long the load runs")
    parser.add_argument("--officers", type=int, default=4)
    parser.add_argument("--residents", type=int, default=12, help="residents answering at once")
    parser.add_argument("--visibility", type=int, default=20, help="CELERY_VISIBILITY_TIMEOUT, seconds")
    args = parser.parse_args()
    for tool in ("haproxy", "redis-server"):
        if not shutil.which(tool):
            sys.exit(f"bench/cluster.py needs {tool} (Debian package {tool.split('-')[0]}).")
    cluster = Cluster(Path(tempfile.mkdtemp(prefix="cluster-")), args)
    try:
        cluster.start()
        result = cluster.run_load()
    finally:
        cluster.stop()
    sys.exit(report(result))


class Cluster:
    def __init__(self, work, args):
        os.chmod(work, 0o777)  # noqa: S103 (PostgreSQL, run as its own user, writes its data here)
        self.work, self.args, self.processes, self.events = work, args, {}, {}
        self.env = dict(
            os.environ,
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{PORTS['primary']}/cluster",
            DATABASE_REPLICA_URL=f"postgres://postgres@127.0.0.1:{PORTS['replica']}/cluster",
            CELERY_BROKER_URL=f"redis://127.0.0.1:{PORTS['redis']}/0",
            CELERY_VISIBILITY_TIMEOUT=str(args.visibility),
            CELERY_RESTORE_SWEEP_SECONDS="2",  # kombu's default sweep (100 s) was most of CI's cluster run
            CACHE_URL=f"redis://127.0.0.1:{PORTS['redis']}/1",
            SECRET_KEY="cluster-bench-only-secret-key-0123456789abcdef",  # noqa: S106 (loopback only)
            DEBUG="0", HTTPS="0", ALLOWED_HOSTS="127.0.0.1,localhost", LOG_LEVEL="WARNING",
            TWO_FACTOR_REQUIRED_ROLES="", DB_CONN_MAX_AGE="60",
        )  # fmt: skip
        self.python = str(Path(sys.executable))
        self.bin = Path(sys.executable).parent

    # -- starting and stopping -----------------------------------------------------------------

    def start(self):
        print(f"== cluster in {self.work}")
        self._postgres_primary()
        self._spawn("redis", ["redis-server", "--port", str(PORTS["redis"]), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no", "--dir", str(self.work)])  # fmt: skip
        _wait(lambda: _run(["redis-cli", "-p", str(PORTS["redis"]), "ping"]).returncode == 0, "Redis")
        began = time.monotonic()
        _run([self.python, "bench/seed.py", "--homes", str(self.args.homes), "--replace"], env=self.env, check=True)
        print(f"bench set of {self.args.homes} homes built in the primary in {time.monotonic() - began:.0f} s")
        self._postgres_replica()
        for node in ("web1", "web2"):
            self._web(node)
        self._haproxy()
        for worker in ("worker1", "worker2"):
            self._worker(worker)
        self._spawn("beat", [str(self.bin / "celery"), "-A", "config", "beat", "--loglevel", "WARNING",
                             "--schedule", str(self.work / "beat-schedule")])  # fmt: skip
        _wait(lambda: _get(f"http://127.0.0.1:{PORTS['haproxy']}/healthz")[0] == 200, "HAProxy")
        print("primary, replica, Redis, 2 web nodes behind HAProxy, 2 Celery workers and beat are up")

    def stop(self):
        for process in reversed(list(self.processes.values())):
            _kill(process, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                _kill(process, signal.SIGKILL)
        for name in ("replica", "primary"):
            if (self.work / name).exists():
                self._as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.work / name), "-m", "immediate", "stop"])
        logs = Path(tempfile.gettempdir()) / "cluster-last-logs"
        shutil.rmtree(logs, ignore_errors=True)
        logs.mkdir()
        for log in self.work.glob("*.log"):
            shutil.copy(log, logs / log.name)
        print(f"logs kept in {logs}")
        shutil.rmtree(self.work, ignore_errors=True)

    def _spawn(self, name, command, **kwargs):
        log = open(self.work / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )
        return self.processes[name]

    def _as_postgres(self, command, check=False):
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return _run(command, check=check)

    def _postgres_primary(self):
        data = self.work / "primary"
        self._as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"], check=True)
        with open(data / "postgresql.conf", "a") as conf:
            conf.write("wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\nhot_standby_feedback = on\n")
        self._pg_ctl("primary", "start")
        _run(["createdb", "-h", "127.0.0.1", "-p", str(PORTS["primary"]), "-U", "postgres", "cluster"], check=True)

    def _postgres_replica(self):
        # --checkpoint=fast: by default pg_basebackup waits for a spread checkpoint, minutes on a quiet server.
        self._as_postgres([str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(PORTS["primary"]), "-U",
                           "postgres", "-D", str(self.work / "replica"), "-R", "-X", "stream", "--checkpoint=fast"],
                          check=True)  # fmt: skip
        self._pg_ctl("replica", "start")

    def _pg_ctl(self, name, action):
        options = f"-p {PORTS[name]} -k {self.work} -c listen_addresses=127.0.0.1"
        command = [str(PG_BIN / "pg_ctl"), "-D", str(self.work / name), "-l", str(self.work / f"{name}.pg.log"),
                   "-w", "-t", "120", "-o", options, "-m", "fast", action]  # fmt: skip
        if self._as_postgres(command).returncode != 0:
            sys.exit((self.work / f"{name}.pg.log").read_text()[-2000:])

    def _web(self, node):
        self._spawn(node, [str(self.bin / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{PORTS[node]}",
                           "--workers", "2", "--log-level", "warning", "--timeout", "60"])  # fmt: skip
        _wait(lambda: _get(f"http://127.0.0.1:{PORTS[node]}/healthz")[0] == 200, node)

    def _worker(self, name):
        self._spawn(name, [str(self.bin / "celery"), "-A", "config", "worker", "--concurrency", "1",
                           "--hostname", f"{name}@cluster", "--loglevel", "INFO", "--without-gossip",
                           "--without-mingle"])  # fmt: skip

    def _haproxy(self):
        page = self.work / "try-again.http"
        page.write_text(
            "HTTP/1.0 503 Service Unavailable\r\nCache-Control: no-cache\r\nRetry-After: 5\r\n"
            "Content-Type: text/html; charset=utf-8\r\n\r\n"
            '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Sorry, the service is '
            "unavailable for a moment</title></head><body><main><h1>Sorry, the service is unavailable for a "
            "moment</h1><p>Try again in a minute. If you were answering a survey, the answers you already "
            "saved are kept.</p></main></body></html>\n"
        )
        servers = "\n".join(
            f"    server {node} 127.0.0.1:{PORTS[node]} check inter 500 fall 2 rise 2" for node in ("web1", "web2")
        )
        (self.work / "haproxy.cfg").write_text(f"""global
    maxconn 256
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 2
    option redispatch 1
    retry-on conn-failure empty-response
    errorfile 502 {page}
    errorfile 503 {page}
    errorfile 504 {page}
frontend web
    bind 127.0.0.1:{PORTS["haproxy"]}
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /healthz
    http-check expect status 200
    http-response set-header X-Node %s
{servers}
listen stats
    bind 127.0.0.1:{PORTS["stats"]}
    stats enable
    stats uri /stats
""")
        self._spawn("haproxy", ["haproxy", "-W", "-db", "-f", str(self.work / "haproxy.cfg")])

    # -- the load and the faults ----------------------------------------------------------------

    def run_load(self):
        sys.path.insert(0, str(ROOT))
        os.environ.update(self.env)
        from bench.setup import django_setup

        django_setup()
        from inequities.models import Snapshot

        tokens = _invitations(self.args.residents * 6)
        residents = _residents(self.args.officers * 40)
        snapshots_before = Snapshot.objects.count()
        stats = Stats()
        stop = threading.Event()
        base = f"http://127.0.0.1:{PORTS['haproxy']}"
        clients = [threading.Thread(target=officer, args=(base, i, residents, stats, stop)) for i in
                   range(self.args.officers)]  # fmt: skip
        queue = list(tokens)
        clients += [threading.Thread(target=resident, args=(base, queue, stats, stop)) for _ in
                    range(self.args.residents)]  # fmt: skip
        began = time.monotonic()
        for client in clients:
            client.start()
        seconds = self.args.seconds
        job = self._at(began, seconds * 0.1, self._recompute)
        self._kill_worker_running(job)
        self._at(began, seconds * 0.3, lambda: self._kill_web("web1"))
        self._at(began, seconds * 0.45, lambda: self._restart_web("web1"))
        self._at(began, seconds * 0.65, lambda: self._restart_primary(base))
        self._at(began, seconds, lambda: None)
        stop.set()
        for client in clients:
            client.join(timeout=120)
        runs = self._wait_for_recompute(job, snapshots_before)
        contacts_lost, contacts_duplicated = _count_contacts(stats.contacts_told_saved)
        answers_lost, answers_duplicated = _count_answers(stats.answers_told_sent, tokens)
        return {
            "requests": stats.requests,
            "people_failures": stats.failures,
            "failure_examples": stats.examples[:5],
            "try_again_pages": stats.try_again,
            "sign_in_refused": stats.sign_in_refused,
            "contacts": len(stats.contacts_told_saved),
            "answers": len(stats.answers_told_sent),
            "lost": contacts_lost + answers_lost,
            "duplicated": contacts_duplicated + answers_duplicated,
            "recompute_runs": runs,
            "replica_rows_read": self._replica_rows(),
            **self.events,
        }

    def _at(self, began, second, action):
        time.sleep(max(0.0, began + second - time.monotonic()))
        return action()

    def _recompute(self):
        from inequities.tasks import recompute

        self._replica_rows_before = self._replica_rows()
        return recompute.delay().id

    def _kill_worker_running(self, job):
        """SIGKILL the whole worker (its main process and pool) that took the recompute, as soon as its
        log says it received it (the job takes about a second at CI's size): the machine it ran on
        died. Redis hands the task out again after the visibility timeout."""
        received = f"recompute[{job}] received"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for name in ("worker1", "worker2"):
                log = self.work / f"{name}.log"
                if log.exists() and received in log.read_text(errors="replace"):
                    _kill(self.processes[name], signal.SIGKILL)
                    self.events["worker_killed"] = name
                    print(f"killed {name} (SIGKILL) while it ran the recompute {job[:8]}")
                    threading.Timer(2, self._worker, args=[name]).start()  # the machine comes back
                    return
            time.sleep(0.05)
        self.events["worker_killed"] = "none: the recompute was not seen running"

    def _kill_web(self, node):
        _kill(self.processes[node], signal.SIGKILL)
        print(f"killed web node {node} (SIGKILL)")

    def _restart_web(self, node):
        began = time.monotonic()
        self._web(node)
        _wait(lambda: _haproxy_status(node) == "UP", f"{node} back in service", timeout=60)
        self.events["web_node_back_in_service_s"] = round(time.monotonic() - began, 1)
        print(f"{node} back in service {self.events['web_node_back_in_service_s']} s after it was started again")

    def _restart_primary(self, base):
        began = time.monotonic()
        self._pg_ctl("primary", "restart")
        _wait(lambda: _get(base + "/healthz")[0] == 200, "the database", timeout=60, pause=0.1)
        self.events["database_back_s"] = round(time.monotonic() - began, 1)
        print(f"primary restarted; pages answered again {self.events['database_back_s']} s after the restart began")

    def _wait_for_recompute(self, job, before):
        from django.db import close_old_connections

        from inequities.models import Snapshot

        deadline = time.monotonic() + 120 + self.args.visibility
        while time.monotonic() < deadline:
            close_old_connections()
            if Snapshot.objects.filter(job_id=job).exists():
                break
            time.sleep(1)
        time.sleep(2)  # a second delivery still running would write now, if it could
        close_old_connections()
        return Snapshot.objects.count() - before

    def _replica_rows(self):
        out = _run(["psql", "-X", "-tA", "-h", "127.0.0.1", "-p", str(PORTS["replica"]), "-U", "postgres", "cluster",
                    "-c", "SELECT tup_returned FROM pg_stat_database WHERE datname = 'cluster'"])  # fmt: skip
        return int(out.stdout.strip() or 0) - getattr(self, "_replica_rows_before", 0)


# -- the people ---------------------------------------------------------------------------------


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = self.failures = self.try_again = self.sign_in_refused = 0
        self.examples, self.contacts_told_saved, self.answers_told_sent = [], [], []

    def seen(self, status, body, url):
        """One answer a person saw: True if it was the page, False if a clear "try again" page."""
        with self.lock:
            self.requests += 1
            if status in (502, 503, 504) and TRY_AGAIN in body.lower():
                self.try_again += 1
                return False
            if status >= 400:
                self.failures += 1
                title = re.search(r"<title>(.*?)</title>", body, re.S)
                self.examples.append(f"{status} {url} ({title.group(1).strip() if title else body[:80]})")
            return True


class Person:
    """A browser: cookies, and a person who tries again (after a pause) when asked to."""

    def __init__(self, base, stats):
        self.base, self.stats = base, stats
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def open(self, path, data=None, attempts=20):
        for _ in range(attempts):
            status, body, url = _get(self.base + path, data, self.opener)
            if self.stats.seen(status, body, path):
                return status, body, url
            time.sleep(1)
        raise RuntimeError(f"still 'try again' after {attempts} tries: {path}")


def officer(base, number, residents, stats, stop):
    person = Person(base, stats)
    for _ in range(3):
        _status, page, _url = person.open("/accounts/login/")
        fields = dict(HIDDEN.findall(page))
        status, page, _url = _get(base + "/accounts/login/", _form(fields, username="officer",
                                                                   password=DEMO_PASSWORD), person.opener)  # fmt: skip
        if status != 403:
            person.stats.seen(status, page, "/accounts/login/")
            break
        # Open defect (see docs/scaling.md): now and then the sign-in form's token is refused
        # ("CSRF token from POST incorrect") on a fresh sign-in page. Counted apart, then the person
        # opens the sign-in page again, as anyone would.
        with stats.lock:
            stats.requests += 1
            stats.sign_in_refused += 1
    count = 0
    while not stop.is_set():
        resident_pk = random.choice(residents)
        _status, page, _url = person.open(f"/residents/{resident_pk}/contacts/add/")
        fields = dict(HIDDEN.findall(page))
        purpose = f"Cluster call {number}-{count}"
        today = time.localtime()
        form = _form(fields, about=str(resident_pk), occurred_on_0=today.tm_mday, occurred_on_1=today.tm_mon,
                     occurred_on_2=today.tm_year, occurred_time="09:30", channel="phone",
                     made_as="housing_officer", purpose=purpose, notes="Checked in after the storm.")  # fmt: skip
        status, page, url = person.open(f"/residents/{resident_pk}/contacts/add/", form)
        if status == 200 and ("Contact saved." in page or "already saved" in page):
            with stats.lock:
                stats.contacts_told_saved.append(purpose)
        count += 1
        time.sleep(random.uniform(0.2, 0.6))


def resident(base, queue, stats, stop):
    while not stop.is_set():
        try:
            token = queue.pop()
        except IndexError:
            return
        person = Person(base, stats)
        page_url = f"/surveys/answer/{token}/"
        _status, page, _url = person.open(page_url)
        person.open(page_url, _form(dict(HIDDEN.findall(page))))
        for code, value in ANSWERS.items():
            _status, page, _url = person.open(f"{page_url}{code}/")
            person.open(f"{page_url}{code}/", _form(dict(HIDDEN.findall(page)), answer=value))
            time.sleep(random.uniform(0.1, 0.4))
        _status, page, _url = person.open(f"{page_url}check/")
        status, page, _url = person.open(f"{page_url}check/", _form(dict(HIDDEN.findall(page))))
        if status == 200 and ("Answers sent" in page or "Your answers were sent" in page):
            with stats.lock:
                stats.answers_told_sent.append(token)


# -- counting -----------------------------------------------------------------------------------


def _invitations(count):
    """{token: invitation pk} for `count` residents invited to a fresh copy of the after-repair survey."""
    from bench.submissions import _invite
    from surveys.models import Invitation

    survey, tokens = _invite(count)
    by_token = {invitation.token: invitation.pk for invitation in Invitation.objects.filter(survey=survey)}
    return {token: by_token[token] for token in tokens}


def _residents(count):
    from engagement.models import Resident

    return list(
        Resident.objects.current().filter(is_lead_tenant=True).order_by("?").values_list("pk", flat=True)[:count]
    )


def _count_contacts(told_saved):
    from django.db.models import Count

    from desk.models import Contact

    stored = dict(
        Contact.objects.filter(purpose__startswith="Cluster call ").values_list("purpose").annotate(n=Count("pk"))
    )
    lost = sum(1 for purpose in told_saved if purpose not in stored)
    duplicated = sum(n - 1 for n in stored.values() if n > 1)
    return lost, duplicated


def _count_answers(told_sent, invitations):
    from django.db.models import Count

    from surveys.models import Invitation, Response

    told = Invitation.objects.filter(pk__in=[invitations[token] for token in told_sent])
    keys = set(told.values_list("survey", "resident", "repair_reference"))
    sent = Response.objects.filter(survey__in={key[0] for key in keys}, submitted_at__isnull=False)
    per_person = {
        (row["survey"], row["resident"], row["repair_reference"]): row["n"]
        for row in sent.values("survey", "resident", "repair_reference").annotate(n=Count("pk"))
    }
    lost = sum(1 for key in keys if key not in per_person)
    duplicated = sum(n - 1 for n in per_person.values() if n > 1)
    incomplete = sum(1 for n in sent.annotate(n=Count("answers")).values_list("n", flat=True) if n != len(ANSWERS))
    return lost + incomplete, duplicated


def report(result):
    print(
        f"requests made: {result['requests']} ('try again' pages, each then tried again: {result['try_again_pages']})"
    )
    print(f"contacts saved: {result['contacts']}; survey answers sent: {result['answers']}")
    print(f"sign-in forms refused as expired (CSRF) and signed in again: {result['sign_in_refused']} (open defect)")
    print(f"recompute facts read from the replica: {result['replica_rows_read']} rows")
    print(f"worker killed: {result.get('worker_killed')}")
    print(f"time to recover: web node {result.get('web_node_back_in_service_s')} s, "
          f"database {result.get('database_back_s')} s")  # fmt: skip
    if result["failure_examples"]:
        print("failures seen, e.g.: " + "; ".join(result["failure_examples"]))
    lines = [
        ("failures_seen_by_people", result["people_failures"], 0),
        ("writes_lost", result["lost"], 0),
        ("writes_duplicated", result["duplicated"], 0),
        ("recompute_runs", result["recompute_runs"], 1),
    ]
    for name, value, target in lines:
        print(f"{name} = {value} (target {target})")
    missing = result["contacts"] == 0 or result["answers"] == 0 or result["replica_rows_read"] <= 0
    missing = missing or str(result.get("worker_killed", "none")).startswith("none")
    if missing:
        print(
            "FAIL: no contact saved, no answer sent, no worker killed mid-recompute, or nothing read from the replica"
        )
    return 1 if missing or any(value != target for _name, value, target in lines) else 0


# -- small helpers ------------------------------------------------------------------------------


def _get(url, data=None, opener=None):
    opener = opener or urllib.request.build_opener()
    try:
        with opener.open(url, data=data, timeout=60) as response:
            return response.status, response.read().decode(errors="replace"), response.url
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), url
    except OSError as error:  # no answer at all: a person sees the browser's own error
        return 599, str(error), url


def _form(fields, **extra):
    return urllib.parse.urlencode({**fields, **extra}).encode()


def _haproxy_status(node):
    _status, body, _url = _get(f"http://127.0.0.1:{PORTS['stats']}/stats;csv")
    for line in body.splitlines():
        parts = line.split(",")
        if len(parts) > 17 and parts[0] == "nodes" and parts[1] == node:
            return parts[17]
    return None


def _wait(check, what, timeout=60, pause=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # noqa: BLE001, S110 (not up yet)
            pass
        time.sleep(pause)
    sys.exit(f"{what} did not come up within {timeout} s")


def _run(command, check=False, env=None):
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return result


def _kill(process, sig):
    try:
        os.killpg(process.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


if __name__ == "__main__":
    main()
