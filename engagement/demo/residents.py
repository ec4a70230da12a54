"""Builds the demo landlord's homes, households and residents with bulk inserts."""

from datetime import date, timedelta

from core.languages import code_of
from engagement.demo import people, places, profiles
from engagement.equality import NOT_ASKED, PREFER_NOT_TO_SAY, ethnic_group
from engagement.models import EqualityProfile, Home, Household, Region, Resident


def pick(rng, weights):
    """One key of `weights` (a dict of key -> relative weight)."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def seed_homes(rng, count):
    regions = {region.name: region for region in Region.objects.all()}
    lsoas = _lsoa_pool(rng)
    homes = []
    for number in range(1, count + 1):
        region_name = pick(rng, places.REGION_WEIGHTS)
        authority, town, district = rng.choice(places.AREAS[region_name])
        lsoa_code, imd_decile, crime_decile = rng.choice(lsoas[authority])
        street = rng.choice(places.STREETS)
        in_block = street in places.FLAT_BLOCKS
        scheme = pick(rng, places.SCHEME_WEIGHTS)
        homes.append(
            Home(
                property_reference=f"PR{number:06d}",
                uprn=str(100000000000 + number * 7919),
                address_line_1=f"Flat {rng.randint(1, 60)}, {street}"
                if in_block
                else f"{rng.randint(1, 220)} {street}",
                town=town,
                postcode=f"{district} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                region=regions[region_name],
                local_authority=authority,
                lsoa_code=lsoa_code,
                imd_decile=imd_decile,
                crime_decile=crime_decile,
                scheme_type=scheme,
                has_communal_areas=in_block or scheme in ("supported", "older_people"),
            )
        )
    return Home.objects.bulk_create(homes, batch_size=2000)


def _lsoa_pool(rng):
    """Thirty neighbourhoods (LSOAs) per local authority, each with a deprivation and crime decile."""
    pool = {}
    serial = 10000
    for areas in places.AREAS.values():
        for authority, _town, _district in areas:
            pool[authority] = []
            for _ in range(30):
                serial += 1
                imd = rng.choices(range(1, 11), weights=places.IMD_DECILE_WEIGHTS)[0]
                crime = min(10, max(1, imd + rng.randint(-2, 2)))
                pool[authority].append((f"E01{serial:06d}", imd, crime))
    return pool


def seed_households(rng, homes, today):
    households = []
    for home in homes:
        start = today - timedelta(days=rng.randint(30, 40 * 365))
        households.append(
            Household(home=home, tenancy_reference=f"T{home.property_reference[2:]}-1", tenancy_start=start)
        )
    return Household.objects.bulk_create(households, batch_size=2000)


def seed_residents(rng, households, today):
    residents, profiles = [], []
    for household in households:
        home = household.home
        size = pick(rng, people.HOUSEHOLD_SIZES)
        ethnicity = _ethnicity(rng, home.region.name)
        name_group = _name_group(ethnicity, rng)
        family = rng.choice(people.LAST_NAMES[name_group])
        for position in range(size):
            age = _age(rng, home.scheme_type, position)
            resident = Resident(
                household=household,
                first_name=rng.choice(people.FIRST_NAMES[name_group]),
                last_name=family,
                date_of_birth=_birthday(rng, today, age),
                is_lead_tenant=position == 0,
            )
            residents.append(resident)
            profiles.append(
                (
                    resident,
                    ethnicity if position == 0 or rng.random() < 0.85 else _ethnicity(rng, home.region.name),
                    age,
                )
            )
    Resident.objects.bulk_create(residents, batch_size=2000)
    EqualityProfile.objects.bulk_create(
        [_profile(rng, resident, ethnicity, age, today) for resident, ethnicity, age in profiles], batch_size=2000
    )
    return residents


def _ethnicity(rng, region_name):
    roll = rng.random()
    if roll < people.PREFER_NOT_SHARE:
        return PREFER_NOT_TO_SAY
    if roll < people.PREFER_NOT_SHARE + people.NOT_ASKED_SHARE:
        return NOT_ASKED
    table = people.ETHNICITY_LONDON if region_name == "London" else people.ETHNICITY_ELSEWHERE
    return pick(rng, table)


def _name_group(ethnicity, rng):
    group = ethnic_group(ethnicity)
    if group in people.FIRST_NAMES:
        return group
    return rng.choice(list(people.FIRST_NAMES))


def _age(rng, scheme_type, position):
    if scheme_type == "older_people":
        return rng.randint(60, 94)
    if position >= 2:
        return rng.randint(18, 30)  # a grown-up son or daughter on the tenancy
    return min(95, max(18, int(rng.triangular(18, 95, 45))))


def _birthday(rng, today, age):
    return today - timedelta(days=age * 365 + rng.randint(0, 364))


def _profile(rng, resident, ethnicity, age, today):
    language, interpreter = _language(rng, ethnicity)
    disability = _disability(rng, age)
    extra = profiles.extra_answers(rng, ethnicity, today)
    if not extra and (disability != NOT_ASKED or language):
        # Some answers but no others recorded: consent was still taken for the ones we have.
        extra = {"consent_method": "phone", "consent_given_on": today - timedelta(days=rng.randint(10, 900))}
    return EqualityProfile(
        resident=resident,
        ethnicity=ethnicity,
        disability=disability,
        main_language=code_of(language) if language else "",
        interpreter_needed=interpreter,
        **extra,
    )


def _disability(rng, age):
    roll = rng.random()
    if roll < people.DISABILITY_NOT_ASKED:
        return NOT_ASKED
    if roll < people.DISABILITY_NOT_ASKED + people.DISABILITY_PREFER_NOT:
        return PREFER_NOT_TO_SAY
    chance = next(share for upper, share in people.DISABILITY_BY_AGE if age < upper)
    return "yes" if rng.random() < chance else "no"


def _language(rng, ethnicity):
    if ethnicity == NOT_ASKED:
        return "", NOT_ASKED
    for language, share in people.OTHER_LANGUAGES.get(ethnicity, []):
        if rng.random() < share:
            needs = rng.random() < people.INTERPRETER_SHARE_OF_OTHER_LANGUAGE
            return language, "yes" if needs else "no"
    return "English", "no"


def today_for_demo():
    return date.today()
