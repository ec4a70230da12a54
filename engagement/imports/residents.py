"""import_residents: residents and their tenancies, matched on the landlord's person reference.

A tenancy (household) is created the first time its reference appears; its home must already
exist (import homes first). Run again, the file updates each tenancy and resident by reference,
ends a tenancy when it gives its end date, and moves a resident to the tenancy it gives them.
"""

from datetime import date

from django.core.exceptions import ValidationError

from core.imports import CsvImport, Problem
from core.imports.cells import BadValue, a_date, required_text, yes_no
from core.imports.changes import Changes, Kept
from engagement import contact_details
from engagement.models import ContactDetails, DetailSource, Home, Household, Resident

BATCH = 2000
# Optional: each resident's email address, mobile and landline, checked as on the resident page.
CONTACT_COLUMNS = {
    "email": contact_details.email_address,
    "mobile_phone": contact_details.mobile_number,
    "landline_phone": contact_details.landline_number,
}
SOURCE_OF = {"email": "email_source", "mobile_phone": "mobile_source", "landline_phone": "landline_source"}
CONFIRMED_OF = {
    "email": "email_confirmed_on",
    "mobile_phone": "mobile_confirmed_on",
    "landline_phone": "landline_confirmed_on",
}


def _contact_detail(check):
    def parse(raw):
        try:
            return check(raw)
        except ValidationError as error:
            raise BadValue(" ".join(error.messages)) from error

    return parse


def _save_contact_details(rows):
    """Details given in the file (`rows`: the values of the lines giving any) replace those held (from
    the housing system, confirmed on import day); a blank cell or a missing column leaves what is held alone."""
    if not rows:
        return
    today = date.today()
    residents = Resident.objects.pks_by_reference([values["resident_reference"] for values in rows])
    held = {d.resident_id: d for d in ContactDetails.objects.filter(resident_id__in=residents.values())}
    creates, updates = [], []
    for values in rows:
        given = {column: values.get(column) for column in CONTACT_COLUMNS if values.get(column)}
        if not given:
            continue
        resident_pk = residents[values["resident_reference"]]
        details = held.get(resident_pk) or ContactDetails(resident_id=resident_pk)
        for column, value in given.items():
            setattr(details, column, value)
            setattr(details, SOURCE_OF[column], DetailSource.IMPORT)
            setattr(details, CONFIRMED_OF[column], today)
        (updates if details.pk else creates).append(details)
    ContactDetails.objects.bulk_create(creates, batch_size=BATCH)
    fields = [*CONTACT_COLUMNS, *SOURCE_OF.values(), *CONFIRMED_OF.values()]
    ContactDetails.objects.bulk_update(updates, fields, batch_size=BATCH)


class ResidentsImport(CsvImport):
    required_columns = (
        "resident_reference",
        "tenancy_reference",
        "property_reference",
        "tenancy_start",
        "first_name",
        "last_name",
    )
    optional_columns = ("tenancy_end", "date_of_birth", "lead_tenant", *CONTACT_COLUMNS)
    unique_columns = ("resident_reference",)

    def __init__(self, **options):
        super().__init__(**options)
        self.fields = {
            "resident_reference": required_text(30),
            "tenancy_reference": required_text(30),
            "property_reference": required_text(30),
            "tenancy_start": a_date(required=True),
            "tenancy_end": a_date(required=False),
            "first_name": required_text(60),
            "last_name": required_text(60),
            "date_of_birth": a_date(required=False, not_in_future=True),
            "lead_tenant": yes_no,
            **{column: _contact_detail(check) for column, check in CONTACT_COLUMNS.items()},
        }

    def parse_row(self, line, row):
        values, problems = super().parse_row(line, row)
        start, end = values.get("tenancy_start"), values.get("tenancy_end")
        if start and end and end < start:
            problems.append(Problem(line, "tenancy_end", f"The tenancy ends ({end}) before it starts ({start})."))
        return values, problems

    def plan(self, parsed):
        problems = []
        homes = Home.objects.pks_by_reference()
        held_homes = dict(Household.objects.values_list("tenancy_reference", "home_id"))
        tenancies, tenancy_lines, residents = {}, {}, {}
        for line, values in parsed:
            tenancy = values["tenancy_reference"]
            home_pk = homes.get(values["property_reference"])
            if home_pk is None:
                problems.append(
                    Problem(
                        line,
                        "property_reference",
                        f"No home has the property reference {values['property_reference']}: import homes first.",
                    )
                )
                continue
            if held_homes.get(tenancy, home_pk) != home_pk:
                problems.append(
                    Problem(
                        line,
                        "property_reference",
                        f"Tenancy {tenancy} is for a different home in the existing records.",
                    )
                )
                continue
            given = {"home_id": home_pk, "tenancy_start": values["tenancy_start"]}
            if self.in_file("tenancy_end"):
                given["tenancy_end"] = values["tenancy_end"]
            first = tenancies.setdefault(tenancy, given)
            if first is not given:
                problems += _differs(line, tenancy, tenancy_lines[tenancy], first, given)
                continue
            tenancy_lines[tenancy] = line
        for _line, values in parsed:
            person = {"household_id": values["tenancy_reference"], "first_name": values["first_name"],
                      "last_name": values["last_name"]}  # fmt: skip
            for column, name in (("date_of_birth", "date_of_birth"), ("lead_tenant", "is_lead_tenant")):
                if self.in_file(column):
                    person[name] = values[column]
            residents[(values["resident_reference"],)] = person
        if problems:
            return None, problems
        households = TENANCIES.compare({(ref,): given for ref, given in tenancies.items()})
        pks = {key[0]: pk for key, pk in households.pks.items()}
        new = {key[0]: Household(tenancy_reference=key[0], **given) for key, given in households.added}
        for person in residents.values():
            person["household_id"] = pks.get(person["household_id"]) or new[person["household_id"]]
        contacts = [values for _line, values in parsed if any(values.get(column) for column in CONTACT_COLUMNS)]
        return (households, new, RESIDENTS.compare(residents), contacts), problems

    def changes(self, plan):
        households, _new, residents, _contacts = plan
        return Changes([residents.tally(), households.tally()])

    def write(self, plan):
        households, new, residents, contacts = plan
        TENANCIES.create(households, build=lambda key, _given: new[key[0]], batch_size=BATCH)
        TENANCIES.update(households)
        RESIDENTS.create(residents, batch_size=BATCH)
        RESIDENTS.update(residents)
        _save_contact_details(contacts)


def _differs(line, tenancy, first_line, first, given):
    """Problems where a later line of a tenancy disagrees with its first line."""
    if first["home_id"] != given["home_id"]:
        yield Problem(line, "property_reference", f"Tenancy {tenancy} is for a different home in line {first_line}.")
        return
    for column in ("tenancy_start", "tenancy_end"):
        if first.get(column) != given.get(column):
            yield Problem(line, column, f"Tenancy {tenancy} has a different {column} on line {first_line}.")


# A tenancy is matched on its reference and ended when the file first gives its end date; a
# resident is matched on their person reference, and moves with the tenancy the file gives them.
TENANCIES = Kept(
    Household,
    ("tenancy_reference",),
    "tenancies",
    ends=lambda before, after: before["tenancy_end"] is None and after["tenancy_end"] is not None,
    ends_on=("tenancy_end",),
)
RESIDENTS = Kept(Resident, ("reference",), "residents")
