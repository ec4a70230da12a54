"""import_residents: residents and their tenancies, matched on the landlord's person reference.

A tenancy (household) is created the first time its reference appears; its home must already
exist (import homes first).
"""

from core.imports import CsvImport, Problem
from core.imports.cells import a_date, required_text, yes_no
from engagement.models import Home, Household, Resident

BATCH = 2000


class ResidentsImport(CsvImport):
    required_columns = (
        "resident_reference",
        "tenancy_reference",
        "property_reference",
        "tenancy_start",
        "first_name",
        "last_name",
    )
    optional_columns = ("tenancy_end", "date_of_birth", "lead_tenant")
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
        }

    def parse_row(self, line, row):
        values, problems = super().parse_row(line, row)
        start, end = values.get("tenancy_start"), values.get("tenancy_end")
        if start and end and end < start:
            problems.append(Problem(line, "tenancy_end", f"The tenancy ends ({end}) before it starts ({start})."))
        return values, problems

    def plan(self, parsed):
        problems = []
        homes = dict(Home.objects.values_list("property_reference", "pk"))
        households = {
            h.tenancy_reference: h
            for h in Household.objects.only("pk", "tenancy_reference", "home_id", "tenancy_start")
        }
        residents = dict(Resident.objects.exclude(reference=None).values_list("reference", "pk"))
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
        return f"Imported residents: {len(creates)} added, {len(updates)} updated, {len(new_households)} new tenancies."
