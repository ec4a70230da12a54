#!/bin/sh
# Build the default demo into a fresh SQLite database and print its published figures, so two
# checkouts can be compared byte for byte (issue 25: behaviour unchanged by a refactor):
#   scripts/demo_figures.sh > /tmp/before.txt   (on main)
#   scripts/demo_figures.sh > /tmp/after.txt    (on the branch)
#   diff /tmp/before.txt /tmp/after.txt
# Run both on the same day: the demo is dated from today.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DEBUG=1 DATABASE_URL="sqlite:///$work/demo.sqlite3"
python=${PYTHON:-.venv/bin/python}
$python manage.py migrate --verbosity 0 >&2
$python manage.py seed_demo >&2
$python manage.py export_inequities "$work/figures.csv" >&2
echo "== published figures (export_inequities)"
cat "$work/figures.csv"
echo "== every figure and signal of the snapshot"
$python manage.py shell -c '
from inequities.models import Figure, Signal, Snapshot
s = Snapshot.objects.get()
print(s.period_start, s.period_end, s.min_denominator, s.max_small, s.shown_digest)
for f in Figure.objects.filter(snapshot=s).order_by("metric", "dimension", "region", "group"):
    print(f.metric, f.dimension, f.region, f.group, f.unit, f.numerator, f.denominator, f.rate,
          f.ci_low, f.ci_high, f.comparison_rate, f.gap, f.gap_low, f.gap_high, f.significant,
          f.benchmark_rate, f.suppressed, sep="|")
for g in Signal.objects.filter(snapshot=s).order_by("kind", "metric", "dimension", "group", "region"):
    print(g.kind, g.metric, g.dimension, g.group, g.region, g.statement, g.suggestion, sep="|")
'
