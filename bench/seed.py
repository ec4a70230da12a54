"""Bench data: a landlord the size of the largest in England, loaded with PostgreSQL COPY.

    python bench/seed.py --homes 150000 --replace

Builds homes, households, residents with equality profiles, communication preferences, support
needs, reasonable adjustments, five years of repairs with appointments, five yearly TSM rounds and
a survey after repairs (invitations, responses and answers), and the demo users. Rows are written
with COPY in chunks (never one save per row); foreign-key triggers are off while loading (the rows
are valid by construction) and every table is ANALYZEd at the end. Prints rows per second.

The groups differ the way the demo landlord's do (engagement/demo, repairs/demo.py), so the
inequities recompute has real gaps to find rather than uniform noise.

Contacts: about seven a household over five years, after the users (`seed_contacts`).
"""

import argparse
import io
import itertools
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_setup, peak_rss_mb  # noqa: E402

NULL = "\\N"
CHUNK = 100_000
YEARS = 5
TSM_QUESTIONS = ["TP01", "REPAIR_12M", "TP02", "TP03", "TP04", "TP05", "TP06", "TP11", "TP12"]
RENTED_ONLY = {"REPAIR_12M", "TP02", "TP03", "TP04"}
WITH_DONT_KNOW = {"TP05", "TP06", "TP11", "TP12"}
SCALE = ["very_satisfied", "fairly_satisfied", "neither", "fairly_dissatisfied", "very_dissatisfied"]
HOUSEHOLD_SIZES = {1: 38, 2: 36, 3: 17, 4: 9}  # a little larger than the demo's, for ~2 residents a home
SLOW_REGIONS = {"North West": 1.35, "London": 1.25}
TARGET_DAYS = {"emergency": 1, "urgent": 7, "routine": 28}  # calendar approximations of the targets


class Loader:
    """Writes rows to PostgreSQL with COPY, CHUNK rows at a time, and keeps the tally."""

    def __init__(self, connection):
        self.cursor = connection.cursor()
        self.total_rows = 0
        self.began = time.perf_counter()

    def copy(self, table, columns, rows):
        began = time.perf_counter()
        count = 0
        buffer = io.StringIO()
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        for row in rows:
            buffer.write("\t".join(row))
            buffer.write("\n")
            count += 1
            if count % CHUNK == 0:
                self._flush(sql, buffer)
                buffer = io.StringIO()
        self._flush(sql, buffer)
        seconds = time.perf_counter() - began
        self.total_rows += count
        print(f"{table:<36} {count:>10,} rows {seconds:7.1f} s {count / max(seconds, 1e-9):>10,.0f} rows/s", flush=True)
        return count

    def _flush(self, sql, buffer):
        buffer.seek(0)
        self.cursor.copy_expert(sql, buffer)

    def copy_spool(self, table, columns, spool):
        began = time.perf_counter()
        spool.file.seek(0)
        self.cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", spool.file, size=1 << 20)
        spool.file.close()
        seconds = time.perf_counter() - began
        self.total_rows += spool.count
        print(
            f"{table:<36} {spool.count:>10,} rows {seconds:7.1f} s {spool.count / max(seconds, 1e-9):>10,.0f} rows/s"
            f" (+{spool.seconds:.1f} s generating)",
            flush=True,
        )


class Spool:
    """Rows for a table written to a temporary file while another table is being generated, so the
    generator never holds millions of rows in memory."""

    def __init__(self):
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.count = 0
        self.seconds = 0.0

    def add(self, row):
        self.file.write("\t".join(row))
        self.file.write("\n")
        self.count += 1


class WorkingDays:
    """What RepairRequest.derive_timescales stores, worked out from a table of working-day numbers
    (COPY bypasses save, and counting day by day for two million repairs would be slow)."""

    def __init__(self, first, last):
        from django.utils import timezone

        from repairs.working_days import is_working_day

        self.local = timezone.localdate
        self.number, self.days = {}, []
        day, count = first.date(), 0
        while day <= last.date():
            if is_working_day(day):
                count += 1
                self.days.append(day)
            self.number[day] = count
            day += timedelta(days=1)

    def between(self, start, end):
        return self.number[self.local(end)] - self.number[self.local(start)]

    def add(self, day, count):
        return self.days[self.number[day] + count - 1]

    def damp_and_mould_dues(self, reported, investigated):
        """The four due dates, as repairs.clocks.significant_hazard_clocks gives them (no delay reason)."""
        investigation = self.add(self.local(reported), 10)
        if investigated is None:
            return investigation, None, None, None
        done = self.local(investigated)
        return investigation, self.add(done, 3), self.add(done, 5), self.add(done, 5)


def ts(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S+00")


def day(moment):
    return moment.strftime("%Y-%m-%d")


def opt(value, fmt=str):
    return NULL if value is None else fmt(value)


def weighted(rng, table):
    """A sampler over a dict of value -> weight, fast enough for millions of draws."""
    values = list(table)
    cumulative = []
    running = 0
    for weight in table.values():
        running += weight
        cumulative.append(running)

    def draw():
        return rng.choices(values, cum_weights=cumulative)[0]

    return draw


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--homes", type=int, default=150_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--replace", action="store_true", help="Empty the bench tables first.")
    args = parser.parse_args()

    connection = django_setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from engagement.models import Home

    if Home.objects.exists() and not args.replace:
        sys.exit("The bench database already has homes: use --replace to rebuild it.")
    began = time.perf_counter()
    with connection.cursor() as cursor:
        if args.replace:
            cursor.execute(
                "TRUNCATE engagement_home, engagement_household, engagement_resident, surveys_survey, "
                "inequities_snapshot, engagement_importbatch RESTART IDENTITY CASCADE"
            )
        cursor.execute("SET session_replication_role = replica")  # no FK triggers while loading
    rng = random.Random(args.seed)
    loader = Loader(connection)
    today = date.today()
    now = datetime.now(UTC).replace(microsecond=0)
    world = World(rng, today, now)
    world.homes(loader, args.homes)
    world.residents(loader)
    world.needs_and_adjustments(loader)
    world.repairs(loader)
    world.surveys(loader)
    world.management_information(loader, args.seed)
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = DEFAULT")
        for table in world.sequences:
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")  # noqa: S608 (our own table names)
    users = world.users()
    seed_contacts(loader, world, users)
    loaded = time.perf_counter() - began
    with Timed("ANALYZE"), connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    total = time.perf_counter() - began
    print(f"demo sign-ins: {', '.join(sorted(u.username for u in users.values()))} (password demo-password-2026)")
    print(f"rows loaded: {loader.total_rows:,} in {loaded:.1f} s ({loader.total_rows / loaded:,.0f} rows/s)")
    print(f"peak RSS of the generator: {peak_rss_mb():.0f} MB")
    print(f"seed_vs_10_minutes = {total / 600:.2f} (target <= 1.0; {total:.0f} s in all)")


class Timed:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.began = time.perf_counter()

    def __exit__(self, *exc):
        print(f"{self.label:<36} {'':>15} {time.perf_counter() - self.began:7.1f} s", flush=True)


class World:
    """The landlord being built, with what later tables need to know about earlier rows."""

    def __init__(self, rng, today, now):
        self.rng, self.today, self.now = rng, today, now
        self.sequences = []

    # Management information (issue 26) ---------------------------------------------------------
    def management_information(self, loader, seed):
        """Building-safety checks, decency answers and anti-social behaviour cases, so the recompute
        times BS01-BS05, RP01 and NM01 at size: a fire risk assessment, an asbestos survey and a water
        risk assessment for every home, a lift check for one in five; a decency answer at the year
        end before last for every home; about one case a year for every 25 homes. Its own random generator,
        so the other tables are as before. Gas checks and the current year end's decency answers are
        left to bench/imports.py, whose files add them (a first import, not an update)."""
        rng, today = random.Random(seed + 26), self.today
        year_end = date((today.year if today.month >= 4 else today.year - 1) - 1, 3, 31)  # the year end before last
        stamp = ts(self.now)

        def checks():
            for home in range(1, self.home_count + 1):
                for kind in ("fire_risk", "asbestos", "water", "lifts"):
                    if kind == "lifts" and home % 5:
                        continue
                    due = today - timedelta(days=rng.randint(-60, 330))
                    done = due - timedelta(days=rng.randint(0, 40)) if rng.random() < 0.97 else None
                    recorded = done + timedelta(days=rng.randint(0, 10)) if done else None
                    yield (str(home), kind, "t", due.isoformat(), opt(done, date.isoformat),
                           opt(recorded, date.isoformat), "", stamp)  # fmt: skip

        loader.copy("repairs_compliancecheck",
                    ["home_id", "check_type", "required", "due_on", "done_on", "recorded_on", "block_reference",
                     "imported_at"], checks())  # fmt: skip
        fails = lambda home: rng.random() < (0.08 if self.deprived[home] else 0.03)  # noqa: E731
        loader.copy("repairs_decencyrecord", ["home_id", "as_at", "fails_standard"],
                    ((str(home), year_end.isoformat(), "t" if fails(home) else "f")
                     for home in range(1, self.home_count + 1)))  # fmt: skip

        def cases():
            for n in range(self.home_count * YEARS // 25):
                opened = today - timedelta(days=rng.randint(0, 365 * YEARS))
                yield (f"BENCHASB{n:07d}", str(rng.randint(1, self.home_count)), opened.isoformat(),
                       "t" if rng.random() < 0.08 else "f", rng.choice(["phone", "email", "online"]), "")  # fmt: skip

        loader.copy(
            "repairs_asbcase",
            ["reference", "home_id", "opened_on", "involves_hate_incident", "channel", "summary"],
            cases(),
        )
        self.sequences += ["repairs_compliancecheck", "repairs_decencyrecord", "repairs_asbcase"]

    # Homes and households ----------------------------------------------------------------------
    def homes(self, loader, count):
        from engagement.demo import places
        from engagement.demo.residents import _lsoa_pool
        from engagement.models import Region

        rng = self.rng
        regions = dict(Region.objects.values_list("name", "id"))
        lsoas = _lsoa_pool(rng)
        region_of = weighted(rng, places.REGION_WEIGHTS)
        scheme_of = weighted(rng, places.SCHEME_WEIGHTS)
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        self.home_count = count
        self.region = [None] * (count + 1)
        self.deprived = bytearray(count + 1)
        self.lcho = bytearray(count + 1)
        self.older_scheme = bytearray(count + 1)
        self.communal = bytearray(count + 1)

        def rows():
            for n in range(1, count + 1):
                region = region_of()
                authority, town, district = rng.choice(places.AREAS[region])
                lsoa, imd, crime = rng.choice(lsoas[authority])
                street = rng.choice(places.STREETS)
                block = street in places.FLAT_BLOCKS
                scheme = scheme_of()
                communal = block or scheme in ("supported", "older_people")
                self.region[n] = region
                self.deprived[n] = imd <= 2
                self.lcho[n] = scheme == "shared_ownership"
                self.older_scheme[n] = scheme == "older_people"
                self.communal[n] = communal
                address = f"Flat {rng.randint(1, 60)}, {street}" if block else f"{rng.randint(1, 220)} {street}"
                postcode = f"{district} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
                yield (str(n), f"BR{n:07d}", str(100000000000 + n * 7919), address, "", town, postcode,
                       authority, lsoa, str(imd), str(crime), scheme, "t" if communal else "f", str(regions[region]))  # fmt: skip

        loader.copy(
            "engagement_home",
            ["id", "property_reference", "uprn", "address_line_1", "address_line_2", "town", "postcode",
             "local_authority", "lsoa_code", "imd_decile", "crime_decile", "scheme_type", "has_communal_areas",
             "region_id"],
            rows(),
        )  # fmt: skip
        loader.copy(
            "engagement_household",
            ["id", "tenancy_reference", "tenancy_start", "home_id"],
            (
                (str(n), f"T{n:07d}-1", day(self.today - timedelta(days=rng.randint(30, 40 * 365))), str(n))
                for n in range(1, count + 1)
            ),
        )
        self.sequences += ["engagement_home", "engagement_household"]

    # Residents and equality data ---------------------------------------------------------------
    def residents(self, loader):
        from engagement.demo import people
        from engagement.demo import residents as demo
        from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY

        rng, today = self.rng, self.today
        size_of = weighted(rng, HOUSEHOLD_SIZES)
        surname = surnames(rng)
        self.lead = [0] * (self.home_count + 1)
        self.disabled_household = bytearray(self.home_count + 1)
        # Per lead tenant: how likely to be dissatisfied, to answer, and whether they need an interpreter.
        self.mood = {}
        self.answers_rate = {}
        self.interpreter = set()
        self.older = set()
        profiles = []
        serial = 0

        def rows():
            nonlocal serial
            for household in range(1, self.home_count + 1):
                region = self.region[household]
                ethnicity = demo._ethnicity(rng, region)
                name_group = demo._name_group(ethnicity, rng)
                family = rng.choice(people.LAST_NAMES[name_group]) if rng.random() < 0.4 else surname()
                older_scheme = self.older_scheme[household]
                for position in range(size_of()):
                    serial += 1
                    age = demo._age(rng, "older_people" if older_scheme else "general_needs", position)
                    own = ethnicity if position == 0 or rng.random() < 0.85 else demo._ethnicity(rng, region)
                    disability = demo._disability(rng, age)
                    language, interpreter = demo._language(rng, own)
                    sex = rng.choices(["female", "male", PREFER_NOT_TO_SAY, NOT_ASKED], [52, 38, 2, 8])[0]
                    declined = rng.random() < 0.03
                    born = (
                        None
                        if declined or rng.random() < 0.04
                        else today - timedelta(days=age * 365 + rng.randint(0, 364))
                    )
                    consent = any(v not in (NOT_ASKED, "") for v in (own, disability, sex, language))
                    profiles.append((str(serial), own, disability, language, interpreter, str(serial),
                                     "t" if declined and born is None else "f", day(today - timedelta(days=rng.randint(10, 900))) if consent else NULL,
                                     "phone" if consent else "", sex, ts(self.now)))  # fmt: skip
                    if disability == "yes":
                        self.disabled_household[household] = 1
                    if position == 0:
                        self.lead[household] = serial
                        self._temperament(serial, household, own, disability, interpreter, age)
                    yield (str(serial), rng.choice(people.FIRST_NAMES[name_group]), family,
                           opt(born, day), "t" if position == 0 else "f", str(household), f"P{serial:08d}")  # fmt: skip

        loader.copy(
            "engagement_resident",
            ["id", "first_name", "last_name", "date_of_birth", "is_lead_tenant", "household_id", "reference"],
            rows(),
        )
        self.resident_count = serial
        loader.copy(
            "engagement_equalityprofile",
            ["id", "ethnicity", "disability", "main_language", "interpreter_needed", "resident_id", "age_declined",
             "consent_given_on", "consent_method", "sex", "updated_at", "gender_identity", "sexual_orientation",
             "religion"],
            (p + (NOT_ASKED, NOT_ASKED, NOT_ASKED) for p in profiles),
        )  # fmt: skip
        profiles.clear()

        def preferences():
            for resident in range(1, serial + 1):
                if rng.random() < 0.15:
                    continue  # never asked how they want to hear from us
                no_internet = rng.random() < (0.35 if resident in self.older else 0.12)
                channels = '["letter", "phone"]' if no_internet else rng.choice(
                    ['["email", "phone"]', '["text", "letter"]', '["phone"]', '["letter"]']
                )  # fmt: skip
                formats = '["large_print"]' if rng.random() < 0.03 else "[]"
                yield (str(resident), channels, formats, "", "t" if no_internet else "f", "", "", "", ts(self.now),
                       str(resident))  # fmt: skip

        loader.copy(
            "engagement_communicationpreference",
            ["id", "channels", "formats", "interpreter_language", "no_internet", "best_times", "representative_name",
             "representative_contact", "updated_at", "resident_id"],
            preferences(),
        )  # fmt: skip
        self.sequences += ["engagement_resident", "engagement_equalityprofile", "engagement_communicationpreference"]

    def _temperament(self, resident, household, ethnicity, disability, interpreter, age):
        """How likely this lead tenant is to be dissatisfied and to answer a survey at all."""
        dissatisfied = 0.17
        answers = 0.55
        if disability == "yes":
            dissatisfied += 0.08
        if age < 35:
            dissatisfied += 0.05
            answers -= 0.15
        if age >= 65:
            answers += 0.10
            self.older.add(resident)
        if self.deprived[household]:
            dissatisfied += 0.04
            answers -= 0.10
        if self.region[household] in SLOW_REGIONS:
            dissatisfied += 0.04
        if interpreter == "yes":
            answers -= 0.25
            self.interpreter.add(resident)
        if ethnicity.startswith(("black_", "asian_", "mixed_")):
            answers -= 0.08
        self.mood[resident] = dissatisfied
        self.answers_rate[resident] = max(0.05, answers)

    # Needs and adjustments ---------------------------------------------------------------------
    def needs_and_adjustments(self, loader):
        from engagement.models import NeedCategory

        rng, today, stamp = self.rng, self.today, ts(self.now)
        categories = list(NeedCategory.values)
        chosen = [r for r in range(1, self.resident_count + 1) if rng.random() < 0.08]

        def needs():
            for n, resident in enumerate(chosen, 1):
                started = today - timedelta(days=rng.randint(1, 5 * 365))
                ended = started + timedelta(days=rng.randint(30, 400)) if rng.random() < 0.3 else None
                if ended and ended > today:
                    ended = None
                yield (str(n), rng.choice(categories), "Needs more time to reach the door", "f", day(started),
                       day(started + timedelta(days=365)), opt(ended, day), "" if ended is None else "Moved on",
                       stamp, stamp, str(resident))  # fmt: skip

        loader.copy(
            "engagement_supportneed",
            ["id", "category", "description", "is_temporary", "started_on", "review_by", "ended_on", "end_reason",
             "recorded_at", "updated_at", "resident_id"],
            needs(),
        )  # fmt: skip
        asked = [r for r in chosen if rng.random() < 0.5]

        def adjustments():
            for n, resident in enumerate(asked, 1):
                requested = today - timedelta(days=rng.randint(1, 3 * 365))
                status = rng.choices(["requested", "agreed", "in_place", "declined"], [10, 10, 70, 10])[0]
                agreed = requested + timedelta(days=rng.randint(1, 20)) if status != "requested" else None
                in_place = agreed + timedelta(days=rng.randint(1, 30)) if status == "in_place" else None
                declined = agreed if status == "declined" else None
                yield (str(n), "Letters in large print", day(requested), "the resident", status, opt(agreed, day),
                       opt(in_place, day), opt(declined, day), "Not possible in this building" if declined else "",
                       stamp, stamp, str(resident))  # fmt: skip

        loader.copy(
            "engagement_reasonableadjustment",
            ["id", "request", "requested_on", "requested_by", "status", "agreed_on", "in_place_on", "declined_on",
             "decline_reason", "recorded_at", "updated_at", "resident_id"],
            adjustments(),
        )  # fmt: skip
        self.sequences += ["engagement_supportneed", "engagement_reasonableadjustment"]

    # Repairs and appointments ------------------------------------------------------------------
    def repairs(self, loader):
        from repairs.demo import CATEGORY_WEIGHTS, CHANNEL_WEIGHTS, DESCRIPTIONS, PRIORITY_WEIGHTS

        rng, now = self.rng, self.now
        category_of = weighted(rng, {str(k): v for k, v in CATEGORY_WEIGHTS.items()})
        damp_heavy = weighted(
            rng, {str(k): v * (3 if str(k) == "damp_mould" else 1) for k, v in CATEGORY_WEIGHTS.items()}
        )
        priority_of = weighted(rng, {str(k): v for k, v in PRIORITY_WEIGHTS.items()})
        channel_of = weighted(rng, CHANNEL_WEIGHTS)
        descriptions = {str(k): v for k, v in DESCRIPTIONS.items()}
        span = YEARS * 365 * 86400
        start = now - timedelta(seconds=span)
        appointments = Spool()
        # Completed repairs a survey after the repair may be sent about: (repair id, reference, household, completed, late).
        self.completed = []  # only those that will be asked about, to keep memory small
        window = now - timedelta(days=YEARS * 365 - 30)
        serial = 0
        working = WorkingDays(start - timedelta(days=5), now + timedelta(days=200))

        def rows():
            nonlocal serial
            for home in range(1, self.home_count + 1):
                count = rng.randint(5, 22)  # about 2.7 a year over five years
                moments = sorted(rng.random() * span for _ in range(count))
                slow = SLOW_REGIONS.get(self.region[home], 1.0) * (1.45 if self.disabled_household[home] else 1.0)
                lead = str(self.lead[home])
                by_category = {}
                for offset in moments:
                    serial += 1
                    reported = start + timedelta(seconds=offset)
                    category = damp_heavy() if self.deprived[home] else category_of()
                    priority = priority_of()
                    due = reported + timedelta(days=TARGET_DAYS[priority])
                    age = (now - reported).days
                    status, completed, cancelled, first_visit = self._outcome(rng, reported, priority, slow, age)
                    recall = by_category.get(category) if rng.random() < 0.06 * slow else None
                    by_category[category] = serial
                    hazard = "damp_mould" if category == "damp_mould" and rng.random() < 0.6 else ""
                    investigated = reported + timedelta(days=rng.uniform(1, 10) * slow) if hazard else None
                    if completed and completed > now:
                        completed = now
                    if completed and completed >= window and rng.random() < 0.25:
                        self.completed.append((serial, home, completed, completed > due))
                    self._visits(rng, appointments, serial, status, reported, completed, first_visit, slow)
                    investigated = investigated if investigated and investigated < now else None
                    taken = working.between(reported, completed) if completed else None
                    dues = working.damp_and_mould_dues(reported, investigated) if hazard else (None,) * 4
                    yield (str(serial), f"R{serial:08d}", channel_of(), category, rng.choice(descriptions[category]),
                           priority, hazard, status, cancelled, ts(reported), ts(due), opt(completed, ts),
                           opt(first_visit, lambda v: "t" if v else "f"), "", "", "", ts(reported), str(home),
                           str(home), opt(recall), lead, opt(investigated, ts), opt(taken),
                           *(opt(day, date.isoformat) for day in dues))  # fmt: skip

        loader.copy(
            "repairs_repairrequest",
            ["id", "reference", "channel", "category", "description", "priority", "hazard", "status",
             "cancellation_reason", "reported_at", "due_at", "completed_at", "completed_first_visit", "follow_on_work",
             "photo", "preventative_work_delay_reason", "created_at", "home_id", "household_id", "recall_of_id",
             "reported_by_id", "investigated_at", "working_days_to_complete", "awaab_investigation_due",
             "awaab_summary_due", "awaab_safety_due", "awaab_preventative_due"],
            rows(),
        )  # fmt: skip
        loader.copy_spool("repairs_appointment", ["id", "date", "slot", "outcome", "notes", "repair_id"], appointments)
        self.sequences += ["repairs_repairrequest", "repairs_appointment"]

    @staticmethod
    def _outcome(rng, reported, priority, slow, age):
        if age < 45 and rng.random() < (0.9 if age < 7 else 0.3):
            return rng.choice(["reported", "scheduled", "in_progress"]), None, "", None
        if rng.random() < 0.04:
            return "cancelled", None, "The resident fixed it themselves", None
        target = TARGET_DAYS[priority]
        took = target * rng.lognormvariate(-0.45, 0.55) * slow
        return "completed", reported + timedelta(days=took), "", rng.random() > 0.2 * slow

    @staticmethod
    def _visits(rng, visits, repair, status, reported, completed, first_visit, slow):
        if status in ("cancelled", "reported"):
            return
        extra = 0 if first_visit in (True, None) else rng.randint(1, 2)
        end = completed or reported + timedelta(days=10)
        slots = ("am", "pm", "all_day")
        for number in range(extra + 1):
            last = number == extra
            when = end if last else reported + timedelta(days=rng.randint(0, max(0, (end - reported).days)))
            if completed is None:
                outcome = "booked"
            elif last:
                outcome = "kept"
            else:
                outcome = "missed_by_landlord" if rng.random() < 0.25 * slow else rng.choice(["kept", "no_access"])
            visits.add((str(visits.count + 1), day(when), rng.choice(slots), outcome, "", str(repair)))

    # Surveys -----------------------------------------------------------------------------------
    def surveys(self, loader):
        from surveys import builtin, services
        from surveys.models import Question

        rng, now = self.rng, self.now
        rounds = []
        for years_ago in range(YEARS - 1, -1, -1):
            fielded = now - timedelta(days=365 * years_ago + 60)
            survey = services.survey_create(
                definition=dict(builtin.TSM_SURVEY, title=f"Tenant satisfaction survey {fielded.year}"),
                questions=builtin.TSM_QUESTIONS,
            )
            if years_ago:
                survey.closed_at = fielded + timedelta(days=50)
                survey.save(update_fields=["closed_at"])
            rounds.append((survey, fielded))
        after_repair = services.survey_create(
            definition=builtin.TRANSACTIONAL_SURVEY, questions=builtin.TRANSACTIONAL_QUESTIONS
        )
        questions = {(q.version.survey_id, q.code): q.pk for q in Question.objects.select_related("version").all()}
        versions = {s.pk: s.versions.get().pk for s, _ in rounds} | {after_repair.pk: after_repair.versions.get().pk}
        invitations, responses, answers = Spool(), Spool(), Spool()
        began = time.perf_counter()
        modes = ["online", "paper", "phone"]

        def respond(invitation, survey_id, resident, repair_reference, sent, lcho, mood, mode):
            response = responses.count + 1
            submitted = sent + timedelta(hours=rng.uniform(1, 24 * 20))
            if submitted > now:
                submitted = now
            responses.add((str(response), repair_reference, f"{rng.getrandbits(128):032x}", mode, "en-gb",
                              "LCHO" if lcho else "LCRA", ts(sent), ts(submitted), ts(submitted), "",
                              str(invitation), str(resident), str(survey_id), str(versions[survey_id]),
                              submitted.date().isoformat()))  # fmt: skip
            return response, submitted

        def scale(mood):
            roll = rng.random()
            if roll < mood:
                return SCALE[3] if roll < mood * 0.6 else SCALE[4]
            if roll < mood + 0.12:
                return SCALE[2]
            return SCALE[0] if roll < mood + 0.12 + (1 - mood - 0.12) * 0.45 else SCALE[1]

        stamp_of = ts
        # A TSM round a year, sent to four in five lead tenants.
        for survey, fielded in rounds:
            expires = ts(fielded + timedelta(days=50))
            for home in range(1, self.home_count + 1):
                if rng.random() >= 0.8:
                    continue
                resident = self.lead[home]
                invitation = invitations.count + 1
                sent = fielded + timedelta(seconds=rng.randint(0, 7 * 86400))
                channel = "letter" if resident in self.older else rng.choice(["email", "text", "letter"])
                invitations.add((str(invitation), "", NULL, *link(rng), channel, "[]", "",
                                    stamp_of(sent), expires, stamp_of(sent), str(resident), str(survey.pk)))  # fmt: skip
                if rng.random() >= self.answers_rate[resident]:
                    continue
                mood = self.mood[resident]
                mode = (
                    "phone"
                    if resident in self.interpreter
                    else ("paper" if resident in self.older else rng.choice(modes))
                )
                if mode == "phone" and resident in self.interpreter:
                    mode = "phone_interpreter"
                response, submitted = respond(invitation, survey.pk, resident, "", sent, self.lcho[home], mood, mode)
                had_repair = rng.random() < 0.7
                when = stamp_of(submitted)
                for code in TSM_QUESTIONS:
                    if code in RENTED_ONLY and self.lcho[home]:
                        continue
                    if code in ("TP02", "TP03") and not had_repair:
                        continue
                    if code == "REPAIR_12M":
                        value = "yes" if had_repair else "no"
                    elif code in WITH_DONT_KNOW and rng.random() < 0.04:
                        value = "dont_know"
                    else:
                        value = scale(mood)
                    answers.add((str(answers.count + 1), value, when, str(questions[(survey.pk, code)]), str(response)))
        # A survey after one completed repair in four; more dissatisfied when the repair was late.
        for repair, home, completed, late in self.completed:
            resident = self.lead[home]
            invitation = invitations.count + 1
            reference = f"R{repair:08d}"
            sent = completed + timedelta(hours=2)
            invitations.add((str(invitation), reference, day(completed), *link(rng), "text",
                                "[]", "", stamp_of(sent), stamp_of(sent + timedelta(days=28)), stamp_of(sent),
                                str(resident), str(after_repair.pk)))  # fmt: skip
            if rng.random() >= self.answers_rate[resident] * 0.7:
                continue
            mood = min(0.9, self.mood[resident] + (0.25 if late else 0.0))
            response, submitted = respond(
                invitation, after_repair.pk, resident, reference, sent, self.lcho[home], mood, "online"
            )
            when = stamp_of(submitted)
            answers.add(
                (
                    str(answers.count + 1),
                    scale(mood),
                    when,
                    str(questions[(after_repair.pk, "REPAIR_OVERALL")]),
                    str(response),
                )
            )
            answers.add(
                (
                    str(answers.count + 1),
                    scale(mood),
                    when,
                    str(questions[(after_repair.pk, "REPAIR_TIME")]),
                    str(response),
                )
            )
            answers.add((str(answers.count + 1), "no" if late else "yes", when, str(questions[(after_repair.pk, "REPAIR_FIRST_TIME")]), str(response)))  # fmt: skip
        del self.completed
        for spool in (invitations, responses, answers):
            spool.seconds = (time.perf_counter() - began) / 3
        loader.copy_spool(
            "surveys_invitation",
            ["id", "repair_reference", "repair_completed_on", "token_nonce", "token_hash", "channel", "formats", "interpreter_language",
             "created_at", "expires_at", "sent_at", "resident_id", "survey_id"],
            invitations,
        )  # fmt: skip
        loader.copy_spool(
            "surveys_response",
            ["id", "repair_reference", "key", "mode", "language", "tenure", "started_at", "submitted_at",
             "updated_at", "imported_from", "invitation_id", "resident_id", "survey_id", "version_id", "received_on"],
            responses,
        )  # fmt: skip
        loader.copy_spool("surveys_answer", ["id", "value", "answered_at", "question_id", "response_id"], answers)
        self.sequences += ["surveys_invitation", "surveys_response", "surveys_answer"]

    def users(self):
        from engagement.demo.users import seed_users
        from engagement.models import Resident

        return seed_users(lead_tenant=Resident.objects.get(pk=self.lead[1]))


# Thousands of surnames, not the demo's 66, so name search is measured on realistic selectivity:
# English place-name surnames (Ashford, Whitley, ...) from two parts, drawn with a long tail (a few
# common, most rare), as surnames are. Six residents in ten get one; the rest a demo name.
SURNAME_STARTS = (
    "Ash Brad Whit Hall Brook Thorn Mar Wood Hart Shel Kings Led Pen Red Stan Wel Black Green Hol Chad "
    "Dun Ers Fair Gold Hay Lang Mid Nor Ox Rad Sut Tal Wal Brom Cart Elling Hather Mos Ram Sand "
    "Ather Bar Bing Brent Cal Crom Dal Eg Farn Gar Haw Kel Lind Mel Ness Ol Pres Rom Sher Ten"
).split()
SURNAME_ENDS = (
    "ford ley ton wood field worth by ham well combe den shaw stone bridge cliffe hurst more wick land gate "
    "thorpe dale ridge croft holme wright man ell ock er ing ington stead brook low burn bury cott ey ick ow"
).split()


def surnames(rng):
    """A function drawing one of len(STARTS) x len(ENDS) (2,400) surnames, with a long tail."""
    names = [start + end for start in SURNAME_STARTS for end in SURNAME_ENDS]
    rng.shuffle(names)
    weights = [1 / (rank + 20) for rank in range(len(names))]
    cumulative = list(itertools.accumulate(weights))
    return lambda: rng.choices(names, cum_weights=cumulative)[0]


def link(rng):
    """An invitation's (token_nonce, token_hash), as the model makes them on save (surveys/links.py)."""
    from surveys.links import hash_token, token_for

    nonce = f"{rng.getrandbits(128):032x}"
    return nonce, hash_token(token_for(nonce))


CONTACT_CHANNELS = {"home_visit": 25, "phone": 40, "email": 10, "letter": 5, "drop_in": 5, "repair_appointment": 15}
PURPOSES = ["Tenancy check", "Rent query", "Repair follow-up", "Welfare call", "Neighbour concern", "Annual visit"]
PATCH_EVERY = 300  # one home in 300 is in the demo officer's patch: 500 homes at full size


def seed_contacts(loader, world, users):
    """About seven contacts a household over five years (about 1,000,000 at 150,000 homes), by the
    demo staff, and a patch of homes for the demo officer, so the worklist, the patch view and the
    contact form are measured at size. Runs after the users exist (contacts name who made them)."""
    rng, now = world.rng, world.now
    staff = [(str(users["housing_officer"].pk), "housing_officer"), (str(users["repairs_operative"].pk), "repairs_operative"),
             (str(users["contact_centre_agent"].pk), "contact_centre")]  # fmt: skip
    channel = weighted(rng, CONTACT_CHANNELS)
    span = YEARS * 365 * 86400
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE engagement_home SET housing_officer_id = %s WHERE id %% %s = 1",
            [users["housing_officer"].pk, PATCH_EVERY],
        )
        cursor.execute("SET session_replication_role = replica")

    def rows():
        serial = 0
        for household in range(1, world.home_count + 1):
            for _ in range(rng.randint(1, 13)):
                serial += 1
                made_by, made_as = rng.choice(staff)
                when = ts(now - timedelta(seconds=rng.randrange(span)))
                resident = str(world.lead[household]) if rng.random() < 0.8 else NULL
                yield (str(serial), str(household), resident, when, channel(), made_by, made_as, rng.choice(PURPOSES),
                       "", "", "", "", NULL, "", "", when)  # fmt: skip

    loader.copy(
        "engagement_contact",
        ["id", "household_id", "resident_id", "occurred_at", "channel", "made_by_id", "made_as", "purpose", "notes",
         "can_heat_home", "cold_or_damp", "warmth_referral", "happiness", "preferences_still_right",
         "equality_outcome", "recorded_at"],
        rows(),
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = DEFAULT")
        cursor.execute("SELECT setval(pg_get_serial_sequence('engagement_contact', 'id'), (SELECT max(id) FROM engagement_contact))")  # fmt: skip
        cursor.execute("ANALYZE engagement_contact")


if __name__ == "__main__":
    main()
