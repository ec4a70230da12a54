"""Public figures to compare ours with: all landlords' median of a measure the Regulator publishes
(its TSM dataset, imported by `import_rsh_tsm`; `Metric.published_as`), and the rows of
inequities/data/national_benchmarks.csv for everything else.

Each row of that file names its source. Which of our figures a row sits beside is declared with
the metric, in inequities/families.py (`Metric.benchmarks`, naming the row by source, measure and
group); rows no metric names are kept for reference and for the signals. `dimension` "*" means the
everyone row of every dimension. A regional benchmark also matches the region's own row in the
region dimension.
"""

import csv
from functools import lru_cache
from pathlib import Path

import pandas as pd

from inequities import families
from inequities.metrics import ALL
from surveys import peers

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


def row(source, measure, group):
    """The one row of the file with this source, measure and group."""
    found = [r for r in rows() if (r["source"], r["measure"], r["group"]) == (source, measure, group)]
    if len(found) != 1:
        raise LookupError(f"{len(found)} rows of {DATA.name} for {source!r}, {measure!r}, {group!r}")
    return found[0]


def published_medians():
    """One row per metric the Regulator publishes for every landlord: all landlords' median for
    rented homes (LCRA) in the latest imported year, beside everyone's figure of every dimension."""
    measures = {key: metric.published_as for key, metric in families.METRICS.items() if metric.published_as}
    placements = {p.measure: p for p in peers.place_all([(code, "LCRA", None) for code in measures.values()])}
    found = []
    for key, code in measures.items():
        placement = placements.get(code)
        if placement is None or not placement.everyone.summarised:
            continue
        source = (f"{placement.source}: median of {placement.everyone.landlords} landlords' {code}, "
                  "rented homes (LCRA)")  # fmt: skip
        found.append({"metric": key, "dimension": "*", "group": ALL, "region": ALL,
                      "benchmark_rate": placement.everyone.median, "benchmark_source": source})  # fmt: skip
    return found


def matches():
    """One row per figure key a benchmark applies to: metric, dimension, group, region, benchmark."""
    found = published_medians()
    for key, metric in families.METRICS.items():
        for benchmark in metric.benchmarks:
            public = row(benchmark.source, benchmark.measure, benchmark.row_group)
            entry = {"benchmark_rate": float(public["value_pct"]) / 100, "benchmark_source": source_text(public)}
            found.append({"metric": key, "dimension": benchmark.dimension, "group": benchmark.group,
                          "region": benchmark.region, **entry})  # fmt: skip
            if benchmark.region != ALL:
                found.append({"metric": key, "dimension": REGION_DIMENSION, "group": benchmark.region,
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
    for public in rows():
        if public["source"] == source and public["measure"] == measure and public["group"] == group:
            return float(public["value_pct"]) / 100, source_text(public)
    return None
