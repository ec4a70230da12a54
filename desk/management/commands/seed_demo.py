import random
from dataclasses import dataclass
from datetime import date

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from desk import demo as contacts
from engagement.demo import contact_details, panels, profiles
from engagement.demo import residents as demo
from engagement.demo.users import DEMO_PASSWORD, USERNAMES, seed_users
from engagement.models import Home
from inequities.demo import seed_figures
from repairs.demo import seed_repairs
from repairs.demo_management import seed_management_information
from surveys.demo import seed_last_years_survey, seed_surveys
from surveys.demo_peers import seed_published_measures


class Command(BaseCommand):
    help = "Build a deterministic synthetic landlord to explore and demonstrate the service."

    def add_arguments(self, parser):
        parser.add_argument("--homes", type=int, default=2000, help="How many homes (default 2000).")
        parser.add_argument("--seed", type=int, default=1, help="The same seed always gives the same landlord.")
        parser.add_argument(
            "--replace", action="store_true", help="Empty the database first (every table, users included)."
        )

    def handle(self, *args, homes, seed, replace, **options):
        if homes < 1:
            raise CommandError("--homes must be 1 or more.")
        existing = Home.objects.count()
        if existing and not replace:
            self.stdout.write(f"The database already has {existing} homes; keeping them. Use --replace to rebuild.")
        else:
            if existing:
                # Empties every table; post_migrate then restores regions and roles.
                call_command("flush", interactive=False, verbosity=0)
            with transaction.atomic():
                summary = build(homes=homes, seed=seed)
            self.stdout.write(self.style.SUCCESS(summary))
        self.stdout.write("Demo sign-ins (the password is the same for each): " + DEMO_PASSWORD)
        for slug, username in USERNAMES.items():
            self.stdout.write(f"  {username:<10} {slug.replace('_', ' ')}")


# Each feature that brings its own demo data adds one step here: a function taking a DemoLandlord
# and returning a one-line summary. Steps run in order, in one transaction.
STEPS = [
    profiles.seed_profiles,
    contact_details.seed_contact_details,
    seed_repairs,
    seed_surveys,
    panels.seed_panels,
    contacts.seed_contacts,
    seed_management_information,
    seed_published_measures,
    seed_last_years_survey,
    seed_figures,
]


@dataclass
class DemoLandlord:
    rng: random.Random
    today: date
    homes: list
    households: list
    residents: list
    users: dict


def build(*, homes, seed):
    rng = random.Random(seed)
    today = demo.today_for_demo()
    home_rows = demo.seed_homes(rng, homes)
    households = demo.seed_households(rng, home_rows, today)
    residents = demo.seed_residents(rng, households, today)
    users = seed_users(lead_tenant=next(r for r in residents if r.is_lead_tenant))
    landlord = DemoLandlord(rng, today, home_rows, households, residents, users)
    lines = [
        f"Built a demo landlord: {len(home_rows)} homes, {len(households)} households, {len(residents)} residents."
    ]
    lines += [step(landlord) for step in STEPS]
    return "\n".join(lines)
