"""Public figures to compare ours with, from inequities/data/national_benchmarks.csv.

Each row of that file names its source. The last four columns (`metric`, `dimension`,
`figure_group`, `region`) say which of our figures it matches; rows with no metric are kept for
reference and for the signals but match no figure. `dimension` "*" means the everyone row of every
dimension. A regional benchmark also matches the region's own row in the region dimension.
"""

import csv
from functools import lru_cache
from pathlib import Path

import pandas as pd

from inequities.metrics import ALL

DATA = Path(__file__).resolve().parent / "data" / "national_benchmarks.csv"
REGION_DIMENSION = "region"


@lru_cache(maxsize=1)
def rows():
    with DATA.open(newline="", encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


def source_text(row):
    text = f"{row['source']} {row['year']}: {row['measure']}, {row['population']}"
    if row["note"].startswith("secondary"):
        text += " (secondary: read in a summary of the official release)"
    return text[:300]


def matches():
    """One row per figure key a benchmark applies to: metric, dimension, group, region, benchmark."""
    found = []
    for row in rows():
        if not row["metric"]:
            continue
        entry = {"benchmark_rate": float(row["value_pct"]) / 100, "benchmark_source": source_text(row)}
        found.append({"metric": row["metric"], "dimension": row["dimension"], "group": row["figure_group"],
                      "region": row["region"], **entry})  # fmt: skip
        if row["region"] != ALL:
            found.append({"metric": row["metric"], "dimension": REGION_DIMENSION, "group": row["region"],
                          "region": ALL, **entry})  # fmt: skip
    return pd.DataFrame(found, columns=["metric", "dimension", "group", "region", "benchmark_rate", "benchmark_source"])


def attach(figures):
    """`figures` with benchmark_rate and benchmark_source filled where a public figure matches."""
    table = matches()
    exact = table[table["dimension"] != "*"]
    anywhere = table[table["dimension"] == "*"].drop(columns="dimension")
    figures = figures.drop(columns=["benchmark_rate", "benchmark_source"], errors="ignore")
    by_exact = figures.merge(exact, on=["metric", "dimension", "group", "region"], how="left")
    by_any = figures.merge(anywhere, on=["metric", "group", "region"], how="left")
    by_exact["benchmark_rate"] = by_exact["benchmark_rate"].fillna(by_any["benchmark_rate"])
    by_exact["benchmark_source"] = by_exact["benchmark_source"].fillna(by_any["benchmark_source"]).fillna("")
    return by_exact


def value(source, measure, group):
    """One reference figure as a proportion (for the signals), or None."""
    for row in rows():
        if row["source"] == source and row["measure"] == measure and row["group"] == group:
            return float(row["value_pct"]) / 100, source_text(row)
    return None
