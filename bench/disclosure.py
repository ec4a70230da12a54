"""What disclosure control costs the picture (issue 28): the demo landlord at several sizes, each
recomputed with disclosure control and without, compared figure by figure.

    python bench/disclosure.py                     (--homes 1000 2000 5000, --seed 3)
    python bench/disclosure.py --homes 200 --held 2          (the small run bench/ci.sh makes)
    python bench/disclosure.py --homes 1000 --held 0 1 4 12  (what each held snapshot costs)

For each size it builds `seed_demo --homes N --seed 3` (--keep to use what the database has) and
prints:

- the share of published figures hidden;
- figures about 30 or more people hidden although their own counts are not small (a numerator,
  denominator or, for a proportion, remainder of 1 to 7): target 0;
- region totals (everyone in a region) and landlord-wide group figures (a group in all regions)
  hidden although their own counts are not small: target 0;
- of the clear gaps about 30 or more people (after the false discovery rate control, on the
  figures without disclosure control), the share shown: target 90% or more. A share shown as a
  band ("fewer than 8", ADR 0012) counts where its gap is called clear at the band's edge;
- how far the shown counts moved from the true ones (at most 4);
- hidden counts a reader could narrow to within ±2 (the audit's, target 0), and how many a reader
  who infers every band from the 1-to-7 rule could (ADR 0012, "What it does not cover");
- at most how many of those clear gaps two ways of showing a small count could show (`could_show`):
  any method that leaves a reader 6 or more possible values of the count (the ±2 promise), and a
  band "1 to 7" judged at its edge. Generous upper bounds, so the target can be weighed against
  the promise (docs/inequities.md, "How close a method could come").

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
    parser.add_argument(
        "--held",
        type=int,
        nargs="*",
        default=[],
        help="Also time disclosure control with this many snapshots of the period held, on a night "
        "something grew (copies of the stored one; docs/inequities.md step 6).",
    )
    args = parser.parse_args()
    django_setup()
    missed = False
    for homes in args.homes:
        if not args.keep:
            _seed(homes, args.seed)
        found = measure()
        missed |= _report(homes, found)
        for held in args.held:
            seconds = held_cost(held)
            print(f"  with {held} snapshots of the period held and something grown, the figures took {seconds:.1f} s")
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
    # A share shown as a band ("fewer than 8") shows its gap only where the band is clear.
    banded = both["band"].fillna("").ne("").to_numpy()
    band_clear = banded & both["significant"].eq(True).to_numpy()
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
        "clear_shown": int((clear & (~hidden | band_clear)).sum()),
        "clear_banded": int((clear & band_clear).sum()),
        "banded": int(banded.sum()),
        "could_show": could_show(both, clear, hidden & ~band_clear),
        "unresolved": shown.attrs.get("disclosure", {}).get("unresolved", 0),
        "by_the_rule": shown.attrs.get("disclosure", {}).get("narrowed_by_the_rule", 0),
        "clear_after": int(both["significant"].eq(True).sum()),
        "clear_before": int(both["significant_raw"].eq(True).sum()),
        "counts_moved": int((moved > 0).sum()),
        "counts_shown": len(moved),
        "most_moved": float(moved.max(initial=0)),
        "seconds": seconds,
    }


LEAST_RUN = 6  # a reader left with 5 possible values or fewer has a count within +/-2


def could_show(both, clear, hidden):
    """How many of the hidden clear gaps two ways of showing a small count could show as clear, at
    most: {"run": ..., "band": ...}.

    - "run": any publication that leaves a reader LEAST_RUN or more possible values of a small
      count (its numerator or remainder) and keeps 0 as 0: the gap must still be clear, the same
      way round, at the edge of the most favourable run of LEAST_RUN counts from 1 that holds the
      true one. No method that keeps the +/-2 promise shows more.
    - "band": the count shown as "1 to 7" (NHS England's "*", said), judged at the band's edge.

    Each is judged as the recompute judges (Benjamini-Hochberg at 5%, page by page) with every other
    comparison on its true counts and the other side of each comparison at its true value, so
    these are generous: what the product could reach with such a rule, not what it would."""
    import numpy as np

    from inequities import disclosure, findings, metrics

    n = both["numerator_raw"].to_numpy(dtype=float, na_value=np.nan)
    d = both["denominator_raw"].to_numpy(dtype=float, na_value=np.nan)
    gap = both["gap_raw"].to_numpy(dtype=float, na_value=np.nan)
    low = both["gap_low_raw"].to_numpy(dtype=float, na_value=np.nan)
    high = both["gap_high_raw"].to_numpy(dtype=float, na_value=np.nan)
    unit = both["unit"].astype(str).to_numpy()
    true = both[["numerator_raw", "denominator_raw", "unit"]].set_axis(["numerator", "denominator", "unit"], axis=1)
    small = disclosure.small(true).to_numpy()
    other = np.where(unit == "share", both["comparison_rate_raw"].to_numpy(dtype=float, na_value=np.nan), np.nan)
    other_n, other_d = _other_side(both)
    p_true = findings.p_value(gap, low, high)
    tests = both["group"].ne(metrics.ALL).to_numpy() & ~np.isnan(p_true)
    page = np.array([findings.family_of(m, g) for m, g in zip(both["metric"], both["dimension"], strict=True)])
    below = gap < 0
    events = unit == "per_1000"  # a count of events has no upper bound
    numerator_small = n <= disclosure.HIDDEN_UP_TO
    edges = {
        "run": np.where(below, np.maximum(n, LEAST_RUN), np.where(events, n, np.minimum(n, d - LEAST_RUN))),
        "band": np.where(
            numerator_small,
            np.where(below, disclosure.HIDDEN_UP_TO, 1),
            np.where(below, d - 1, d - disclosure.HIDDEN_UP_TO),
        ),
    }
    found = {}
    for name, edge in edges.items():
        estimate, at_low, at_high = _gap_at(edge, d, other, other_n, other_d, unit)
        p = np.where(small, findings.p_value(estimate, at_low, at_high), p_true)
        p = np.where(small & (np.sign(estimate) != np.sign(gap)), 1.0, p)
        judged = np.zeros(len(both), dtype=bool)
        for family in np.unique(page[tests]):
            rows = np.flatnonzero(tests & (page == family))
            judged[rows] = findings.benjamini_hochberg(np.nan_to_num(p[rows], nan=1.0))
        found[name] = int((clear & hidden & judged).sum())
    return found


def _gap_at(x, d, share, other_n, other_d, unit):
    """A gap and its 95% interval with numerator x, as the recompute works them out for the unit."""
    import numpy as np

    from inequities import metrics

    with np.errstate(divide="ignore", invalid="ignore"):
        rate, rest = x / d, other_n / other_d
        low, high = metrics.wilson_interval(x, d)
        d_low, d_high = metrics.difference_interval(x, d, other_n, other_d)
        e_low, e_high = metrics.mover_interval(
            rate, *metrics.byar_interval(x, d), rest, *metrics.byar_interval(other_n, other_d)
        )
    shares, events = unit == "share", unit == "per_1000"
    estimate = np.where(shares, rate - share, rate - rest)
    return (
        estimate,
        np.where(shares, low - share, np.where(events, e_low, d_low)),
        np.where(shares, high - share, np.where(events, e_high, d_high)),
    )


def _other_side(both):
    """Everyone's true counts less the row's own (same metric, dimension and region)."""
    import numpy as np

    from inequities.metrics import ALL

    keys = ["metric", "dimension", "region"]
    everyone = both[both["group"].eq(ALL)][[*keys, "numerator_raw", "denominator_raw"]].drop_duplicates(keys)
    merged = both[keys].merge(everyone, on=keys, how="left")
    n = both["numerator_raw"].to_numpy(dtype=float, na_value=np.nan)
    d = both["denominator_raw"].to_numpy(dtype=float, na_value=np.nan)
    return merged["numerator_raw"].to_numpy(dtype=float, na_value=np.nan) - n, merged["denominator_raw"].to_numpy(
        dtype=float, na_value=np.nan
    ) - d


def held_cost(held):
    """Seconds to compute the figures with `held` snapshots of this month's period held and audited
    with them: copies of the newest stored one, with no digests (as snapshots from before the
    digests were kept), so each is read and the quiet-night shortcut is not taken. The copies are
    deleted after."""
    from django.db import transaction
    from django.utils import timezone

    from core.periods import default_period
    from inequities import services
    from inequities.models import Figure, Snapshot

    today = timezone.localdate()
    start, end = default_period(today)
    stored = Snapshot.objects.filter(period_start=start, period_end=end).order_by("-computed_at", "-pk").first()
    with transaction.atomic():
        Snapshot.objects.filter(period_start__gte=start, period_end__lte=end).update(
            shown_digest="", growing_digest="", facts_digest=""
        )
        for _ in range(held - 1 if stored else 0):
            copy = Snapshot.objects.get(pk=stored.pk)
            copy.pk, copy.computed_at = None, timezone.now()
            copy.save()
            figures = list(Figure.objects.filter(snapshot=stored))
            for figure in figures:
                figure.pk, figure.snapshot = None, copy
            Figure.objects.bulk_create(figures, batch_size=5000)
        if held == 0:
            Snapshot.objects.filter(period_start__gte=start, period_end__lte=end).delete()
        began = time.monotonic()
        services.compute(start=start, end=end, today=today)
        seconds = time.monotonic() - began
        transaction.set_rollback(True)
    return seconds


def _report(homes, f):
    share = f["hidden"] / f["figures"] if f["figures"] else 0.0
    clear_share = f["clear_shown"] / f["clear"] if f["clear"] else 1.0
    print(f"homes {homes}: {f['figures']} figures")
    print(f"  hidden: {f['hidden']} ({share:.1%}), of which with a small count of their own: {f['hidden_small']}")
    print(f'  of those, shares shown as a band ("fewer than 8", "all but 1 to 7"): {f["banded"]}')
    print(f"  hidden, about {ABOUT}+ people, own counts not small: {f['hidden_big_not_small']} (target 0)")
    print(
        f"  region totals and landlord-wide group figures hidden, own counts not small: "
        f"{f['totals_hidden_not_small']} of {f['totals']} (target 0)"
    )
    print(
        f"  clear gaps (after the false discovery control, no disclosure control) about {ABOUT}+ people shown: "
        f"{f['clear_shown']} of {f['clear']} ({clear_share:.1%}; target at least 90%), "
        f"{f['clear_banded']} of them as a band"
    )
    for name, what in (
        ("run", f"any method leaving a reader {LEAST_RUN} or more possible values of a small count"),
        ("band", 'a small count shown as "1 to 7" and judged at the edge'),
    ):
        most = f["clear_shown"] + f["could_show"][name]
        share_most = most / f["clear"] if f["clear"] else 1.0
        print(f"  at most, with {what}: {most} of {f['clear']} ({share_most:.1%})")
    print(
        f"  hidden counts a reader could narrow to within +/-2: {f['unresolved']} from what is published "
        f"(target 0), {f['by_the_rule']} if the reader also infers every band from the 1-to-7 rule (ADR 0012)"
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
