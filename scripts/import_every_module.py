#!/usr/bin/env python
"""Import every module of the product, to prove an install from requirements.txt alone runs it.

    python scripts/import_every_module.py

.ci/run calls it with a throwaway virtualenv built from requirements.txt only (not
requirements-dev.txt), so a product module importing a package that only the tests install (scipy,
once) fails CI. Every module of the product's packages is imported, migrations and management
commands included, after django.setup(); tests and scripts are not product code. Exits non-zero,
naming each module that failed and why.
"""

import importlib
import os
import pkgutil
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The product's packages, in the order of the floors (docs/architecture.md).
PACKAGES = ["config", "core", "engagement", "repairs", "surveys", "inequities", "desk"]


def product_modules():
    for package in PACKAGES:
        yield package
        for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
            yield info.name


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")  # settings need a SECRET_KEY otherwise; nothing is served
    started = time.perf_counter()
    import django

    django.setup()
    failed, count = [], 0
    for name in product_modules():
        count += 1
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - every failure is reported, then the exit code says so
            failed.append((name, traceback.format_exc(limit=1).strip().splitlines()[-1]))
    took = time.perf_counter() - started
    for name, reason in failed:
        print(f"cannot import {name}: {reason}", file=sys.stderr)
    print(f"{count - len(failed)} of {count} product modules imported in {took:.1f} s ({sys.executable})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
