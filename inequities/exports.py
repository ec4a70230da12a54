"""The latest snapshot as CSV: one row per figure. Suppressed rows keep their labels, not their numbers.

The columns are the ones issue 7 published (readers' scripts depend on them), so the header keeps
`gap_pp` for the Figure's `gap`: in percentage points for proportions and shares, per 1,000 for
`per_1000` and in working days for `working_days` (the `unit` column says which). Issue 28 added
`band`, last: `fewer` (a count of 1 to 7) or `all_but` (all but 1 to 7 of the total) for a
suppressed share shown as a band, which keeps its rounded `denominator`, its interval over the band
and its gap at the band's edge (`rate` and `numerator` stay blank); empty otherwise.
"""

import csv

from inequities.dimensions import ANSWERED, REVIEW_ONLY_KEYS

EXPORT_COLUMNS = [
    "metric", "dimension", "group", "region", "unit", "numerator", "denominator", "rate", "ci_low", "ci_high",
    "comparison_rate", "gap_pp", "significant", "benchmark_rate", "benchmark_source", "suppressed", "band",
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


def exported(snapshot):
    """The snapshot's figures an export publishes: not the representation review's own questions or
    wholes (special-category answers only that page shows, with its permission; see dimensions.published)."""
    return snapshot.figures.exclude(dimension__in=REVIEW_ONLY_KEYS).exclude(dimension__endswith=ANSWERED)


def write_figures_csv(snapshot, stream):
    """Write the export; return how many figures it holds."""
    writer = csv.writer(stream)
    writer.writerow(EXPORT_COLUMNS)
    if snapshot is None:
        return 0
    written = 0
    rows = (
        exported(snapshot)
        .order_by("metric", "dimension", "region", "group")
        .values_list(*(FIELDS.get(column, column) for column in EXPORT_COLUMNS))
    )
    for row in rows.iterator(chunk_size=5000):
        writer.writerow([_cell(value) for value in row])
        written += 1
    return written
