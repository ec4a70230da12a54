"""import_imd: the English Indices of Deprivation file (File 7, "all ranks, deciles and scores").

Reads the LSOA code, the overall IMD decile and the crime-domain decile, and updates every home
in that neighbourhood. The official file has dozens of other columns; they are ignored. Both the
2019 release (LSOA 2011 codes) and the 2025 release (LSOA 2021 codes) are accepted.
"""

from core.imports import CsvImport, Problem
from core.imports.cells import decile, lsoa_code
from engagement.models import Home

LSOA_COLUMNS = ("LSOA code (2021)", "LSOA code (2011)")
IMD_DECILE = "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)"
CRIME_DECILE = "Crime Decile (where 1 is most deprived 10% of LSOAs)"


class ImdImport(CsvImport):
    allow_other_columns = True

    def known_columns(self):
        return [*LSOA_COLUMNS, IMD_DECILE, CRIME_DECILE]

    def check_header(self, header):
        problems = []
        self.lsoa_column = next((name for name in LSOA_COLUMNS if name in header), None)
        if self.lsoa_column is None:
            problems.append(Problem(1, LSOA_COLUMNS[0], f"This column is missing (or “{LSOA_COLUMNS[1]}”)."))
        for name in (IMD_DECILE, CRIME_DECILE):
            if name not in header:
                problems.append(Problem(1, name, "This column is missing."))
        self.fields = {self.lsoa_column: lsoa_code(required=True), IMD_DECILE: decile, CRIME_DECILE: decile}
        return header, problems

    def plan(self, parsed):
        problems, deciles, seen = [], {}, {}
        for line, values in parsed:
            code = values[self.lsoa_column]
            if code in seen:
                problems.append(Problem(line, self.lsoa_column, f"{code} is already on line {seen[code]}."))
                continue
            seen[code] = line
            deciles[code] = (values[IMD_DECILE], values[CRIME_DECILE])
        return deciles, problems

    def write(self, deciles):
        homes = list(Home.objects.exclude(lsoa_code="").only("pk", "lsoa_code", "imd_decile", "crime_decile"))
        changed, missing = [], set()
        for home in homes:
            found = deciles.get(home.lsoa_code)
            if found is None:
                missing.add(home.lsoa_code)
                continue
            home.imd_decile, home.crime_decile = found
            changed.append(home)
        Home.objects.bulk_update(changed, ["imd_decile", "crime_decile"], batch_size=2000)
        summary = f"Updated the deprivation deciles of {len(changed)} homes."
        if missing:
            summary += f" {len(missing)} neighbourhoods of our homes are not in the file; their homes are unchanged."
        return summary
