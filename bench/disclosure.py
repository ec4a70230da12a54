"""What disclosure control costs the picture (issue 28): the demo landlord at several sizes, each
recomputed with disclosure control and without, compared figure by figure.

    python bench/disclosure.py                     (--homes 1000 2000 5000, --seed 3)
    python bench/disclosure.py --homes 200         (the small run bench/ci.sh makes)

For each size it builds `seed_demo --homes N --seed 3` (--keep to use what the database has) and
prints:

- the share of published figures hidden;
- figures about 30 or more people hidden although their own counts are not small (a numerator,
  denominator or, for a proportion, remainder of 1 to 7): target 0;
- region totals (everyone in a region) and landlord-wide group figures (a group in all regions)
  hidden although their own counts are not small: target 0;
- of the clear gaps about 30 or more people (after the false discovery rate control, on the
  figures without disclosure control), the share shown: target 90% or more;
- how far the shown counts moved from the true ones (at most 4).

The database is DATABASE_URL (default the `bench` database); it is emptied for each size.
Exits 1 if a target is missed.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_setup  # noqa: E402

KEYS = ["metric", "dimension", "group", "region"]
ABOUT = 30  # "figures about 30 or more people"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--homes", type=int, nargs="+", default=[1000, 2000, 5000])
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="Use the landlord already in the database.")
    args = parser.parse_args()
    django_setup()
    missed = False
    for homes in args.homes:
        if not args.keep:
            _seed(homes, args.seed)
        found = measure()
        missed |= _report(homes, found)
    sys.exit(1 if missed else 0)


def _seed(homes, seed):
    from django.core.management import call_command

    began = time.monotonic()
    call_command("seed_demo", homes=homes, seed=seed, replace=True, verbosity=0)
    print(f"== {homes} homes (seed {seed}), built in {time.monotonic() - began:.0f} s")


def measure():
    """{name: figure} for the landlord in the database, this month's period."""
    import numpy as np
    from django.utils import timezone

    from core.periods import default_period
    from inequities import dimensions, disclosure, services
    from inequities.metrics import ALL

    today = timezone.localdate()
    start, end = default_period(today)
    began = time.monotonic()
    shown = services.compute(start=start, end=end, today=today)
    seconds = time.monotonic() - began
    raw = services.compute(start=start, end=end, today=today, controlled=False)
    both = raw.merge(shown, on=KEYS, suffixes=("_raw", ""), validate="one_to_one")
    both = both[both["dimension"].map(dimensions.published)]
    true = both.rename(columns={"numerator_raw": "n", "denominator_raw": "d"})[["n", "d", "unit"]]
    own_small = disclosure.small(true.rename(columns={"n": "numerator", "d": "denominator"})).to_numpy()
    size = np.where(both["denominator_raw"].isna(), both["numerator_raw"], both["denominator_raw"]).astype(float)
    hidden = both["suppressed"].astype(bool).to_numpy()
    about = size >= ABOUT
    totals = (both["group"].eq(ALL) | both["dimension"].eq("region")).to_numpy() | both["region"].eq(ALL).to_numpy()
    clear = both["significant_raw"].eq(True).to_numpy() & about
    moved = []
    for column in ("numerator", "denominator"):
        published = both[column].to_numpy(dtype=float, na_value=np.nan)
        real = both[f"{column}_raw"].to_numpy(dtype=float, na_value=np.nan)
        keep = ~hidden & ~np.isnan(published) & ~np.isnan(real)
        moved.append(np.abs(published[keep] - real[keep]))
    moved = np.concatenate(moved)
    return {
        "figures": len(both),
        "hidden": int(hidden.sum()),
        "hidden_small": int((hidden & own_small).sum()),
        "hidden_big_not_small": int((hidden & about & ~own_small).sum()),
        "totals_hidden_not_small": int((hidden & totals & ~own_small).sum()),
        "totals": int(totals.sum()),
        "clear": int(clear.sum()),
        "clear_shown": int((clear & ~hidden).sum()),
        "clear_after": int(both["significant"].eq(True).sum()),
        "clear_before": int(both["significant_raw"].eq(True).sum()),
        "counts_moved": int((moved > 0).sum()),
        "counts_shown": len(moved),
        "most_moved": float(moved.max(initial=0)),
        "seconds": seconds,
    }


def _report(homes, f):
    share = f["hidden"] / f["figures"] if f["figures"] else 0.0
    clear_share = f["clear_shown"] / f["clear"] if f["clear"] else 1.0
    print(f"homes {homes}: {f['figures']} figures")
    print(f"  hidden: {f['hidden']} ({share:.1%}), of which with a small count of their own: {f['hidden_small']}")
    print(f"  hidden, about {ABOUT}+ people, own counts not small: {f['hidden_big_not_small']} (target 0)")
    print(
        f"  region totals and landlord-wide group figures hidden, own counts not small: "
        f"{f['totals_hidden_not_small']} of {f['totals']} (target 0)"
    )
    print(
        f"  clear gaps (after the false discovery control, no disclosure control) about {ABOUT}+ people shown: "
        f"{f['clear_shown']} of {f['clear']} ({clear_share:.1%}; target at least 90%)"
    )
    print(
        f"  clear gaps in all: {f['clear_before']} without disclosure control, {f['clear_after']} with it "
        f"(judged on the rounded counts)"
    )
    print(
        f"  shown counts moved by rounding: {f['counts_moved']} of {f['counts_shown']}, "
        f"at most {f['most_moved']:.0f}; the figures with disclosure control took {f['seconds']:.1f} s to compute"
    )
    return f["hidden_big_not_small"] > 0 or f["totals_hidden_not_small"] > 0 or clear_share < 0.9


if __name__ == "__main__":
    main()
