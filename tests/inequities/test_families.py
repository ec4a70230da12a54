"""The registry of metric families (inequities/families.py): every family complete, every stage
reading it, metric keys written nowhere else, and a new family added by one declaration."""

import ast
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from inequities import benchmarks, dashboards, families, labels, services, shapes, signals
from inequities.families import PROPORTION, REPAIRS, UNITS, Family, Metric

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "inequities"
# String literals equal to a metric key that are not metric keys: a column of share_of_voice's
# frame, and a signal kind (stored choices, with their migration).
NOT_METRIC_KEYS = {
    ("inequities/metrics.py", "residents"),
    ("inequities/models.py", "security_repairs"),
    ("inequities/migrations/0001_initial.py", "security_repairs"),
}


def test_every_family_has_a_query_a_shape_a_unit_and_metrics_with_words():
    assert len({family.name for family in families.FAMILIES}) == len(families.FAMILIES)
    for family in families.FAMILIES:
        assert family.unit in UNITS, family.name
        assert callable(family.query) and family.query.__module__ == "inequities.extract", family.name
        assert callable(family.shape) and family.shape.__module__ == "inequities.shapes", family.name
        assert family.metrics and family.counts, family.name
        for metric in family.metrics:
            for words in (metric.label, metric.value, metric.phrase, metric.numerator, metric.denominator):
                assert str(words).strip(), (metric.key, words)
            assert labels.metric(metric.key) is metric
            # A metric with a numerator column names one its query returns, beside the denominator.
            if metric.count:
                assert {metric.count, family.denominator or metric.count} <= set(family.counts), metric.key


def test_every_family_is_shown_on_a_page_and_every_page_is_a_dashboard():
    slugs = {dashboard.slug for dashboard in dashboards.DASHBOARDS}
    for family in families.FAMILIES:
        pages = {page for metric in family.metrics for page in metric.pages}
        assert pages <= slugs, family.name
        if family is families.POPULATION:  # the silences page's table of residents never asked
            assert not pages and dashboards.BY_SLUG[families.SILENCES].not_asked
        else:
            assert pages, family.name
    for dashboard in dashboards.DASHBOARDS:
        assert dashboard.metrics, dashboard.slug
    assert dashboards.BY_SLUG[families.DISSATISFACTION].metrics == (
        "tp01_dissatisfied", "tp02_dissatisfied", "tp03_dissatisfied", "tp04_dissatisfied",
        "repair_overall_dissatisfied",
    )  # fmt: skip


@pytest.mark.django_db
def test_every_benchmark_names_one_row_of_the_public_figures_and_every_row_names_no_metric():
    assert set(benchmarks.rows()[0]) == {
        "source", "year", "measure", "population", "group_dimension", "group", "value_pct", "note",
    }  # fmt: skip
    declared = [b for metric in families.METRICS.values() for b in metric.benchmarks]
    assert len(declared) == 12
    for benchmark in declared:
        assert benchmarks.row(benchmark.source, benchmark.measure, benchmark.row_group)["value_pct"]
    # Regional rows also sit beside the region's own row in the region dimension. No Regulator's
    # dataset is imported here, so no published median joins them.
    assert len(benchmarks.matches()) == 12 + sum(b.region != "all" for b in declared)


def test_the_regulators_published_measures_replace_the_typed_headline_figures():
    """The headline report's landlord medians are gone from the typed file: each satisfied measure
    the Regulator publishes for every landlord takes its median from the imported dataset."""
    assert [r["measure"] for r in benchmarks.rows() if r["source"] == "RSH TSM headline report"] == [
        "overall satisfaction (TP01) - dissatisfied"  # tenant-weighted: the dataset has no such figure
    ]
    assert {key: m.published_as for key, m in families.METRICS.items() if m.published_as} == {
        "tp01_satisfied": "TP01", "tp02_satisfied": "TP02", "tp03_satisfied": "TP03", "tp04_satisfied": "TP04",
    }  # fmt: skip


def test_signals_name_the_topic_each_survey_measure_declares():
    assert signals.DISSATISFACTION == {
        "tp01_dissatisfied": "the service overall",
        "tp02_dissatisfied": "the repairs service",
        "tp03_dissatisfied": "the time repairs take",
        "tp04_dissatisfied": "how well their home is maintained",
        "repair_overall_dissatisfied": "their most recent repair",
    }


def _literals(path):
    """Every plain string literal in a Python file (f-strings' constant parts included)."""
    return {node.value for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Constant)
            and isinstance(node.value, str)}  # fmt: skip


def test_metric_keys_are_written_in_the_registry_only():
    keys = set(families.METRICS)
    found = []
    for path in sorted(ENGINE.rglob("*.py")):
        name = str(path.relative_to(ROOT))
        if path.name == "families.py":
            continue
        for literal in _literals(path) & keys:
            if (name, literal) not in NOT_METRIC_KEYS:
                found.append((name, literal))
    for path in [*ENGINE.rglob("*.html"), ROOT / "bench" / "recompute.py", ROOT / "bench" / "recompute_floor.sql"]:
        text = path.read_text()
        found += [(str(path.relative_to(ROOT)), key) for key in keys - {"residents"} if re.search(rf"\b{key}\b", text)]
    assert found == []


def test_the_figures_export_keeps_the_published_gap_column():
    from inequities.exports import EXPORT_COLUMNS, FIELDS
    from inequities.models import Figure

    assert "gap_pp" in EXPORT_COLUMNS and FIELDS["gap_pp"] == "gap"
    fields = {field.name for field in Figure._meta.fields}
    assert {"gap", "gap_low", "gap_high"} <= fields and not {"gap_pp", "gap_low_pp", "gap_high_pp"} & fields


WIDGETS = Family(
    "widgets",
    lambda start, end, today: pd.DataFrame(
        [("disability", "yes", "London", 40, 30), ("disability", "no", "London", 60, 30)],
        columns=["dimension", "group", "region", "reported", "fixed"],
    ),
    shapes.rates,
    PROPORTION,
    (
        Metric(
            "widgets_fixed",
            "Widgets fixed",
            "Fixed",
            "have a widget fixed",
            "widgets fixed",
            "widgets reported",
            pages=(REPAIRS,),
            count="fixed",
        ),
    ),  # fmt: skip
    denominator="reported",
    counts=("reported", "fixed"),
)


@pytest.mark.django_db
def test_a_new_family_is_one_declaration(monkeypatch):
    monkeypatch.setattr(families, "FAMILIES", (*families.FAMILIES, WIDGETS))
    monkeypatch.setitem(families.METRICS, "widgets_fixed", WIDGETS.metrics[0])
    monkeypatch.setitem(families.FAMILY_OF, "widgets_fixed", WIDGETS)

    figures = services.compute(start=date(2025, 4, 1), end=date(2026, 3, 31), today=date(2026, 3, 31))

    widgets = figures[(figures["metric"] == "widgets_fixed") & (figures["region"] == "all")].set_index("group")
    assert list(widgets["unit"].unique()) == [PROPORTION]
    assert (widgets.loc["yes", "numerator"], widgets.loc["yes", "denominator"]) == (30, 40)
    assert round(widgets.loc["yes", "gap"], 4) == 25.0  # 75% against 50%, in points
    assert round(widgets.loc["all", "rate"], 4) == 0.6
    assert "widgets_fixed" in dashboards.BY_SLUG[REPAIRS].metrics
    assert labels.metric("widgets_fixed").label == "Widgets fixed"


def test_the_bench_floor_covers_every_family():
    text = (ROOT / "bench" / "recompute_floor.sql").read_text()
    assert [f.name for f in families.FAMILIES if f"SELECT '{f.name}', " not in text] == []
