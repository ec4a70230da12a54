"""import_homes: the landlord's homes, matched on property reference (new ones added, others updated,
the same ones left alone)."""

from core.imports import CsvImport, Problem
from core.imports.cells import (
    choice,
    lsoa_code,
    optional_text,
    postcode,
    required_text,
    uprn,
    yes_no_or_blank,
)
from core.imports.changes import Changes, Kept
from engagement.models import Home, Region, SchemeType


def region_code(raw):
    return required_text(9)(raw)


class HomesImport(CsvImport):
    required_columns = ("property_reference", "address_line_1", "town", "postcode", "region_code", "local_authority")
    optional_columns = ("uprn", "address_line_2", "lsoa_code", "scheme_type", "has_communal_areas", "housing_officer",
                         "block_reference")  # fmt: skip
    unique_columns = ("property_reference",)

    def __init__(self, **options):
        super().__init__(**options)
        self.fields = {
            "property_reference": required_text(30),
            "uprn": uprn,
            "address_line_1": required_text(120),
            "address_line_2": optional_text(120),
            "town": required_text(60),
            "postcode": postcode,
            "region_code": region_code,
            "local_authority": required_text(60),
            "lsoa_code": lsoa_code(required=False),
            "scheme_type": choice(SchemeType.choices, default=SchemeType.GENERAL_NEEDS),
            "has_communal_areas": yes_no_or_blank,
            "housing_officer": optional_text(150),
            "block_reference": optional_text(30),
        }
        self.regions = {region.code: region for region in Region.objects.all()}
        self.officers = housing_officers_by_username()

    def plan(self, parsed):
        problems = []
        existing = Home.objects.pks_by_reference()
        uprn_owner = {u: ref for ref, u in Home.objects.exclude(uprn=None).values_list("property_reference", "uprn")}
        seen_uprns = {}
        rows = {}
        for line, values in parsed:
            ref = values["property_reference"]
            region = self.regions.get(values["region_code"].upper())
            if region is None:
                problems.append(
                    Problem(
                        line,
                        "region_code",
                        f"“{values['region_code']}” is not an English region code (E12000001 to E12000009).",
                    )
                )
                continue
            number = values["uprn"]
            if number:
                if number in seen_uprns:
                    problems.append(Problem(line, "uprn", f"UPRN {number} is already on line {seen_uprns[number]}."))
                    continue
                seen_uprns[number] = line
                owner = uprn_owner.get(number)
                if owner is not None and owner != ref:
                    problems.append(Problem(line, "uprn", f"UPRN {number} already belongs to home {owner}."))
                    continue
            officer = values["housing_officer"]
            if officer and officer not in self.officers:
                problems.append(
                    Problem(line, "housing_officer", f"“{officer}” is not the username of a housing officer.")
                )
                continue
            home = {column: values[column] for column in FIELDS}
            home["region_id"] = region.pk
            # Blank keeps the home's officer (none for a new home): the file moves homes, never clears them.
            home["housing_officer_id"] = self.officers[officer] if officer else None
            if not officer and ref in existing:
                del home["housing_officer_id"]
            rows[(ref,)] = home
        # A home held already keeps what the file does not give: a column left out, a blank officer.
        keep = [name for name in (*FIELDS, *COLUMN_OF) if not self.in_file(COLUMN_OF.get(name, name))]
        return KEPT.compare(rows, keep=keep) if not problems else None, problems

    def changes(self, comparison):
        return Changes([comparison.tally()])

    def write(self, comparison):
        KEPT.create(comparison)
        KEPT.update(comparison)


# The fields the file sets straight from a column of the same name.
FIELDS = ("uprn", "address_line_1", "address_line_2", "town", "postcode", "local_authority", "lsoa_code",
          "scheme_type", "has_communal_areas", "block_reference")  # fmt: skip
COLUMN_OF = {"region_id": "region_code", "housing_officer_id": "housing_officer"}
# Homes are matched on property reference; a home never ends here (it leaves the file, not the record).
KEPT = Kept(Home, ("property_reference",), "homes")


def housing_officers_by_username():
    """username -> user id, for the `housing_officer` column (a patch is a housing officer's)."""
    from django.contrib.auth import get_user_model

    from core.roles import HOUSING_OFFICER

    users = get_user_model().objects.filter(groups__name=HOUSING_OFFICER.name, is_active=True)
    return dict(users.values_list("username", "pk"))
