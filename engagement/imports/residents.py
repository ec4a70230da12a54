"""import_residents: residents and their tenancies, matched on the landlord's person reference.

A tenancy (household) is created the first time its reference appears; its home must already
exist (import homes first).
"""

from datetime import date

from django.core.exceptions import ValidationError

from core.imports import CsvImport, Problem
from core.imports.cells import BadValue, a_date, required_text, yes_no
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
    """Details given in the file replace those held (from the housing system, confirmed on import day);
    a blank cell or a missing column leaves what is held alone."""
    today = date.today()
    residents = {values["resident_reference"]: pk for values, _household, pk in rows}
    residents.update(Resident.objects.pks_by_reference(residents))
    held = {d.resident_id: d for d in ContactDetails.objects.filter(resident_id__in=residents.values())}
    creates, updates = [], []
    for values, _household, _pk in rows:
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
        households = {
            h.tenancy_reference: h
            for h in Household.objects.only("pk", "tenancy_reference", "home_id", "tenancy_start")
        }
        residents = Resident.objects.pks_by_reference()
        tenancy_lines, new_households = {}, {}
        rows = []
        for line, values in parsed:
            ref = values["resident_reference"]
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
            tenancy = values["tenancy_reference"]
            household = households.get(tenancy) or new_households.get(tenancy)
            if household is None:
                household = Household(
                    home_id=home_pk,
                    tenancy_reference=tenancy,
                    tenancy_start=values["tenancy_start"],
                    tenancy_end=values["tenancy_end"],
                )
                new_households[tenancy] = household
                tenancy_lines[tenancy] = line
            elif household.home_id != home_pk:
                where = f"line {tenancy_lines[tenancy]}" if tenancy in tenancy_lines else "the existing records"
                problems.append(
                    Problem(line, "property_reference", f"Tenancy {tenancy} is for a different home in {where}.")
                )
                continue
            rows.append((values, household, residents.get(ref)))
        return (list(new_households.values()), rows), problems

    def write(self, plan):
        new_households, rows = plan
        Household.objects.bulk_create(new_households, batch_size=BATCH)
        creates, updates = [], []
        for values, household, pk in rows:
            resident = Resident(
                pk=pk,
                reference=values["resident_reference"],
                household=household,
                first_name=values["first_name"],
                last_name=values["last_name"],
                date_of_birth=values["date_of_birth"],
                is_lead_tenant=values["lead_tenant"],
            )
            (updates if pk else creates).append(resident)
        Resident.objects.bulk_create(creates, batch_size=BATCH)
        Resident.objects.bulk_update(
            updates, ["household", "first_name", "last_name", "date_of_birth", "is_lead_tenant"], batch_size=BATCH
        )
        _save_contact_details(rows)
        return f"Imported residents: {len(creates)} added, {len(updates)} updated, {len(new_households)} new tenancies."
