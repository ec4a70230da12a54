"""The latest snapshot as CSV: one row per figure. Suppressed rows keep their labels, not their numbers.

The columns are the ones issue 7 published (readers' scripts depend on them), so the header keeps
`gap_pp` for the Figure's `gap`: in percentage points for proportions and shares, per 1,000 for
`per_1000` and in working days for `working_days` (the `unit` column says which).
"""

import csv

EXPORT_COLUMNS = [
    "metric", "dimension", "group", "region", "unit", "numerator", "denominator", "rate", "ci_low", "ci_high",
    "comparison_rate", "gap_pp", "significant", "benchmark_rate", "benchmark_source", "suppressed",
]  # fmt: skip
FIELDS = {"gap_pp": "gap"}  # a published column whose Figure field has another name


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6g}" if not value.is_integer() else str(int(value))
    return value


def write_figures_csv(snapshot, stream):
    writer = csv.writer(stream)
    writer.writerow(EXPORT_COLUMNS)
    if snapshot is None:
        return
    rows = snapshot.figures.order_by("metric", "dimension", "region", "group").values_list(
        *(FIELDS.get(column, column) for column in EXPORT_COLUMNS)
    )
    for row in rows.iterator(chunk_size=5000):
        writer.writerow([_cell(value) for value in row])
