#!/usr/bin/env bash
# Every test, as `make test` and CI run it. Extra arguments go to both pytest runs.
#
# 1. Tests marked `serial` run alone first: they kill database connections or count a queue
#    other tests write to.
# 2. Everything else runs on TEST_WORKERS processes (pytest-xdist, default 2), each with its own
#    test database, and prints the 25 slowest tests.
# pytest's exit code 5 ("no test selected") is not a failure for one run, only for both.
set -uo pipefail
cd "$(dirname "$0")/.."

.venv/bin/python -m pytest -p no:xdist -m serial --durations=5 -rs "$@"
serial=$?
.venv/bin/python -m pytest -n "${TEST_WORKERS:-2}" --dist loadgroup -m "not serial" --durations=25 -rs "$@"
parallel=$?

if [ "$serial" -eq 5 ] && [ "$parallel" -eq 5 ]; then
  echo "No test ran." >&2
  exit 5
fi
for code in "$serial" "$parallel"; do
  if [ "$code" -ne 0 ] && [ "$code" -ne 5 ]; then
    exit "$code"
  fi
done
exit 0
